// Layer rules (STYLE.md): who may import whom, and src/sim stays pure and deterministic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name, forbidden, why) => {
  const message = `LAYER src/${name}: ${why}`;
  // Bare names (fs, url, react) must match exactly, or 'url' would also forbid './routing/url'.
  const bare = forbidden.filter((f) => !f.includes('*') && !f.includes('/'));
  const globs = forbidden.filter((f) => f.includes('*') || f.includes('/'));
  return {
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: bare.map((name) => ({ name, message })),
          patterns: globs.map((group) => ({ group: [group], message })),
        },
      ],
    },
  };
};

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'url', 'crypto'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No export * (STYLE.md): name what you export.' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer('sim', ['../../main/*', '../../renderer/*', '../../shared/*', '../../cli/*', '../../preload/*', 'electron', 'react', 'react-dom', 'd3', 'd3-*', 'zustand', ...nodeBuiltins],
    'src/sim is pure TypeScript and imports nothing outside src/sim (no Node, DOM, Electron, React, d3).'),
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'LAYER src/sim: no wall clock; virtual time is the only clock.' },
        { name: 'performance', message: 'LAYER src/sim: no wall clock; virtual time is the only clock.' },
        { name: 'setTimeout', message: 'LAYER src/sim: no timers; schedule events on the engine.' },
        { name: 'setInterval', message: 'LAYER src/sim: no timers; schedule events on the engine.' },
        { name: 'setImmediate', message: 'LAYER src/sim: no timers; schedule events on the engine.' },
        { name: 'queueMicrotask', message: 'LAYER src/sim: no timers; schedule events on the engine.' },
        { name: 'process', message: 'LAYER src/sim: no Node globals.' },
        { name: 'window', message: 'LAYER src/sim: no DOM.' },
        { name: 'document', message: 'LAYER src/sim: no DOM.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'LAYER src/sim: no Math.random; use the seeded Rng passed in.' },
      ],
    },
  },
  layer('shared', ['../main/*', '../renderer/*', '../cli/*', '../preload/*', 'electron', 'react', 'd3', 'zustand', ...nodeBuiltins],
    'src/shared is the contract: it may import only src/sim types.'),
  layer('preload', ['../sim/*', '../main/*', '../renderer/*', '../cli/*', 'react', 'd3', 'zustand', ...nodeBuiltins.filter((n) => n !== 'node:*')],
    'src/preload exposes the contract and imports only src/shared (and electron).'),
  layer('renderer', ['../main/*', '../../main/*', '../cli/*', '../../cli/*', '../preload/*', '../../preload/*', 'electron', ...nodeBuiltins],
    'src/renderer talks to the host only through the contract (src/shared); no Node or Electron.'),
);
