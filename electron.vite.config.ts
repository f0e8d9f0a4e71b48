import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
          'workers/pointer-chase': resolve('src/main/workers/pointerChase.ts'),
          'workers/storage-latency': resolve('src/main/workers/storageLatency.ts'),
          'workers/mutex-latency': resolve('src/main/workers/mutexLatency.ts'),
          'workers/race': resolve('src/main/workers/race.ts'),
          'workers/false-sharing': resolve('src/main/workers/falseSharing.ts'),
          'workers/memory-mountain': resolve('src/main/workers/memoryMountain.ts'),
          'workers/startup': resolve('src/main/workers/startup.ts'),
          'workers/speedup': resolve('src/main/workers/speedup.ts'),
          'workers/simd': resolve('src/main/workers/simd.ts'),
          'workers/bigo': resolve('src/main/workers/bigo.ts'),
          'workers/event-loop': resolve('src/main/workers/eventLoop.ts'),
          'workers/python': resolve('src/main/workers/python.ts'),
          'workers/mapreduce': resolve('src/main/workers/mapreduce.ts'),
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
