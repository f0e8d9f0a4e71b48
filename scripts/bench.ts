/**
 * `npm run bench`: prints one table. Engine throughput, renderer bundle size, browser-mode
 * time to first paint, frame times while the ladder animates and with 1,000 animated items,
 * the pointer chase's wall time and the wasm SIMD/scalar ratio on an L1-resident array.
 * `--full` runs the pointer chase to 256 MiB (default: the quick CI profile, 16 MiB). Needs a build (`npm run build`) for the browser rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { Engine } from '../src/sim/core/engine';
import { trivialModel } from '../src/sim/core/trivialModel';
import { explore } from '../src/sim/threads/explore';
import { startHost } from '../tests/e2e/host';
import { benchCache } from './cacheBench';
import { parseSpec, runOps } from '../src/sim/bigo/structures';

const full = process.argv.includes('--full');
/** `--only bundle,browser`: run just those sections (engine, explorer, cache, bundle, browser, chase, speedup, simd). */
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const wants = (section: string) => only === null || only.has(section);
const rows: { metric: string; value: string; goal: string }[] = [];
const row = (metric: string, value: string, goal = '') => {
  rows.push({ metric, value, goal });
  process.stderr.write(`  ${metric}: ${value}\n`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

function benchEngine(): void {
  const events = 5_000_000;
  const rates: number[] = [];
  for (let i = 0; i < 4; i++) {
    const engine = new Engine(trivialModel(events), 1);
    const start = performance.now();
    const result = engine.run({ maxEvents: events + 10 });
    const seconds = (performance.now() - start) / 1000;
    if (i > 0) rates.push(result.steps / seconds); // the first run warms up the JIT
  }
  row('engine, trivial events/s (median of 3 × 5 M)', `${(median(rates) / 1e6).toFixed(1)} M/s`, '≥ 5 M/s');
}

/** The Big O model: ops/s of `nanoscope bigo` at its bound (10⁶ list ops with shifts and reallocations). */
function benchBigO(): void {
  const items = parseSpec('list', 'append*400000,insert0*100000,pop0*100000,pop*400000');
  const rates: number[] = [];
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    const r = runOps('list', items);
    if (i > 0) rates.push(r.steps.length / ((performance.now() - start) / 1000));
  }
  row('bigo model, list ops/s (median of 3 × 1 M)', `${(median(rates) / 1e6).toFixed(1)} M/s`, '≥ 1 M/s');
}

/** The threads explorer on T=3, K=4 non-atomic increments, one core: raw state rate, and the CLI's reduced search. */
function benchExplorer(): void {
  const run = (reduce: boolean) => {
    const rates: number[] = [];
    const times: number[] = [];
    let states = 0;
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      states = explore({ threads: 3, iterations: 4, strategy: 'nonatomic', reduce }).states;
      const seconds = (performance.now() - start) / 1000;
      if (i > 1) {
        // the first runs warm up the JIT
        rates.push(states / seconds);
        times.push(seconds);
      }
    }
    return { states, rate: median(rates), seconds: median(times) };
  };
  const full = run(false);
  const reduced = run(true);
  row(
    'explorer, 3 threads × 4 non-atomic increments (median of 4)',
    `${(full.rate / 1e6).toFixed(2)} M states/s (${full.states} states, ${full.seconds.toFixed(2)} s); reduced: ${reduced.states} states, ${reduced.seconds.toFixed(2)} s`,
    '≥ 1 M states/s',
  );
}

function benchBundle(): void {
  const dir = 'out/renderer/assets';
  if (!existsSync(dir)) return row('renderer bundle (gzip)', 'no build: run npm run build');
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const data = readFileSync(join(dir, name));
    raw += statSync(join(dir, name)).size;
    gz += gzipSync(data, { level: 9 }).length;
  }
  row('renderer bundle, JS + CSS (gzip)', `${(gz / 1024).toFixed(0)} KiB (raw ${(raw / 1024).toFixed(0)} KiB)`);
  // What the first paint waits for: the scripts and module preloads index.html names (workers and
  // lazily loaded scene chunks come later).
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let initialGz = 0;
  for (const file of initial) initialGz += gzipSync(readFileSync(join('out/renderer', file)), { level: 9 }).length;
  row('renderer initial JS, what index.html loads (gzip)', `${(initialGz / 1024).toFixed(0)} KiB in ${initial.length} file(s)`, '≤ 250 KiB');
}

