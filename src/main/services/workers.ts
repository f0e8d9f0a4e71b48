/**
 * Where the measurement workers live. Bundle mode: the built host passes its directory and
 * workers are out/main/workers/<name>.js. Source mode (vitest, the tsx-run CLI): the same
 * TypeScript files under src/main/workers, loaded through tsx inside the worker.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { workerSourceName } from '../../shared/measurementKinds';

export type { WorkerName } from '../../shared/measurementKinds';

/** `{ kind: 'bundle', dir }` for built code; `{ kind: 'source' }` to run the .ts files through tsx. */
export type WorkerLocation = { readonly kind: 'bundle'; readonly dir: string } | { readonly kind: 'source'; readonly dir?: string };

export const SOURCE_WORKER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../workers');


/** Absolute path of a worker script in the given location. */
export function workerScriptPath(name: string, location: WorkerLocation): string {
  return location.kind === 'bundle' ? join(location.dir, `${name}.js`) : join(location.dir ?? SOURCE_WORKER_DIR, `${workerSourceName(name)}.ts`);
}

/** file: URL of tsx's ESM API (its `import` condition), for loading .ts inside a worker. */
export function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Runners without import.meta.resolve (vitest's module runner): resolve the package and
    // take its ESM build; require.resolve would pick the CommonJS one.
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  }
}

/**
 * Starts a worker script. Source mode loads the .ts through tsx's `tsImport` in a tiny ESM
 * bootstrap: on Node 20, `execArgv: ['--import', 'tsx']` does not reach a worker's entry
 * module (the hooks are registered after the entry is resolved), so it fails with
 * ERR_UNKNOWN_FILE_EXTENSION.
 */
export function spawnWorker(script: string, location: WorkerLocation, options: WorkerOptions = {}): Worker {
  if (location.kind === 'bundle') return new Worker(script, options);
  const url = pathToFileURL(script).href;
  const api = tsxApiUrl();
  const bootstrap = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}
