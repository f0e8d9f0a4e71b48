/**
 * The Python runs: each finds (or is given) an interpreter, runs one fixed script with
 * budgets, and returns the figures beside the model's prediction. Used by the CLI and, through
 * the python worker, by both app hosts.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_SEED, generateText } from '../../../sim/distributed/corpus';
import { sceneGilSpeedups } from '../../../sim/parallel/gilCompare';
import { predictGilSpeedup, predictRace, switchPointsOf, type InterpreterFacts } from '../../../sim/threads/pythonGil';
import {
  BIGO_PROGRAM,
  PYTHON_LIMITS,
  type PythonBigOParams,
  type PythonBigOResult,
  type PythonDaskParams,
  type PythonDaskResult,
  type PythonGilParams,
  type PythonGilResult,
  type PythonInfo,
  type PythonRaceParams,
  type PythonRaceResult,
  type PythonVectorParams,
  type PythonVectorResult,
  type VectorImpl,
} from '../../../shared/python';
import { commandOf, findPython } from './find';
import { notFoundMessage } from './probe';
import { spreadOf, watchLoad } from './reliability';
import { runPythonScript, type PythonRunOptions } from './runScript';
import { BIGO_SCRIPT, CALL_CELL, DASK_SCRIPT, GIL_KERNEL, GIL_SCRIPT, SEED_CELL, VECTOR_SCRIPT, raceScript } from './scripts';

/** No interpreter: the message says what was looked for and how to install one. */
export class PythonNotFoundError extends Error {
  constructor(readonly lookedFor: readonly string[]) {
    super(notFoundMessage(lookedFor));
    this.name = 'PythonNotFoundError';
  }
}

export type RunHooks = Omit<PythonRunOptions, 'timeoutMs'>;

/** The interpreter a run uses: the given path (probed) or the preferred one. */
export async function resolvePython(explicit: string | undefined): Promise<PythonInfo> {
  const search = await findPython(explicit === undefined ? {} : { explicit });
  if (!search.chosen.found) throw new PythonNotFoundError(search.lookedFor);
  return search.chosen;
}

function facts(p: PythonInfo): InterpreterFacts {
  return { version: p.version ?? '', implementation: p.implementation ?? '', freeThreaded: p.free_threaded };
}

async function run<T>(p: PythonInfo, script: string, params: unknown, budgetMs: number | undefined, hooks: RunHooks) {
  const { command, args } = commandOf(p);
  return runPythonScript<T>(command, args, script, params, { ...hooks, timeoutMs: budgetMs ?? PYTHON_LIMITS.budgetMs.default });
}

const since = (t0: bigint): number => Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;

/** The tutorial's incrementer/decrementer (or the call variant) in two real threads, `repeat` times. */
export async function measurePythonRace(params: PythonRaceParams, hooks: RunHooks = {}): Promise<PythonRaceResult> {
  const t0 = process.hrtime.bigint();
  const python = await resolvePython(params.python);
  const iterations = params.iterations ?? PYTHON_LIMITS.race.iterations.default;
  const repeat = params.repeat ?? PYTHON_LIMITS.race.repeat.default;
  const cell = params.variant === 'seed' ? SEED_CELL : CALL_CELL;
  const load = watchLoad();
  const out = await run<{ runs: { final: number; seconds: number }[] }>(
    python,
    raceScript(cell),
    { iterations, repeat, checkpoint: Math.max(1, Math.floor(iterations / 10)) },
    params.budgetMs,
    hooks,
  );
  const p = predictRace(facts(python), params.variant);
  const runs = out.result.runs.map((r) => ({ final: r.final, lost: Math.abs(r.final), seconds: r.seconds }));
  return {
    python,
    variant: params.variant,
    iterations,
    runs,
    model: { switch_points: p.switchPoints, predicted_lost_possible: p.lostPossible, switch_after: p.switchAfter, reason: p.reason, rule: p.rule },
    code: cell,
    printed: out.printed,
    spread: spreadOf(runs.map((r) => r.seconds), 's'),
    load: load(),
    wall_ms: since(t0),
  };
}

/** One CPU-bound kernel on 1 thread, N threads and N processes; then N threads of waits. */
export async function measurePythonGil(params: PythonGilParams, hooks: RunHooks = {}): Promise<PythonGilResult> {
  const t0 = process.hrtime.bigint();
  const python = await resolvePython(params.python);
  const cores = availableParallelism();
  const workers = params.workers ?? Math.min(cores, 4);
  const iterations = params.iterations ?? PYTHON_LIMITS.gil.iterations.default;
  const repeat = params.repeat ?? PYTHON_LIMITS.gil.repeat.default;
  const waits = 4 * workers;
  const waitMs = 50;
  const load = watchLoad();
  const out = await run<{ times: Record<'single' | 'threads' | 'processes', number[]>; sums: number[]; io: { style: 'single' | 'threads'; workers: number; seconds: number }[] }>(
    python,
    GIL_SCRIPT,
    { iterations, workers, repeat, waits, wait_ms: waitMs },
    params.budgetMs,
    hooks,
  );
  if (out.result.sums.length !== 1) throw new Error(`the kernel gave different sums on 1 thread, N threads and N processes (${out.result.sums.join(', ')}): the run is wrong`);
  const results = (['single', 'threads', 'processes'] as const).map((style) => {
    const spread = spreadOf(out.result.times[style], 's');
    return { style, workers: style === 'single' ? 1 : workers, seconds: spread.median, spread };
  });
  const sec = (s: string): number => results.find((r) => r.style === s)!.seconds;
  const ioSec = (s: string): number => out.result.io.find((r) => r.style === s)!.seconds;
  const switchPoints = switchPointsOf(facts(python));
  const scene = sceneGilSpeedups(workers, cores);
  return {
    python,
    results,
    speedup: { threads: sec('single') / sec('threads'), processes: sec('single') / sec('processes') },
    io: { waits, wait_ms: waitMs, results: out.result.io, speedup: { threads: ioSec('single') / ioSec('threads') } },
    kernel: { iterations, code: GIL_KERNEL },
    model: {
      // The parallel scene's scheduler model (its cpu-bound and io-bound presets); a free-threaded
      // build has no GIL, so its threads are costed as processes without the spawn.
      threads: python.free_threaded ? predictGilSpeedup('threads', workers, cores, true) : scene.cpu.gil,
      processes: scene.cpu.processes,
      io_threads: scene.io.gil,
      switch_points: switchPoints,
      rule: python.free_threaded ? 'no GIL: threads run Python at the same time' : 'one GIL: one thread runs Python bytecode at a time, whatever the core count',
    },
    cores,
    load: load(),
    wall_ms: since(t0),
  };
}

