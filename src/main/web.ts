/**
 * Browser-mode entry (out/main/web.js): `node out/main/web.js [--port N] [--open]`.
 * Serves out/renderer and the API on 127.0.0.1 only; prints one ready line.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openUrl } from './openUrl';
import { readVersion } from './services/version';
import { startWebHost } from './webHost';

export const DEFAULT_PORT = 5817;

export function parseWebArgs(argv: readonly string[]): { port: number; open: boolean } | { error: string } {
  let port = DEFAULT_PORT;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--open') open = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const n = Number(v);
      if (v === undefined || !/^\d+$/.test(v) || n > 65535) return { error: `--port must be an integer from 0 to 65535 (0 = any free port), got ${v ?? 'nothing'}` };
      port = n;
    } else return { error: `unknown option ${a}; usage: web.js [--port N] [--open]` };
  }
  return { port, open };
}

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2));
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const host = await startWebHost({
    port: parsed.port,
    rendererDir: join(here, '../renderer'),
    workerDir: join(here, 'workers'),
    log,
    version: readVersion(import.meta.url),
  });
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  // Before the ready line: whoever waits for it may signal at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`Nanoscope browser mode ready at ${host.url}\n`);
  if (parsed.open) openUrl(host.url, log);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  process.stderr.write(err.code === 'EADDRINUSE' ? `Port in use: ${err.message}; try --port 0\n` : `Nanoscope browser mode failed: ${err.stack ?? String(e)}\n`);
  process.exit(1);
});
