#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, end-to-end tests — then one plain line
// `N passed, N failed` (unit + e2e tests; a failing typecheck, lint or build counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  process.stdout.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = child.status === 0;
  process.stdout.write(`== ${label}: ${ok ? 'ok' : `FAILED (exit ${child.status ?? child.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return ok;
}

function check(label, command, args) {
  if (!run(label, command, args)) failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);

rmSync(`${results}/vitest.json`, { force: true });
const unitOk = run('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`]);
const unit = readJson(`${results}/vitest.json`);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unitOk || unit.numFailedTests ? 0 : 1);
} else if (!unitOk) failed += 1;

const buildOk = run('build', bin('electron-vite'), ['build']);
if (!buildOk) failed += 1;

if (buildOk) {
  rmSync(`${results}/playwright.json`, { force: true });
  const e2eOk = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` });
  const e2e = readJson(`${results}/playwright.json`);
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
    if (!e2eOk && !e2e.stats.unexpected) failed += 1;
  } else if (!e2eOk) failed += 1;
} else if (existsSync('out')) {
  process.stdout.write('== e2e: skipped, the build failed\n');
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