/** y = 2.5·x + 1 over n floats, by every implementation installed. */
export async function measurePythonVector(params: PythonVectorParams, hooks: RunHooks = {}): Promise<PythonVectorResult> {
  const t0 = process.hrtime.bigint();
  const python = await resolvePython(params.python);
  const n = params.n ?? PYTHON_LIMITS.vector.n.default;
  const repeat = params.repeat ?? PYTHON_LIMITS.vector.repeat.default;
  const load = watchLoad();
  const out = await run<{ results: { impl: VectorImpl; times: number[]; checksum: number }[]; missing: string[] }>(python, VECTOR_SCRIPT, { n, repeat }, params.budgetMs, hooks);
  const loop = out.result.results.find((r) => r.impl === 'loop');
  const results = out.result.results.map((r) => {
    if (loop && Math.abs(r.checksum - loop.checksum) > 1e-9 * Math.abs(loop.checksum)) {
      throw new Error(`${r.impl} computed ${r.checksum}, the loop ${loop.checksum}: they must agree`);
    }
    const spread = spreadOf(r.times, 's');
    // Best of the repeats, as the other bandwidth runs report; 8 bytes read + 8 written per element.
    return { impl: r.impl, n, seconds: spread.min, gbps: (16 * n) / spread.min / 1e9, checksum: r.checksum, spread };
  });
  const vsLoop: Partial<Record<VectorImpl, number>> = {};
  const loopSec = results.find((r) => r.impl === 'loop')?.seconds;
  if (loopSec !== undefined) for (const r of results) vsLoop[r.impl] = loopSec / r.seconds;
  return { python, results, vs_loop: vsLoop, missing: out.result.missing, load: load(), wall_ms: since(t0) };
}

/** The Big O scene's cells in CPython. */
export async function measurePythonBigO(params: PythonBigOParams, hooks: RunHooks = {}): Promise<PythonBigOResult> {
  const t0 = process.hrtime.bigint();
  const python = await resolvePython(params.python);
  const L = PYTHON_LIMITS.bigo;
  const load = watchLoad();
  const out = await run<{ list_sizes: number[]; deque_sizes: number[]; program_sizes: PythonBigOResult['program_sizes']; ops: PythonBigOResult['ops'] }>(
    python,
    BIGO_SCRIPT,
    { sizes: params.sizes ?? L.sizes.default, ops: params.ops ?? L.ops.default, appends: params.appends ?? L.appends.default, program: BIGO_PROGRAM },
    params.budgetMs,
    hooks,
  );
  return { python, list_sizes: out.result.list_sizes, deque_sizes: out.result.deque_sizes, program_sizes: out.result.program_sizes, ops: out.result.ops, load: load(), wall_ms: since(t0) };
}

/** A word count through dask.bag; needs Dask. `input` is a file path (checked here) or `text`. */
export async function measurePythonDask(params: PythonDaskParams, hooks: RunHooks = {}): Promise<PythonDaskResult> {
  const t0 = process.hrtime.bigint();
  const python = await resolvePython(params.python);
  if (python.dask === null) {
    throw new Error(`Dask is not installed for ${python.executable} (Python ${python.version}): install it (pip install "dask[bag]", or apt install python3-dask for /usr/bin/python3) or pick another interpreter`);
  }
  let dir: string | null = null;
  let path = params.input;
  if (path === undefined) {
    dir = mkdtempSync(join(tmpdir(), 'nanoscope-dask-'));
    path = join(dir, 'input.txt');
    // The distributed scene's generated text, byte for byte what its worker_threads run counts.
    writeFileSync(path, params.sizeMB !== undefined ? generateText(params.sizeMB * 1e6, CORPUS_SEED) : (params.text ?? ''));
  } else {
    const st = statSync(path);
    if (!st.isFile()) throw new Error(`${path} is not a file`);
    if (st.size > PYTHON_LIMITS.dask.fileBytes.max) throw new Error(`${path} is ${st.size} bytes; the word count takes at most ${PYTHON_LIMITS.dask.fileBytes.max} bytes (64 MiB)`);
  }
  try {
    const load = watchLoad();
    const out = await run<Omit<PythonDaskResult, 'python' | 'load' | 'wall_ms'>>(python, DASK_SCRIPT, { path, blocksize: PYTHON_LIMITS.dask.blocksize }, params.budgetMs, hooks);
    return { python, ...out.result, load: load(), wall_ms: since(t0) };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