async function benchBrowser(browser: Browser): Promise<void> {
  const host = await startHost();
  try {
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${host.url}#/latency-ladder`);
      await page.getByTestId('ladder.svg').waitFor();
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      paints.push(fcp);
      await page.close();
    }
    row('browser mode: first contentful paint (median of 5)', `${median(paints).toFixed(0)} ms`, '< 600 ms');

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(() => localStorage.setItem('nanoscope.motion', 'on'));
    await page.goto(`${host.url}#/latency-ladder?scale=log`);
    await page.getByTestId('ladder.svg').waitFor();
    await page.getByTestId('controls.play').click();
    const ladder = await frameTimes(page, 4000);
    row('ladder animating, frame time p95 (1920×1080)', `${ladder.p95.toFixed(1)} ms (median ${ladder.median.toFixed(1)}, ${ladder.frames} frames)`, '≤ 16.7 ms');
    await page.close();

    // The real stages with the most items, playing: the ETL job on 128 machines × 16 cores
    // (2,048 core cells and 2,000 input splits, both redrawn as the playhead moves) and the
    // stacks grid at 500 instances (boot bars animated per frame).
    for (const [route, testId, label] of [
      ['distributed?job=etl&machines=128&cores=16', 'distributed.cluster.panel', 'distributed, 2,048 cores + 2,000 splits playing, frame time p95'],
      ['stacks?stack=vm&instances=500', 'stacks.grid', 'stacks, 500 instances booting, frame time p95'],
    ] as const) {
      const stage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await stage.addInitScript(() => localStorage.setItem('nanoscope.motion', 'on'));
      await stage.goto(`${host.url}#/${route}`);
      await stage.getByTestId(testId).waitFor();
      await stage.getByTestId('controls.play').click();
      const times = await frameTimes(stage, 4000);
      row(label, `${times.p95.toFixed(1)} ms (median ${times.median.toFixed(1)}, ${times.frames} frames)`, '≤ 16.7 ms');
      await stage.close();
    }

    for (const [mode, label] of [
      ['', '1,000 animated items as SVG paths, frame time p95'],
      ['&mode=canvas', '1,000 animated items on a 2D canvas, frame time p95'],
    ] as const) {
      const synthetic = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await synthetic.goto(`${host.url}#/_bench/particles?n=1000${mode}`);
      await synthetic.getByTestId('bench.particles').waitFor();
      const items = await frameTimes(synthetic, 4000);
      row(label, `${items.p95.toFixed(1)} ms (median ${items.median.toFixed(1)}, ${items.frames} frames)`, '≤ 16.7 ms');
      await synthetic.close();
    }
  } finally {
    await host.stop();
  }
}

async function frameTimes(page: import('@playwright/test').Page, ms: number) {
  // A string, not a function: tsx (esbuild keepNames) would wrap a function in __name(),
  // which does not exist in the page.
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out.slice(5));
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  return { p95: percentile(deltas, 0.95), median: median(deltas), frames: deltas.length };
}

