/**
 * `nanoscope python` (which interpreter, with which packages) and `nanoscope measure
 * python-*` (our fixed scripts in it, beside the model). The field names are the contract.
 */
import type { MeasurementRequest } from '../../shared/api';
import { PYTHON_LIMITS, type PythonInfo, type PythonSearch } from '../../shared/python';
import { validateArgs } from '../../shared/validateArgs';
import { findPython } from '../../main/services/python/find';
import { notFoundMessage } from '../../main/services/python/probe';
import { PythonNotFoundError, measurePythonBigO, measurePythonDask, measurePythonGil, measurePythonRace, measurePythonVector, type RunHooks } from '../../main/services/python/measure';
import { PYTHON_BUDGET_EXCEEDED } from '../../main/services/python/runScript';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, FailedError, InputError, UsageError } from '../errors';

export const PYTHON_KINDS = ['python-gil', 'python-race', 'python-vector', 'python-bigo', 'python-dask'] as const;
type PythonKind = (typeof PYTHON_KINDS)[number];

/** Flags each Python run takes (besides --json); --python and --budget-ms go with all. */
const FLAGS_OF: Record<PythonKind, readonly string[]> = {
  'python-gil': ['iterations', 'workers', 'repeat'],
  'python-race': ['variant', 'iterations', 'repeat'],
  'python-vector': ['n', 'repeat'],
  'python-bigo': ['sizes', 'ops', 'appends'],
  'python-dask': ['input', 'size-mb'],
};
/** Every flag the measure command declares, to name the ones a Python run does not take. */
const MEASURE_FLAGS = ['max-bytes', 'repeats', 'budget-ms', 'reads', 'strides', 'workers', 'iterations', 'strategy', 'repeat', 'max-workers', 'sizes', 'python', 'variant', 'n', 'input', 'ops', 'appends', 'size-mb'];

/** --python: a path or a command name, one line, bounded. */
function pythonFlag(args: ParsedArgs): string | undefined {
  const p = stringFlag(args, 'python');
  if (p === undefined) return undefined;
  if (p === '' || p.length > PYTHON_LIMITS.path.maxChars || /[\0\r\n]/.test(p)) throw new InputError(`--python must be a path of 1 to ${PYTHON_LIMITS.path.maxChars} characters on one line`);
  return p;
}

function describe(p: PythonInfo): string {
  if (!p.found) return `not found (${p.source ?? '?'})`;
  const pkgs = (['numpy', 'pandas', 'dask'] as const).map((k) => `${k} ${p[k] ?? '—'}`).join(', ');
  return `${p.implementation} ${p.version}${p.free_threaded ? ' (free-threaded, GIL off)' : ''} at ${p.executable} [${p.source}]: ${pkgs}`;
}

/** `nanoscope python [--python PATH] [--json]`. */
export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  if (positionals.length) throw new UsageError(`nanoscope python: unexpected argument "${positionals[0]}"`);
  const explicit = pythonFlag({ positionals, flags });
  const search: PythonSearch = await findPython(explicit === undefined ? {} : { explicit });
  const c = search.chosen;
  if (ctx.json) {
    const { found, executable, version, implementation, free_threaded, numpy, pandas, dask } = c;
    ctx.out(JSON.stringify({ found, executable, version, implementation, free_threaded, numpy, pandas, dask, source: c.source ?? null, candidates: search.candidates, looked_for: search.lookedFor }));
  } else {
    ctx.out(c.found ? `using ${describe(c)}` : 'no Python 3');
    for (const p of search.candidates) ctx.out(`  ${p === c ? '*' : ' '} ${describe(p)}`);
  }
  if (!c.found) throw new InputError(notFoundMessage(search.lookedFor));
}

function buildParams(kind: PythonKind, args: ParsedArgs): Record<string, unknown> {
  for (const f of MEASURE_FLAGS) {
    if (args.flags.has(f) && f !== 'python' && f !== 'budget-ms' && !FLAGS_OF[kind].includes(f)) throw new UsageError(`nanoscope measure ${kind}: unknown flag --${f}`);
  }
  const int = (flag: string): number | undefined => {
    const t = stringFlag(args, flag);
    return t === undefined ? undefined : parseInteger(t, `--${flag}`, -(2 ** 53), 2 ** 53);
  };
  const params: Record<string, unknown> = {};
  const put = (key: string, v: unknown): void => {
    if (v !== undefined) params[key] = v;
  };
  put('budgetMs', int('budget-ms'));
  switch (kind) {
    case 'python-race': {
      const variant = stringFlag(args, 'variant');
      if (variant === undefined) throw new UsageError('nanoscope measure python-race: --variant seed|call is required');
      put('variant', variant);
      put('iterations', int('iterations'));
      put('repeat', int('repeat'));
      break;
    }
    case 'python-gil':
      put('iterations', int('iterations'));
      put('workers', int('workers'));
      put('repeat', int('repeat'));
      break;
    case 'python-vector':
      put('n', int('n'));
      put('repeat', int('repeat'));
      break;
    case 'python-bigo': {
      const sizes = stringFlag(args, 'sizes');
      if (sizes !== undefined) put('sizes', sizes.split(',').map((s) => parseInteger(s, '--sizes', -(2 ** 53), 2 ** 53)));
      put('ops', int('ops'));
      put('appends', int('appends'));
      break;
    }
    case 'python-dask':
      if ((stringFlag(args, 'input') === undefined) === (stringFlag(args, 'size-mb') === undefined)) {
        throw new UsageError('nanoscope measure python-dask: give --input FILE or --size-mb N (the distributed scene\'s generated text, 1..64 MB), one of them');
      }
      if (stringFlag(args, 'input') !== undefined) put('text', '');
      else put('sizeMB', int('size-mb'));
      break;
  }
  return params;
}

