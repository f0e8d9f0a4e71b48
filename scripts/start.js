#!/usr/bin/env node
// `npm start`: build, then the Electron app when its binary is installed, else browser mode.
// `npm run web` (--web): browser mode directly. Flags: --no-build, --port N (browser mode).
// Never require('electron') here: without its binary that throws.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const web = argv.includes('--web');
const build = !argv.includes('--no-build');
const portIndex = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
const portArgs = portIndex < 0 ? [] : argv[portIndex] === '--port' ? ['--port', argv[portIndex + 1] ?? ''] : [argv[portIndex]];

function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (e) => {
      console.error(`Could not run ${cmd}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

if (build) {
  const code = await run(join(root, 'node_modules/.bin/electron-vite'), ['build']);
  if (code !== 0) {
    console.error(`electron-vite build failed (exit ${code}).`);
    process.exit(code);
  }
}

if (!web) {
  const electron = electronBinary();
  if (electron) process.exit(await run(electron, [root]));
  console.log("Electron's binary is not installed (node_modules/electron/dist is missing; it cannot be downloaded here) — starting browser mode instead.");
}
process.exit(await run(process.execPath, [join(root, 'out/main/web.js'), '--open', ...portArgs]));