function benchPointerChase(): void {
  const maxBytes = full ? '256M' : '16M';
  const start = performance.now();
  const child = spawnSync(process.execPath, ['bin/nanoscope.js', 'measure', 'memory-latency', '--max-bytes', maxBytes, '--json'], { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (child.status !== 0) return row(`pointer chase to ${maxBytes}`, `failed (exit ${child.status}): ${child.stderr.split('\n').slice(-3).join(' ')}`);
  const points = (JSON.parse(child.stdout) as { points: { bytes: number; ns: number }[] }).points;
  const last = points[points.length - 1]!;
  row(`pointer chase 4 KiB → ${maxBytes}, wall time (whole CLI)`, `${wall.toFixed(1)} s (${points[0]!.ns.toFixed(1)} ns at 4 KiB, ${last.ns.toFixed(1)} ns at ${maxBytes})`);
}

/** The real speedup of 2 worker_threads over 1 on CPU-bound work (the whole CLI, best of 5 each). */
function benchSpeedup(): void {
  const child = spawnSync(process.execPath, ['bin/nanoscope.js', 'measure', 'speedup', '--max-workers', '2', '--repeat', '5', '--json'], { encoding: 'utf8' });
  if (child.status !== 0) return row('speedup, 2 workers (CPU-bound)', `failed (exit ${child.status}): ${child.stderr.split('\n').slice(-3).join(' ')}`);
  const r = JSON.parse(child.stdout) as { points: { workers: number; seconds: number; speedup: number }[]; cores: number };
  const [one, two] = r.points;
  row(
    `speedup, 2 worker_threads vs 1 (primes, best of 5, ${r.cores} cores)`,
    `×${two!.speedup.toFixed(2)} (${one!.seconds.toFixed(3)} s → ${two!.seconds.toFixed(3)} s)`,
    r.cores >= 2 ? '1.3–2.1' : '≈ 1 (1 core)',
  );
}

/** wasm f32x4 vs scalar wasm on an L1-resident array (16 KiB), sum and saxpy (the whole CLI). */
function benchSimd(): void {
  const child = spawnSync(process.execPath, ['bin/nanoscope.js', 'measure', 'simd', '--sizes', '16K', '--json'], { encoding: 'utf8' });
  if (child.status !== 0) return row('wasm SIMD vs scalar, 16 KiB', `failed (exit ${child.status}): ${child.stderr.split('\n').slice(-3).join(' ')}`);
  const r = JSON.parse(child.stdout) as { speedups: { kernel: string; simd_vs_scalar: number }[]; results: { kernel: string; impl: string; gbps: number }[] };
  const of = (kernel: string) => r.speedups.find((x) => x.kernel === kernel)?.simd_vs_scalar ?? NaN;
  const simdSum = r.results.find((x) => x.kernel === 'sum' && x.impl === 'wasm-simd')?.gbps ?? NaN;
  row('wasm SIMD (f32x4) vs scalar wasm, 16 KiB array (L1)', `sum ×${of('sum').toFixed(1)}, saxpy ×${of('saxpy').toFixed(1)} (SIMD sum ${simdSum.toFixed(1)} GB/s)`, '> 1');
}

async function main(): Promise<void> {
  process.stderr.write('Nanoscope bench…\n');
  if (wants('engine')) benchEngine();
  if (wants('explorer')) benchExplorer();
  if (wants('bigo')) benchBigO();
  if (wants('cache')) await benchCache(row);
  if (wants('bundle')) benchBundle();
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!wants('browser')) {
    // skipped
  } else if (existsSync('out/main/web.js')) {
    const browser = await chromium.launch({
      executablePath: existsSync(executablePath) ? executablePath : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      await benchBrowser(browser);
    } finally {
      await browser.close();
    }
  } else row('browser rows', 'no build: run npm run build');
  if (wants('chase')) benchPointerChase();
  if (wants('speedup')) benchSpeedup();
  if (wants('simd')) benchSimd();

  const w1 = Math.max(...rows.map((r) => r.metric.length), 6);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  const line = (a: string, b: string, c: string) => `| ${a.padEnd(w1)} | ${b.padEnd(w2)} | ${c.padEnd(9)} |`;
  console.log(line('metric', 'value', 'goal'));
  console.log(`|${'-'.repeat(w1 + 2)}|${'-'.repeat(w2 + 2)}|${'-'.repeat(11)}|`);
  for (const r of rows) console.log(line(r.metric, r.value, r.goal));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
