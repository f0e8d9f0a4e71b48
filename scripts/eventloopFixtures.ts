/**
 * Records the event-loop corpus's real outputs: every classic puzzle and N generated programs
 * run in real Node several times — plainly, concurrently with each other (load), and with
 * every timer delay scaled up — and the program is marked deterministic only when every run
 * printed the same stdout and exited with the same code. CI reads the fixture; this script is
 * how it is regenerated:
 *
 *   npx tsx scripts/eventloopFixtures.ts [--count 600] [--runs 3] [--scale 20] [--jobs 6]
 *   npx tsx scripts/eventloopFixtures.ts --recheck 100   # rerun the deterministic ones: plain and timers ×100
 *   npx tsx scripts/eventloopFixtures.ts --runtime browser [--count 640] [--jobs 4]
 *   npx tsx scripts/eventloopFixtures.ts --runtime browser --recheck 50 --runs 6   # 6 more plain runs, one ×50
 *
 * The browser corpus (fixtures/corpus-browser.json) is the generator's browser programs run in
 * pages of headless Chromium (src/cli/chromiumReal.ts, the same instrument as the app's worker):
 * several plain runs with `--jobs` pages at once (load), one with timers scaled up; a program
 * is deterministic when all printed the same stdout and stderr.
 *
 * The recheck exists because a loaded machine makes some timing consistent by accident (a
 * first console.log that takes 20 ms every time); with delays ×100 that accident goes away.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProgram } from '../src/sim/eventloop/corpus/generate';
import { PUZZLES } from '../src/sim/eventloop/corpus/puzzles';
import type { CorpusEntry } from '../src/sim/eventloop/fixtures/loadCorpus';
import { ChromiumRunner } from '../src/cli/chromiumReal';

interface Args {
  runtime: 'node' | 'browser';
  recheck: number;
  /** First seed (a held-out corpus uses seeds the committed one does not). */
  first: number;
  count: number;
  runs: number;
  scale: number;
  jobs: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runtime: 'node', recheck: 0, first: 1, count: 600, runs: 3, scale: 20, jobs: 6, out: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    const value = argv[i + 1] ?? '';
    if (key === 'out') a.out = value;
    else if (key === 'runtime' && (value === 'node' || value === 'browser')) a.runtime = value;
    else if (key === 'count' || key === 'runs' || key === 'scale' || key === 'jobs' || key === 'recheck' || key === 'first') a[key] = Number(value);
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  if (a.out === '') a.out = a.runtime === 'browser' ? 'src/sim/eventloop/fixtures/corpus-browser.json' : 'src/sim/eventloop/fixtures/corpus.json';
  return a;
}

/** Preloaded with -r: multiplies every timer delay (0 and 1 ms are the same timer in Node). */
const SCALE_PRELOAD = `const f = Number(process.env.NANOSCOPE_TIMER_SCALE);
for (const name of ['setTimeout', 'setInterval']) {
  const orig = globalThis[name];
  globalThis[name] = function (cb, ms, ...args) { return orig(cb, Math.max(1, Number(ms) || 0) * f, ...args); };
}
`;

interface Outcome {
  readonly stdout: string;
  readonly code: number;
}

function runNode(file: string, preload: string | null, scale: number): Promise<Outcome> {
  const args = preload === null ? [file] : ['-r', preload, file];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: 90_000, env: { ...process.env, NANOSCOPE_TIMER_SCALE: String(scale) }, maxBuffer: 1 << 20 }, (err, stdout) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1;
      resolve({ stdout, code });
    });
  });
}

/** One fixture entry: the shape the corpus test reads. */
type Entry = CorpusEntry;

async function recheck(args: Args, dir: string, preload: string): Promise<void> {
  const text = readFileSync(args.out, 'utf8');
  const fixture = JSON.parse(text) as { meta: Record<string, unknown>; programs: Entry[] };
  const todo = fixture.programs.map((e, i) => ({ e, i })).filter(({ e }) => e.deterministic);
  let next = 0;
  let flipped = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const job = todo[next++];
      if (job === undefined) return;
      const sub = join(dir, `r${job.i}`);
      mkdirSync(sub, { recursive: true });
      const file = join(sub, 'program.js');
      writeFileSync(file, job.e.source);
      const outcomes = [await runNode(file, null, 1), await runNode(file, preload, args.recheck)];
      if (outcomes.some((o) => o.stdout !== job.e.stdout || o.code !== job.e.exitCode)) {
        fixture.programs[job.i] = { ...job.e, deterministic: false, variants: job.e.variants + 1 };
        flipped++;
      }
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  const deterministic = fixture.programs.filter((e) => e.deterministic).length;
  write(args.out, { ...fixture.meta, recheckScale: args.recheck, deterministic }, fixture.programs);
  process.stderr.write(`recheck: ${flipped} of ${todo.length} were not deterministic after all; ${deterministic} remain\n`);
}

function write(out: string, meta: Record<string, unknown>, entries: readonly Entry[]): void {
  const body = entries.map((e) => JSON.stringify(e)).join(',\n');
  writeFileSync(out, `{"meta":${JSON.stringify(meta)},\n"programs":[\n${body}\n]}\n`);
}

