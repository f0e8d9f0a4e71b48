/**
 * `nanoscope measure <kind>`: a real measurement on this machine, through the same
 * MeasurementService (and the same worker files, in source mode) as both hosts.
 */
import type { BigOResult, MapReduceResult, FalseSharingResult, SimdResult, StartupResult, MeasurementRequest, MeasurementResult, MemoryLatencyResult, MemoryMountainResult, RaceResult, RaceStrategy, SpeedupResult } from '../../shared/api';
import { MAPREDUCE_LIMITS, validateArgs } from '../../shared/validateArgs';
import { readFileSync, statSync } from 'node:fs';
import { reliabilityNotes } from '../../shared/reliability';
import { MeasurementService } from '../../main/services/measurements';
import { BUDGET_EXCEEDED } from '../../main/workers/protocol';

import { parseInteger, parseSize, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, FailedError, InputError, UsageError } from '../errors';
import { formatBytes } from '../../sim/core/format';

const KINDS = ['memory-latency', 'storage-latency', 'mutex-latency', 'memory-mountain', 'race', 'false-sharing', 'startup', 'speedup', 'simd', 'bigo', 'python-gil', 'python-race', 'python-vector', 'python-bigo', 'python-dask', 'mapreduce'] as const;

function buildRequest(kind: string, args: ParsedArgs): MeasurementRequest {
  const only = (allowed: string[]): void => {
    for (const f of ['max-bytes', 'repeats', 'budget-ms', 'reads', 'strides', 'workers', 'iterations', 'strategy', 'repeat', 'max-workers', 'sizes', 'python', 'variant', 'n', 'input', 'ops', 'appends', 'max-n', 'size-mb']) {
      if (args.flags.has(f) && !allowed.includes(f)) throw new UsageError(`nanoscope measure ${kind}: unknown flag --${f}`);
    }
  };
  switch (kind) {
    case 'memory-latency': {
      only(['max-bytes', 'repeats', 'budget-ms']);
      const maxBytes = stringFlag(args, 'max-bytes');
      const repeats = stringFlag(args, 'repeats');
      const budget = stringFlag(args, 'budget-ms');
      return {
        kind,
        params: {
          maxBytes: maxBytes === undefined ? 256 * 1024 ** 2 : parseSize(maxBytes, '--max-bytes'),
          ...(repeats === undefined ? {} : { repeats: parseInteger(repeats, '--repeats', 1, 9) }),
          ...(budget === undefined ? {} : { budgetMs: parseInteger(budget, '--budget-ms', 1000, 600_000) }),
        },
      };
    }
    case 'storage-latency': {
      only(['reads']);
      const reads = stringFlag(args, 'reads');
      return { kind, params: reads === undefined ? {} : { reads: parseInteger(reads, '--reads', 16, 4096) } };
    }
    case 'mutex-latency':
      only([]);
      return { kind, params: {} };
    case 'memory-mountain': {
      only(['max-bytes', 'strides', 'budget-ms']);
      const maxBytes = stringFlag(args, 'max-bytes');
      const strides = stringFlag(args, 'strides');
      const budget = stringFlag(args, 'budget-ms');
      return {
        kind,
        params: {
          maxBytes: maxBytes === undefined ? 256 * 1024 ** 2 : parseSize(maxBytes, '--max-bytes'),
          ...(strides === undefined ? {} : { strides: strides.split(',').map((s) => parseInteger(s, '--strides', 1, 64)) }),
          ...(budget === undefined ? {} : { budgetMs: parseInteger(budget, '--budget-ms', 1000, 600_000) }),
        },
      };
    }
    case 'race': {
      // Ranges and the strategy are checked by validateArgs, as for both hosts.
      only(['workers', 'iterations', 'strategy', 'repeat']);
      const int = (flag: string, fallback: number): number => {
        const text = stringFlag(args, flag);
        return text === undefined ? fallback : parseInteger(text, `--${flag}`, -(2 ** 53), 2 ** 53);
      };
      return {
        kind,
        params: {
          workers: int('workers', 2),
          iterations: int('iterations', 1_000_000),
          strategy: (stringFlag(args, 'strategy') ?? 'plain') as RaceStrategy,
          repeat: int('repeat', 10),
        },
      };
    }
    case 'startup': {
      // The range (3..200) is checked by validateArgs, as for both hosts.
      only(['repeat']);
      const repeat = stringFlag(args, 'repeat');
      return { kind, params: repeat === undefined ? {} : { repeat: parseInteger(repeat, '--repeat', -(2 ** 53), 2 ** 53) } };
    }
    case 'false-sharing': {
      only(['iterations']);
      const iterations = stringFlag(args, 'iterations');
      return { kind, params: iterations === undefined ? {} : { iterations: parseInteger(iterations, '--iterations', 1, 100_000_000) } };
    }
    case 'speedup': {
      // Ranges are checked by validateArgs, as for both hosts.
      only(['max-workers', 'repeat', 'budget-ms']);
      const maxWorkers = stringFlag(args, 'max-workers');
      if (maxWorkers === undefined) throw new UsageError('nanoscope measure speedup: --max-workers N is required');
      const int = (text: string, flag: string): number => parseInteger(text, `--${flag}`, -(2 ** 53), 2 ** 53);
      const repeat = stringFlag(args, 'repeat');
      const budget = stringFlag(args, 'budget-ms');
      return {
        kind,
        params: {
          maxWorkers: int(maxWorkers, 'max-workers'),
          ...(repeat === undefined ? {} : { repeat: int(repeat, 'repeat') }),
          ...(budget === undefined ? {} : { budgetMs: int(budget, 'budget-ms') }),
        },
      };
    }
    case 'simd': {
      // Sizes (bytes of each array) are checked by validateArgs, as for both hosts.
      only(['sizes', 'budget-ms']);
      const sizes = stringFlag(args, 'sizes');
      const budget = stringFlag(args, 'budget-ms');
      return {
        kind,
        params: {
          ...(sizes === undefined ? {} : { sizes: sizes.split(',').map((x) => parseSize(x, '--sizes')) }),
          ...(budget === undefined ? {} : { budgetMs: parseInteger(budget, '--budget-ms', 1000, 600_000) }),
        },
      };
    }
    case 'bigo': {
      // Ranges are checked by validateArgs, as for both hosts.
      only(['max-n', 'repeats', 'budget-ms']);
      const int = (flag: string): Record<string, number> => {
        const text = stringFlag(args, flag);
        const key = flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()); // max-n → maxN
        return text === undefined ? {} : { [key]: parseInteger(text, `--${flag}`, -(2 ** 53), 2 ** 53) };
      };
      return { kind, params: { ...int('max-n'), ...int('repeats'), ...int('budget-ms') } };
    }
    case 'mapreduce': {
      // Ranges are checked by validateArgs, as for both hosts; the file's size before reading it.
      only(['size-mb', 'input', 'max-workers', 'repeat', 'budget-ms']);
      const int = (flag: string): number | undefined => {
        const text = stringFlag(args, flag);
        return text === undefined ? undefined : parseInteger(text, `--${flag}`, -(2 ** 53), 2 ** 53);
      };
      const file = stringFlag(args, 'input');
      let text: string | undefined;
      if (file !== undefined) {
        let size: number;
        try {
          size = statSync(file).size;
        } catch (e) {
          throw new InputError(`--input: cannot read "${file}" (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`);
        }
        if (size > MAPREDUCE_LIMITS.textChars) throw new InputError(`--input: "${file}" is ${size} bytes; the bound is ${MAPREDUCE_LIMITS.textChars} bytes (16 MiB)`);
        text = readFileSync(file, 'utf8');
      }
      const sizeMB = int('size-mb');
      const maxWorkers = int('max-workers');
      const repeat = int('repeat');
      const budgetMs = int('budget-ms');
      return {
        kind,
        params: {
          ...(sizeMB === undefined ? {} : { sizeMB }),
          ...(text === undefined ? {} : { text }),
          ...(maxWorkers === undefined ? {} : { maxWorkers }),
          ...(repeat === undefined ? {} : { repeat }),
          ...(budgetMs === undefined ? {} : { budgetMs }),
        },
      };
    }
    default:
      throw new UsageError(`nanoscope measure: unknown measurement "${kind}" (known: ${KINDS.join(', ')})`);
  }
}

