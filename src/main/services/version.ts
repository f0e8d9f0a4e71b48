import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Nanoscope's version from the nearest package.json named "nanoscope" above `fromUrl`. */
export function readVersion(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nanoscope' && pkg.version) return pkg.version;
    } catch {
      // not here; look further up
    }
    const up = dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}

/** The project root (where package.json named "nanoscope" is), or undefined. */
export function projectRoot(fromUrl: string = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'nanoscope') return dir;
    } catch {
      // keep looking
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
