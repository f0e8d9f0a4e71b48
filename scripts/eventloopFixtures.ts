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
 *   npx tsx scripts/eventloopFixtures.ts --style modern [--runtime browser] ...   # the modern corpus (classes, generators, events…)
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
import { generateModernProgram } from '../src/sim/eventloop/corpus/modern';
import { MODERN_PUZZLES } from '../src/sim/eventloop/corpus/modernPuzzles';
import type { CorpusEntry } from '../src/sim/eventloop/fixtures/loadCorpus';
import { asText, ChromiumRunner } from '../src/cli/chromiumReal';

interface Args {
  runtime: 'node' | 'browser';
  /** `classic` (generate.ts + puzzles.ts) or `modern` (modern.ts + modernPuzzles.ts). */
  style: 'classic' | 'modern';
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
  const a: Args = { runtime: 'node', style: 'classic', recheck: 0, first: 1, count: 600, runs: 3, scale: 20, jobs: 6, out: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    const value = argv[i + 1] ?? '';
    if (key === 'out') a.out = value;
    else if (key === 'runtime' && (value === 'node' || value === 'browser')) a.runtime = value;
    else if (key === 'style' && (value === 'classic' || value === 'modern')) a.style = value;
    else if (key === 'count' || key === 'runs' || key === 'scale' || key === 'jobs' || key === 'recheck' || key === 'first') a[key] = Number(value);
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  if (a.out === '') a.out = `src/sim/eventloop/fixtures/corpus${a.style === 'modern' ? '-modern' : ''}${a.runtime === 'browser' ? '-browser' : ''}.json`;
  return a;
}

/** Preloaded with -r: multiplies every timer delay (0 and 1 ms are the same timer in Node). */
const SCALE_PRELOAD = `const f = Number(process.env.NANOSCOPE_TIMER_SCALE);
for (const name of ['setTimeout', 'setInterval']) {
  const orig = globalThis[name];
  globalThis[name] = function (cb, ms, ...args) { return orig(cb, Math.max(1, Number(ms) || 0) * f, ...args); };
}
// timers/promises makes its timers without the globals: scale those too (the modern corpus uses them).
const tp = require('timers/promises');
for (const name of ['setTimeout', 'setInterval']) {
  const orig = tp[name];
  tp[name] = function (ms, ...rest) { return orig(Math.max(1, Number(ms) || 0) * f, ...rest); };
}
`;

/** One real run: what it printed, how it ended. */
interface Outcome {
  readonly stdout: string;
  /** Recorded for the browser only (Node's stderr is not part of its corpus). */
  readonly stderr?: string;
  readonly code: number;
  /** The budget ran out (the browser's runs only). */
  readonly stopped: boolean;
}

/** A real runtime the recorder runs programs in. */
interface Runtime {
  /** One run with every timer delay × `scale` (1: as written). */
  run(source: string, scale: number): Promise<Outcome>;
  /** What the fixture's meta says about it. */
  meta(): Record<string, unknown>;
  close(): Promise<void>;
}

/** Real Node: each run a fresh process on a fresh copy of the program (fs.readFile(__filename) reads it). */
function nodeRuntime(): Runtime {
  const dir = mkdtempSync(join(tmpdir(), 'nanoscope-corpus-'));
  const preload = join(dir, 'scale.cjs');
  writeFileSync(preload, SCALE_PRELOAD);
  let n = 0;
  return {
    run(source, scale) {
      const sub = join(dir, `p${n++}`);
      mkdirSync(sub, { recursive: true });
      const file = join(sub, 'program.js');
      writeFileSync(file, source);
      const argv = scale === 1 ? [file] : ['-r', preload, file];
      return new Promise((resolve) => {
        execFile(process.execPath, argv, { timeout: 90_000, env: { ...process.env, NANOSCOPE_TIMER_SCALE: String(scale) }, maxBuffer: 1 << 20 }, (err, stdout) => {
          const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1;
          resolve({ stdout, code, stopped: false });
        });
      });
    },
    meta: () => ({ node: process.version }),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Real Chromium: each run a page of its own (src/cli/chromiumReal.ts); console and reported errors. */
async function chromiumRuntime(): Promise<Runtime> {
  const runner = await ChromiumRunner.launch();
  return {
    async run(source, scale) {
      const run = await runner.run(source, { timeoutMs: scale === 1 ? 20_000 : 30_000, timerScale: scale });
      return { stdout: asText(run.stdout), stderr: asText(run.stderr), code: run.stopped === null ? 0 : 3, stopped: run.stopped !== null };
    },
    meta: () => ({ runtime: 'browser', chromium: runner.version(), node: process.version }),
    close: () => runner.close(),
  };
}

/** Runs `fn` over `items`, `jobs` at a time. */
async function eachConcurrently<T>(items: readonly T[], jobs: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

/** One fixture entry: the shape the corpus test reads. */
type Entry = CorpusEntry;

function write(out: string, meta: Record<string, unknown>, entries: readonly Entry[]): void {
  const body = entries.map((e) => JSON.stringify(e)).join(',\n');
  writeFileSync(out, `{"meta":${JSON.stringify(meta)},\n"programs":[\n${body}\n]}\n`);
}

/** Every puzzle the runtime can run, then `count` generated programs from seed `first`. */
function programs(args: Args): { id: string; seed: number | null; source: string }[] {
  const browser = args.runtime === 'browser';
  const modern = args.style === 'modern';
  const all = modern ? MODERN_PUZZLES.filter((p) => !browser || p.browser) : PUZZLES;
  const puzzles = browser ? all.filter((p) => !/process\.|setImmediate|require\(/.test(p.source)) : all;
  const generate = (seed: number): string => (modern ? generateModernProgram(seed, browser ? { runtime: 'browser' } : {}) : generateProgram(seed, browser ? { runtime: 'browser' } : {}));
  return [
    ...(args.first === 1 ? puzzles.map((p) => ({ id: `puzzle:${p.id}`, seed: null as number | null, source: p.source })) : []),
    ...Array.from({ length: args.count }, (_, i) => ({ id: `gen:${args.first + i}`, seed: args.first + i, source: generate(args.first + i) })),
  ];
}

/** `--runs` plain runs and one with timers × `--scale`; deterministic when all agree (and none was stopped). */
async function record(args: Args, runtime: Runtime): Promise<void> {
  const todo = programs(args);
  const entries: Entry[] = new Array<Entry>(todo.length);
  let done = 0;
  await eachConcurrently(todo, args.jobs, async (p, i) => {
    const outcomes: Outcome[] = [];
    for (let r = 0; r <= args.runs; r++) outcomes.push(await runtime.run(p.source, r === args.runs ? args.scale : 1));
    const keys = new Set(outcomes.map((o) => `${o.code}\n${o.stdout}\n--\n${o.stderr ?? ''}`));
    const first = outcomes[0] as Outcome;
    entries[i] = { id: p.id, seed: p.seed, source: p.source, stdout: first.stdout, ...(first.stderr === undefined ? {} : { stderr: first.stderr }), exitCode: first.code, deterministic: keys.size === 1 && !first.stopped, variants: keys.size };
    done++;
    if (done % 25 === 0) process.stderr.write(`${done}/${todo.length}\n`);
  });
  const deterministic = entries.filter((e) => e.deterministic).length;
  write(args.out, { ...runtime.meta(), runs: args.runs, scale: args.scale, jobs: args.jobs, count: entries.length, deterministic }, entries);
  process.stderr.write(`wrote ${args.out}: ${entries.length} programs, ${deterministic} deterministic\n`);
}

/**
 * Reruns the fixture's deterministic programs — plain (once for Node, `--runs` times for the
 * browser) and once with timers × `--recheck` — and marks those that print anything else.
 */
async function recheck(args: Args, runtime: Runtime): Promise<void> {
  const fixture = JSON.parse(readFileSync(args.out, 'utf8')) as { meta: Record<string, unknown>; programs: Entry[] };
  const todo = fixture.programs.map((e, i) => ({ e, i })).filter(({ e }) => e.deterministic);
  const plain = args.runtime === 'browser' ? args.runs : 1;
  let flipped = 0;
  await eachConcurrently(todo, args.jobs, async ({ e, i }) => {
    for (let r = 0; r <= plain; r++) {
      const o = await runtime.run(e.source, r === plain ? args.recheck : 1);
      if (o.stopped || o.stdout !== e.stdout || o.code !== e.exitCode || (o.stderr ?? '') !== (e.stderr ?? '')) {
        fixture.programs[i] = { ...e, deterministic: false, variants: e.variants + 1 };
        flipped++;
        return;
      }
    }
  });
  const deterministic = fixture.programs.filter((e) => e.deterministic).length;
  write(args.out, { ...fixture.meta, recheckRuns: plain, recheckScale: args.recheck, deterministic }, fixture.programs);
  process.stderr.write(`recheck: ${flipped} of ${todo.length} were not deterministic after all; ${deterministic} remain\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const runtime = args.runtime === 'browser' ? await chromiumRuntime() : nodeRuntime();
  try {
    await (args.recheck > 0 ? recheck(args, runtime) : record(args, runtime));
  } finally {
    await runtime.close();
  }
}

void main();
