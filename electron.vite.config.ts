import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { WORKER_NAMES, workerSourceName } from './src/shared/measurementKinds';

/**
 * Three builds. main: the Electron main process, the browser-mode host and the
 * measurement workers (worker_threads), all in out/main with workers under out/main/workers.
 * preload: one CommonJS file (sandboxed preloads cannot load ES modules).
 * renderer: the React app, served by Electron's app:// protocol or the browser-mode host.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web.ts'),
          // One worker per measurement kind (src/shared/measurementKinds.ts).
          ...Object.fromEntries(WORKER_NAMES.map((name) => [`workers/${name}`, resolve(`src/main/workers/${workerSourceName(name)}.ts`)])),
        },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      rolldownOptions: {
        input: { index: resolve('src/renderer/index.html') },
      },
    },
  },
});