/** Runs one measurement to its end; progress lines go to stderr. */
export function runMeasurement(request: MeasurementRequest, progress: (line: string) => void): Promise<MeasurementResult> {
  const service = new MeasurementService({ workers: { kind: 'source' } });
  return new Promise<MeasurementResult>((resolve, reject) => {
    let jobId = '';
    service.onEvent((event) => {
      if (event.type === 'measurement.progress' && event.progress.jobId === jobId) {
        progress(`[${String(Math.round(event.progress.fraction * 100)).padStart(3)}%] ${event.progress.message}`);
      } else if (event.type === 'measurement.done' && event.jobId === jobId) {
        resolve(event.result);
      } else if (event.type === 'measurement.failed' && event.jobId === jobId) {
        const message = event.error.message;
        reject(message.startsWith(BUDGET_EXCEEDED) ? new BudgetError(`${request.kind}: ${message}`) : new FailedError(message));
      }
    });
    const stop = (): void => {
      service.cancel(jobId);
    };
    process.once('SIGINT', stop);
    ({ jobId } = service.start(request));
  }).finally(() => service.dispose());
}

function memoryTable(r: MemoryLatencyResult): string {
  const caches = r.caches.filter((c) => c.type !== 'Instruction');
  const lines = ['working set   ns per load   fits in', '-----------   -----------   -------'];
  for (const p of r.points) {
    const fit = caches.find((c) => p.bytes <= c.bytes);
    lines.push(`${formatBytes(p.bytes).padStart(11)}   ${p.ns.toFixed(2).padStart(11)}   ${fit ? `L${fit.level} (${formatBytes(fit.bytes)})` : 'memory'}`);
  }
  lines.push('', `${r.stamp.cpuModel}, ${r.stamp.cores} cores, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** GB/s, one row per working set, one column per stride (in 8-byte elements). */
function mountainTable(r: MemoryMountainResult): string {
  const strides = [...new Set(r.points.map((p) => p.stride))];
  const sizes = [...new Set(r.points.map((p) => p.bytes))];
  const lines = [`GB/s read; columns: stride in ${r.elementBytes}-byte elements`, `working set${strides.map((s) => String(s).padStart(8)).join('')}`];
  for (const bytes of sizes) {
    const cells = strides.map((s) => (r.points.find((p) => p.bytes === bytes && p.stride === s)?.gbPerS ?? NaN).toFixed(2).padStart(8));
    lines.push(`${formatBytes(bytes).padStart(11)}${cells.join('')}`);
  }
  const caches = r.caches.filter((c) => c.type !== 'Instruction').map((c) => `L${c.level} ${formatBytes(c.bytes)}`);
  lines.push('', `caches: ${caches.join(', ') || 'not reported'}`);
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.cores} cores, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** One row per run of the race, then throughput and the machine. */
function raceTable(r: RaceResult): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const { workers, iterations, strategy } = r.params;
  const lines = [`${workers} threads × ${n(iterations)} ${strategy === 'incdec' ? 'increments/decrements' : 'increments'} (${strategy}) on one shared counter`, 'run          final       expected           lost         ms'];
  r.runs.forEach((run, i) => lines.push(`${String(i + 1).padStart(3)} ${n(run.final).padStart(14)} ${n(run.expected).padStart(14)} ${n(run.lost).padStart(14)} ${run.ms.toFixed(2).padStart(10)}${run.retries !== undefined ? `   ${n(run.retries)} CAS retries` : ''}`));
  lines.push('', `${n(r.opsPerS)} updates/s over all runs; ${r.cores} cores available`);
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

function falseSharingLines(r: FalseSharingResult): string {
  return [
    `two threads, each incrementing its own counter (median of 5 runs):`,
    `  same 64-byte line: ${r.sameLineMs.toFixed(1)} ms`,
    `  256 bytes apart:   ${r.paddedMs.toFixed(1)} ms`,
    `  false sharing costs ×${r.ratio.toFixed(2)}`,
  ].join('\n');
}

function startupTable(r: StartupResult): string {
  const name = { call: 'function call', worker: 'worker_thread', process: 'process', runtime: 'runtime' } as const;
  const lines = ['start-up        median ms       p90 ms   runs'];
  for (const x of r.results) lines.push(`${name[x.kind].padEnd(13)} ${fmtMs(x.medianMs).padStart(11)} ${fmtMs(x.p90Ms).padStart(12)} ${String(x.samples).padStart(6)}`);
  lines.push('', ...r.notes, `${r.stamp.cpuModel}, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

function fmtMs(ms: number): string {
  return ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2);
}

function speedupTable(r: SpeedupResult): string {
  const lines = ['workers   seconds   speedup   efficiency', '-------   -------   -------   ----------'];
  for (const p of r.points) lines.push(`${String(p.workers).padStart(7)}   ${p.seconds.toFixed(3).padStart(7)}   ${p.speedup.toFixed(2).padStart(7)}   ${(p.efficiency * 100).toFixed(0).padStart(9)}%`);
  lines.push('', `Amdahl serial fraction (least squares): ${r.serialFraction.toFixed(3)}; ${r.cores} cores`);
  lines.push(`start a worker_thread: ${r.workerStartMs.toFixed(1)} ms; spawn a process (${r.spawnCommand ?? 'child'}): ${r.spawnMs.toFixed(1)} ms`);
  lines.push(`IO-bound (timer waits on one thread): ${r.io.map((p) => `${p.concurrency} at a time ${p.seconds.toFixed(2)} s`).join(', ')}`);
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** GB/s per size and implementation, then the SIMD/scalar ratio and the checksums. */
function simdTable(r: SimdResult): string {
  const impls = ['js-loop', 'js-map', 'wasm-scalar', 'wasm-simd'] as const;
  const lines = ['kernel  array      ' + impls.map((i) => i.padStart(12)).join('') + '   simd/scalar   checksums'];
  for (const kernel of ['sum', 'saxpy'] as const) {
    for (const bytes of [...new Set(r.results.map((x) => x.bytes))]) {
      const row = r.results.filter((x) => x.kernel === kernel && x.bytes === bytes);
      const gbps = (impl: string) => row.find((x) => x.impl === impl)?.gbps ?? NaN;
      const ratio = gbps('wasm-simd') / gbps('wasm-scalar');
      const ok = row.every((x) => x.agrees) ? 'agree' : `DIFFER: ${row.filter((x) => !x.agrees).map((x) => x.impl).join(', ')}`;
      lines.push(`${kernel.padEnd(7)} ${formatBytes(bytes).padStart(9)}  ${impls.map((i) => gbps(i).toFixed(2).padStart(12)).join('')}   ${ratio.toFixed(2).padStart(10)}×   ${ok}`);
    }
  }
  lines.push('', 'GB/s = bytes loaded and stored per call / s / 10⁹ (sum reads one array; saxpy z = a·x + y reads two, writes one).');
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.cores} cores, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

function bigoTable(r: BigOResult): string {
  const slope = (x: number | null) => (x === null ? '   —' : x.toFixed(2).padStart(5));
  const lines = ['cell             points  largest n     ms (median, min–max)     slope  model (CPython)'];
  for (const c of r.cells) {
    const last = c.points.at(-1)!;
    lines.push(
      `${c.cell.padEnd(16)} ${String(c.points.length).padStart(6)} ${String(last.n).padStart(10)} ${last.ms.toFixed(2).padStart(10)} (${last.spread.min.toFixed(2)}–${last.spread.max.toFixed(2)})`.padEnd(67) +
        `${slope(c.slope)}  ${c.modelSlope.toFixed(1)}${c.points.every((p) => p.agrees) ? '' : '  CHECKSUM MISMATCH'}`,
    );
    if (c.stoppedAt) lines.push(`    ${c.stoppedAt}`);
    if (c.note) lines.push(`    ${c.note}`);
  }
  lines.push('', `slope = fitted log-log slope of ms against n (1 linear, 2 quadratic) over n ≥ largest n / 16 and ≥ 0.01 ms; ${r.runtime}`);
  if (r.load.note) lines.push(r.load.note);
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.cores} cores, ${r.stamp.os}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** Per worker count and combiner: phases, spread, the shuffle's records and bytes beside the model's, speedups. */
function mapReduceTable(r: MapReduceResult): string {
  const lines = [
    `word count on ${r.source === 'generated' ? 'a generated text' : 'the given text'}: ${r.inputBytes} bytes, ${r.inputLines} lines, ${r.totalWords} words; ${r.cores} cores`,
    'workers combiner     map s  shuffle s  reduce s   total s (min..max)      records      bytes  = model   speedup  model',
  ];
  for (const p of r.points) {
    const same = p.shuffleRecords === p.modelRecords && p.shuffleBytes === p.modelBytes ? 'yes' : 'NO';
    lines.push(
      `${String(p.workers).padStart(7)} ${(p.combiner ? 'on' : 'off').padStart(8)} ${p.mapS.toFixed(3).padStart(9)} ${p.shuffleS.toFixed(3).padStart(10)} ${p.reduceS.toFixed(3).padStart(9)} ${p.spread.median.toFixed(3).padStart(9)} (${p.spread.min.toFixed(3)}..${p.spread.max.toFixed(3)}) ${String(p.shuffleRecords).padStart(10)} ${String(p.shuffleBytes).padStart(10)} ${same.padStart(8)} ${p.speedup.toFixed(2).padStart(8)}× ${p.modelSpeedup.toFixed(2).padStart(5)}×`,
    );
  }
  lines.push(`load: ${r.load.loadBefore} before, ${r.load.loadAfter} after on ${r.load.cores} cores${r.load.stealPct !== null ? `, steal ${r.load.stealPct}%` : ''}${r.load.note ? ` — ${r.load.note}` : ''}`);
  lines.push(`${r.stamp.cpuModel}, ${r.stamp.os}, ${r.stamp.runtime}; ${(r.wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** The run's trust fields for JSON (issue 15): spread, which figure it is, load, and the plain-word notes. */
function trust(r: MeasurementResult): Record<string, unknown> {
  return {
    spread: r.spread ?? null,
    ...(r.spreadFigure ? { spreadFigure: r.spreadFigure } : {}),
    ...(r.load ? { load: r.load } : {}),
    reliability: reliabilityNotes(r.spread, r.load),
    ...('cacheNotes' in r && r.cacheNotes ? { cacheNotes: r.cacheNotes } : {}),
  };
}

/** The human table, then the spread and, when the figure is unreliable, why. */
function human(r: MeasurementResult): string {
  const lines = [table(r)];
  if (r.spread) lines.push(`spread of ${r.spreadFigure ?? 'the repeats'}: ${r.spread.min}–${r.spread.median}–${r.spread.max} ${r.spread.unit} (min–median–max of ${r.spread.repeats})`);
  if (r.load) lines.push(`load: ${r.load.loadBefore} before, ${r.load.loadAfter} after on ${r.load.cores} cores${r.load.stealPct === null ? '' : `; steal ${r.load.stealPct} %`}`);
  for (const note of reliabilityNotes(r.spread, r.load)) lines.push(`unreliable: ${note}`);
  return lines.join('\n');
}

function table(r: MeasurementResult): string {
  switch (r.kind) {
    case 'memory-latency':
      return memoryTable(r);
    case 'storage-latency':
      return r.randomRead4KNs === null ? `random 4 KiB read: not measurable (${r.reason ?? 'unknown reason'})` : `random 4 KiB read (O_DIRECT, median): ${(r.randomRead4KNs / 1000).toFixed(1)} µs`;
    case 'mutex-latency':
      return `uncontended lock + unlock (Atomics): ${r.ns.toFixed(2)} ns`;
    case 'memory-mountain':
      return mountainTable(r);
    case 'race':
      return raceTable(r);
    case 'false-sharing':
      return falseSharingLines(r);
    case 'speedup':
      return speedupTable(r);
    case 'event-loop':
      return r.stdout;
    case 'startup':
      return startupTable(r);
    case 'simd':
      return simdTable(r);
    case 'bigo':
      return bigoTable(r);
    case 'mapreduce':
      return mapReduceTable(r);
    default:
      return JSON.stringify(r);
  }
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const [kind, ...extra] = positionals;
  if (kind === undefined) throw new UsageError(`nanoscope measure: which measurement? (${KINDS.join(', ')})`);
  if (extra.length) throw new UsageError(`nanoscope measure: unexpected argument "${extra[0]}"`);
  if (kind.startsWith('python-')) {
    await (await import('./python')).runPythonMeasure(ctx, kind, { positionals, flags });
    return;
  }
  const request = buildRequest(kind, { positionals, flags });
  const checked = validateArgs('startMeasurement', [request]);
  if (!checked.ok) throw new InputError(checked.error.message.replace(/^startMeasurement: params\.(\w+)/, (_m, f: string) => `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  const result = await runMeasurement(request, ctx.err);
  if (!ctx.json) {
    ctx.out(human(result));
    return;
  }
  if (result.kind === 'memory-latency') {
    ctx.out(JSON.stringify({ points: result.points, caches: result.caches, stamp: result.stamp, startedAt: result.startedAt, wallMs: result.wallMs, ...trust(result) }));
  } else if (result.kind === 'race') {
    // The CLI contract's names (snake_case), then the run's context.
    const { runs, opsPerS, cores, params, stamp, startedAt, wallMs } = result;
    ctx.out(JSON.stringify({ runs, ops_per_s: opsPerS, cores, params, stamp, startedAt, wallMs, ...trust(result) }));
  } else if (result.kind === 'false-sharing') {
    const { sameLineMs, paddedMs, ratio, paddedSpread, stamp, startedAt, wallMs } = result;
    ctx.out(JSON.stringify({ same_line_ms: sameLineMs, padded_ms: paddedMs, ratio, stamp, startedAt, wallMs, ...trust(result), padded_spread: paddedSpread ?? null }));
  } else if (result.kind === 'startup') {
    const { results, notes, stamp, startedAt, wallMs } = result;
    const rows = results.map((x) => ({ kind: x.kind, median_ms: x.medianMs, p90_ms: x.p90Ms, samples: x.samples, spread: x.spread ?? null }));
    ctx.out(JSON.stringify({ results: rows, notes, stamp, startedAt, wallMs, ...trust(result) }));
  } else if (result.kind === 'speedup') {
    // The CLI contract's names (snake_case), then the rest of the run.
    const { points, serialFraction, cores, workerStartMs, spawnMs, spawnCommand, io, stamp, startedAt, wallMs } = result;
    // Points keep their contract keys; each one's spread (seconds) goes beside them, in the same order.
    const plain = points.map(({ workers, seconds, speedup, efficiency }) => ({ workers, seconds, speedup, efficiency }));
    const pointsSpread = points.map((p) => p.spread ?? null);
    ctx.out(JSON.stringify({ points: plain, serial_fraction: serialFraction, cores, worker_start_ms: workerStartMs, spawn_ms: spawnMs, spawn_command: spawnCommand, io, stamp, startedAt, wallMs, ...trust(result), points_spread: pointsSpread }));
  } else if (result.kind === 'simd') {
    const { results, stamp, startedAt, wallMs } = result;
    const rows = results.map((x) => ({ kernel: x.kernel, impl: x.impl, bytes: x.bytes, gbps: x.gbps, checksum: x.checksum, n: x.n, bytes_moved: x.bytesMoved, ms: x.ms, reference: x.reference, tolerance: x.tolerance, agrees: x.agrees, spread: x.spread ?? null }));
    const ratios = [...new Set(results.map((x) => `${x.kernel} ${x.bytes}`))].map((key) => {
      const [kernel, bytes] = key.split(' ');
      const of = (impl: string) => results.find((x) => x.kernel === kernel && x.bytes === Number(bytes) && x.impl === impl)?.gbps ?? NaN;
      return { kernel, bytes: Number(bytes), simd_vs_scalar: of('wasm-simd') / of('wasm-scalar'), simd_vs_js_loop: of('wasm-simd') / of('js-loop') };
    });
    ctx.out(JSON.stringify({ results: rows, speedups: ratios, stamp, startedAt, wallMs, ...trust(result) }));
  } else if (result.kind === 'memory-mountain') {
    const { points, elementBytes, caches, stamp, startedAt, wallMs } = result;
    ctx.out(JSON.stringify({ points, elementBytes, caches, stamp, startedAt, wallMs, ...trust(result) }));
  } else {
    ctx.out(JSON.stringify({ ...result, ...trust(result) }));
  }
}