/** The browser corpus: generated browser programs and the puzzles that run in a browser, in headless Chromium. */
async function recordBrowser(args: Args): Promise<void> {
  const runner = await ChromiumRunner.launch();
  const browserPuzzles = PUZZLES.filter((p) => !/process\.|setImmediate|require\(/.test(p.source));
  const programs = [
    ...(args.first === 1 ? browserPuzzles.map((p) => ({ id: `puzzle:${p.id}`, seed: null as number | null, source: p.source })) : []),
    ...Array.from({ length: args.count }, (_, i) => ({ id: `gen:${args.first + i}`, seed: args.first + i, source: generateProgram(args.first + i, { runtime: 'browser' }) })),
  ];
  const entries: Entry[] = new Array<Entry>(programs.length);
  let next = 0;
  let done = 0;
  const text = (xs: readonly string[]) => xs.map((x) => `${x}\n`).join('');
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const p = programs[i];
      if (p === undefined) return;
      const outcomes: { stdout: string; stderr: string; stopped: boolean }[] = [];
      for (let r = 0; r <= args.runs; r++) {
        const run = await runner.run(p.source, { timeoutMs: 20_000, timerScale: r === args.runs ? args.scale : 1 });
        outcomes.push({ stdout: text(run.stdout), stderr: text(run.stderr), stopped: run.stopped !== null });
      }
      const keys = new Set(outcomes.map((o) => `${o.stopped}\n${o.stdout}\n--\n${o.stderr}`));
      const first = outcomes[0] as (typeof outcomes)[number];
      entries[i] = { id: p.id, seed: p.seed, source: p.source, stdout: first.stdout, stderr: first.stderr, exitCode: first.stopped ? 3 : 0, deterministic: keys.size === 1 && !first.stopped, variants: keys.size };
      done++;
      if (done % 25 === 0) process.stderr.write(`${done}/${programs.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  const version = runner.version();
  await runner.close();
  const deterministic = entries.filter((e) => e.deterministic).length;
  write(args.out, { runtime: 'browser', chromium: version, node: process.version, runs: args.runs, scale: args.scale, jobs: args.jobs, count: entries.length, deterministic }, entries);
  process.stderr.write(`wrote ${args.out}: ${entries.length} programs, ${deterministic} deterministic\n`);
}

/**
 * Reruns the browser corpus's deterministic programs: `--runs` more plain runs and one with
 * timers ×`--recheck`. A first animation frame comes anywhere from 0.5 to 18 ms after a page's
 * script, so a few runs under load can agree by chance on a frame-against-timer race.
 */
async function recheckBrowser(args: Args): Promise<void> {
  const runner = await ChromiumRunner.launch();
  const fixture = JSON.parse(readFileSync(args.out, 'utf8')) as { meta: Record<string, unknown>; programs: Entry[] };
  const todo = fixture.programs.map((e, i) => ({ e, i })).filter(({ e }) => e.deterministic);
  const text = (xs: readonly string[]) => xs.map((x) => `${x}\n`).join('');
  let next = 0;
  let flipped = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const job = todo[next++];
      if (job === undefined) return;
      for (let r = 0; r <= args.runs; r++) {
        const run = await runner.run(job.e.source, { timeoutMs: 30_000, timerScale: r === args.runs ? args.recheck : 1 });
        if (run.stopped !== null || text(run.stdout) !== job.e.stdout || text(run.stderr) !== (job.e.stderr ?? '')) {
          fixture.programs[job.i] = { ...job.e, deterministic: false, variants: job.e.variants + 1 };
          flipped++;
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  await runner.close();
  const deterministic = fixture.programs.filter((e) => e.deterministic).length;
  write(args.out, { ...fixture.meta, recheckRuns: args.runs, recheckScale: args.recheck, deterministic }, fixture.programs);
  process.stderr.write(`recheck: ${flipped} of ${todo.length} were not deterministic after all; ${deterministic} remain\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.runtime === 'browser') return args.recheck > 0 ? recheckBrowser(args) : recordBrowser(args);
  const dir = mkdtempSync(join(tmpdir(), 'nanoscope-corpus-'));
  const preload = join(dir, 'scale.cjs');
  writeFileSync(preload, SCALE_PRELOAD);
  if (args.recheck > 0) {
    await recheck(args, dir, preload);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const programs = [
    ...(args.first === 1 ? PUZZLES.map((p) => ({ id: `puzzle:${p.id}`, seed: null as number | null, source: p.source })) : []),
    ...Array.from({ length: args.count }, (_, i) => ({ id: `gen:${args.first + i}`, seed: args.first + i, source: generateProgram(args.first + i) })),
  ];
  const entries: Entry[] = new Array<Entry>(programs.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const p = programs[i];
      if (p === undefined) return;
      const file = join(dir, `p${i}`, 'program.js');
      mkdirSync(join(dir, `p${i}`), { recursive: true });
      writeFileSync(file, p.source);
      const outcomes: Outcome[] = [];
      for (let r = 0; r < args.runs; r++) outcomes.push(await runNode(file, null, 1));
      outcomes.push(await runNode(file, preload, args.scale));
      const keys = new Set(outcomes.map((o) => `${o.code}\n${o.stdout}`));
      const first = outcomes[0] as Outcome;
      entries[i] = { id: p.id, seed: p.seed, source: p.source, stdout: first.stdout, exitCode: first.code, deterministic: keys.size === 1, variants: keys.size };
      done++;
      if (done % 25 === 0) process.stderr.write(`${done}/${programs.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  rmSync(dir, { recursive: true, force: true });
  const deterministic = entries.filter((e) => e.deterministic).length;
  write(args.out, { node: process.version, runs: args.runs, scale: args.scale, jobs: args.jobs, count: entries.length, deterministic }, entries);
  process.stderr.write(`wrote ${args.out}: ${entries.length} programs, ${deterministic} deterministic\n`);
}

void main();