/** `nanoscope measure python-* …`: validated like the app's requests, run through services/python. */
export async function runPythonMeasure(ctx: CliContext, kind: string, args: ParsedArgs): Promise<void> {
  if (!(PYTHON_KINDS as readonly string[]).includes(kind)) throw new UsageError(`nanoscope measure: unknown measurement "${kind}"`);
  const k = kind as PythonKind;
  const params = buildParams(k, args);
  const checked = validateArgs('startMeasurement', [{ kind: k, params }]);
  if (!checked.ok) throw new InputError(checked.error.message.replace(/^startMeasurement: params\.(\w+)/, (_m, f: string) => (f === 'sizeMB' ? '--size-mb' : `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)));
  const python = pythonFlag(args);
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  const hooks: RunHooks = { signal: abort.signal, onProgress: (f, m) => ctx.err(`[${String(Math.round(f * 100)).padStart(3)}%] ${m}`) };
  const req = { kind: k, params: { ...params, ...(python === undefined ? {} : { python }) } } as MeasurementRequest;
  try {
    switch (req.kind) {
      case 'python-race': {
        const r = await measurePythonRace(req.params, hooks);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else {
          ctx.out(`${describe(r.python)}\nthe ${r.variant === 'seed' ? "tutorial's incrementer/decrementer" : 'call variant (lst[0] = lst[0] ± one())'}, 2 threads × ${r.iterations} iterations:`);
          r.runs.forEach((x, i) => ctx.out(`  run ${i + 1}: lst[0] = ${x.final} (${x.lost} updates lost at least), ${x.seconds.toFixed(3)} s`));
          ctx.out(`model: switch points ${r.model.switch_points} — ${r.model.rule}\n  predicts ${r.model.predicted_lost_possible ? 'updates CAN be lost' : 'no update lost (ends at 0)'}: ${r.model.reason}`);
        }
        return;
      }
      case 'python-gil': {
        const r = await measurePythonGil(req.params, hooks);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else {
          ctx.out(`${describe(r.python)}\nCPU-bound kernel, ${r.kernel.iterations} iterations in all (median of ${r.results[0]?.spread.repeats} runs):`);
          for (const x of r.results) ctx.out(`  ${x.style.padEnd(9)} ×${x.workers}  ${x.seconds.toFixed(3)} s  (${x.spread.min.toFixed(3)}–${x.spread.max.toFixed(3)})`);
          ctx.out(`speed-up: threads ${r.speedup.threads.toFixed(2)}× (model ${r.model.threads.toFixed(2)}×), processes ${r.speedup.processes.toFixed(2)}× (model ${r.model.processes.toFixed(2)}×)`);
          ctx.out(`IO-bound (${r.io.waits} waits of ${r.io.wait_ms} ms): ${r.io.results.map((x) => `${x.style} ×${x.workers} ${x.seconds.toFixed(3)} s`).join(', ')}; threads ${r.io.speedup.threads.toFixed(2)}× (model ${r.model.io_threads.toFixed(2)}×)`);
          if (r.load.note) ctx.out(`note: ${r.load.note}`);
        }
        return;
      }
      case 'python-vector': {
        const r = await measurePythonVector(req.params, hooks);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else {
          ctx.out(`${describe(r.python)}\ny = 2.5·x + 1 over ${r.results[0]?.n} float64 values (best of ${r.results[0]?.spread.repeats}):`);
          for (const x of r.results) ctx.out(`  ${x.impl.padEnd(18)} ${x.seconds.toFixed(5).padStart(9)} s  ${x.gbps.toFixed(3).padStart(8)} GB/s  ${(r.vs_loop[x.impl] ?? NaN).toFixed(2).padStart(8)}× the loop`);
          if (r.missing.length) ctx.out(`not installed: ${r.missing.join(', ')}`);
        }
        return;
      }
      case 'python-bigo': {
        const r = await measurePythonBigO(req.params, hooks);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else {
          ctx.out(`${describe(r.python)}\nsys.getsizeof(list) after each append: ${r.list_sizes.join(' ')}`);
          for (const x of r.ops) ctx.out(`  ${x.op.padEnd(18)} n=${String(x.n).padEnd(8)} ${(x.seconds_per_op * 1e9).toFixed(1).padStart(12)} ns`);
        }
        return;
      }
      case 'python-dask': {
        const source = req.params.sizeMB !== undefined ? { sizeMB: req.params.sizeMB } : { input: stringFlag(args, 'input')! };
        const r = await measurePythonDask({ ...(python === undefined ? {} : { python }), ...source, ...(req.params.budgetMs === undefined ? {} : { budgetMs: req.params.budgetMs }) }, hooks);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else ctx.out(`${describe(r.python)}\ndask.bag word count: ${r.records} records, ${r.words} words, ${r.distinct} distinct, ${r.seconds.toFixed(3)} s over ${r.partitions} partitions\ntop: ${r.top.map((t) => `${t.word} ${t.count}`).join(', ')}`);
        return;
      }
      default:
        throw new UsageError(`nanoscope measure: unknown measurement "${kind}"`);
    }
  } catch (e) {
    if (e instanceof PythonNotFoundError) throw new InputError(e.message);
    if (e instanceof UsageError || e instanceof InputError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith(PYTHON_BUDGET_EXCEEDED)) throw new BudgetError(`${kind}: ${message}`);
    if (/ENOENT|EACCES|is not a file|at most \d+ bytes/.test(message)) throw new InputError(`${kind}: ${message}`);
    throw new FailedError(`${kind}: ${message}`);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
