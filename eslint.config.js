// Layer rules (docs/ARCHITECTURE.md): who may import whom — by the resolved path of each import, in
// eslint/layers.js — and src/sim stays pure and deterministic (no clock, timers or Math.random).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No export * (docs/ARCHITECTURE.md): name what you export.' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { nanoscope: layers },
    rules: { 'nanoscope/layers': 'error' },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'LAYER src/sim: no wall clock; virtual time is the only clock (docs/ARCHITECTURE.md#layers).' },
        { name: 'performance', message: 'LAYER src/sim: no wall clock; virtual time is the only clock (docs/ARCHITECTURE.md#layers).' },
        { name: 'setTimeout', message: 'LAYER src/sim: no timers; schedule events on the engine (docs/ARCHITECTURE.md#layers).' },
        { name: 'setInterval', message: 'LAYER src/sim: no timers; schedule events on the engine (docs/ARCHITECTURE.md#layers).' },
        { name: 'setImmediate', message: 'LAYER src/sim: no timers; schedule events on the engine (docs/ARCHITECTURE.md#layers).' },
        { name: 'queueMicrotask', message: 'LAYER src/sim: no timers; schedule events on the engine (docs/ARCHITECTURE.md#layers).' },
        { name: 'process', message: 'LAYER src/sim: no Node globals (docs/ARCHITECTURE.md#layers).' },
        { name: 'window', message: 'LAYER src/sim: no DOM (docs/ARCHITECTURE.md#layers).' },
        { name: 'document', message: 'LAYER src/sim: no DOM (docs/ARCHITECTURE.md#layers).' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'LAYER src/sim: no Math.random; use the seeded Rng passed in (docs/ARCHITECTURE.md#layers).' },
      ],
    },
  },
);
