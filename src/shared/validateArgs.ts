/**
 * Validation of API arguments, shared by both hosts so that a bad request gets the same
 * code and the same message over IPC and over HTTP. Messages name the method, the argument
 * and the field: "startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648".
 */
import { API_METHODS, type ApiErrorShape, type ApiMethodName } from './api';
import { PYTHON_LIMITS } from './python';
import { MEASUREMENT_KIND_NAMES } from './measurementKinds';

export type ValidatedArgs =
  | { readonly ok: true; readonly method: ApiMethodName; readonly args: unknown[] }
  | { readonly ok: false; readonly error: ApiErrorShape };

export const MEMORY_LATENCY_LIMITS = {
  maxBytes: { min: 4096, max: 2 ** 31 },
  repeats: { min: 1, max: 9 },
  budgetMs: { min: 1000, max: 600_000 },
} as const;
export const STORAGE_LATENCY_LIMITS = { reads: { min: 16, max: 4096 } } as const;
export const RACE_LIMITS = {
  workers: { min: 1, max: 64 },
  iterations: { min: 1, max: 100_000_000 },
  repeat: { min: 1, max: 100 },
  /** The counter is an Int32: workers × iterations must fit in it. */
  total: 2 ** 31 - 1,
} as const;
export const RACE_STRATEGIES = ['plain', 'atomic', 'cas', 'mutex', 'incdec'] as const;
export const SPEEDUP_LIMITS = {
  maxWorkers: { min: 1, max: 64 },
  repeat: { min: 1, max: 20 },
  budgetMs: { min: 1000, max: 600_000 },
} as const;
export const STARTUP_LIMITS = { repeat: { min: 3, max: 200 } } as const;
export const SIMD_LIMITS = {
  size: { min: 64, max: 2 ** 28 },
  sizes: { max: 8 },
  budgetMs: { min: 1000, max: 600_000 },
} as const;
export const BIGO_LIMITS = { maxN: { min: 1000, max: 2_000_000 }, repeats: { min: 1, max: 15 }, budgetMs: { min: 1000, max: 600_000 } } as const;
export const EVENT_LOOP_LIMITS = { sourceChars: 20_000, timeoutMs: { min: 100, max: 60_000 } } as const;
export const MAPREDUCE_LIMITS = {
  sizeMB: { min: 1, max: 64 },
  textChars: 16 * 1024 * 1024,
  maxWorkers: { min: 1, max: 16 },
  repeat: { min: 1, max: 10 },
  budgetMs: { min: 1000, max: 600_000 },
} as const;
export const FALSE_SHARING_LIMITS = { iterations: { min: 1, max: 100_000_000 } } as const;
export const MEMORY_MOUNTAIN_LIMITS = {
  maxBytes: { min: 4096, max: 2 ** 31 },
  stride: { min: 1, max: 64 },
  strides: { max: 16 },
  budgetMs: { min: 1000, max: 600_000 },
} as const;

class Invalid extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkInt(where: string, value: unknown, min: number, max: number, optional: boolean): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Invalid(`${where} must be an integer from ${min} to ${max}`);
  }
}

function checkKeys(where: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new Invalid(`${where}.${key} is not a known field (expected ${allowed.join(', ') || 'none'})`);
  }
}

function checkArity(method: string, args: unknown[], n: number, names: readonly string[]): void {
  if (args.length !== n) {
    const what = n === 0 ? 'no arguments' : `${n} argument${n === 1 ? '' : 's'} (${names.join(', ')})`;
    throw new Invalid(`${method}: expected ${what}, got ${args.length}`);
  }
}

/** An interpreter path the user set: absolute, one line, bounded. */
function checkPythonPath(where: string, value: unknown, optional: boolean): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > PYTHON_LIMITS.path.maxChars || /[\0\r\n]/.test(value) || !/^(\/|[A-Za-z]:[\\/])/.test(value)) {
    throw new Invalid(`${where} must be an absolute path of at most ${PYTHON_LIMITS.path.maxChars} characters on one line`);
  }
}

/** The Python runs (issue 20): numbers in their bounds, an optional interpreter path. */
function validatePythonParams(m: string, kind: string, params: Record<string, unknown>): void {
  const L = PYTHON_LIMITS;
  const common = ['python', 'budgetMs'];
  checkPythonPath(`${m}: params.python`, params.python, true);
  checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
  switch (kind) {
    case 'python-race':
      checkKeys(`${m}: params`, params, [...common, 'variant', 'iterations', 'repeat']);
      if (params.variant !== 'seed' && params.variant !== 'call') throw new Invalid(`${m}: params.variant must be seed or call`);
      checkInt(`${m}: params.iterations`, params.iterations, L.race.iterations.min, L.race.iterations.max, true);
      checkInt(`${m}: params.repeat`, params.repeat, L.race.repeat.min, L.race.repeat.max, true);
      return;
    case 'python-gil':
      checkKeys(`${m}: params`, params, [...common, 'iterations', 'workers', 'repeat']);
      checkInt(`${m}: params.iterations`, params.iterations, L.gil.iterations.min, L.gil.iterations.max, true);
      checkInt(`${m}: params.workers`, params.workers, L.gil.workers.min, L.gil.workers.max, true);
      checkInt(`${m}: params.repeat`, params.repeat, L.gil.repeat.min, L.gil.repeat.max, true);
      return;
    case 'python-vector':
      checkKeys(`${m}: params`, params, [...common, 'n', 'repeat']);
      checkInt(`${m}: params.n`, params.n, L.vector.n.min, L.vector.n.max, true);
      checkInt(`${m}: params.repeat`, params.repeat, L.vector.repeat.min, L.vector.repeat.max, true);
      return;
    case 'python-bigo':
      checkKeys(`${m}: params`, params, [...common, 'sizes', 'ops', 'appends']);
      if (params.sizes !== undefined) {
        if (!Array.isArray(params.sizes) || params.sizes.length === 0 || params.sizes.length > L.bigo.sizes.max) {
          throw new Invalid(`${m}: params.sizes must be an array of 1 to ${L.bigo.sizes.max} integers`);
        }
        params.sizes.forEach((s: unknown, i: number) => checkInt(`${m}: params.sizes[${i}]`, s, L.bigo.size.min, L.bigo.size.max, false));
      }
      checkInt(`${m}: params.ops`, params.ops, L.bigo.ops.min, L.bigo.ops.max, true);
      checkInt(`${m}: params.appends`, params.appends, L.bigo.appends.min, L.bigo.appends.max, true);
      return;
    case 'python-dask':
      // The app sends the text itself; a host path (the CLI's --input) is never taken from a request.
      checkKeys(`${m}: params`, params, [...common, 'text', 'sizeMB']);
      if (params.sizeMB !== undefined) {
        if (params.text !== undefined) throw new Invalid(`${m}: params: give either text or sizeMB, not both`);
        checkInt(`${m}: params.sizeMB`, params.sizeMB, PYTHON_LIMITS.dask.sizeMB.min, PYTHON_LIMITS.dask.sizeMB.max, false);
      } else if (typeof params.text !== 'string' || params.text.length > PYTHON_LIMITS.dask.textChars) {
        throw new Invalid(`${m}: params.text must be a string of at most ${PYTHON_LIMITS.dask.textChars} characters (or params.sizeMB, ${PYTHON_LIMITS.dask.sizeMB.min}..${PYTHON_LIMITS.dask.sizeMB.max}, for the generated text)`);
      }
      return;
  }
}

function validateMeasurementRequest(m: string, req: unknown): void {
  if (!isRecord(req)) throw new Invalid(`${m}: request must be an object { kind, params }`);
  checkKeys(`${m}: request`, req, ['kind', 'params']);
  const params = req.params;
  if (!isRecord(params)) throw new Invalid(`${m}: params must be an object`);
  if (typeof req.kind === 'string' && ['python-gil', 'python-race', 'python-vector', 'python-bigo', 'python-dask'].includes(req.kind)) {
    validatePythonParams(m, req.kind, params);
    return;
  }
  switch (req.kind) {
    case 'memory-latency': {
      const L = MEMORY_LATENCY_LIMITS;
      checkKeys(`${m}: params`, params, ['maxBytes', 'repeats', 'budgetMs']);
      checkInt(`${m}: params.maxBytes`, params.maxBytes, L.maxBytes.min, L.maxBytes.max, false);
      checkInt(`${m}: params.repeats`, params.repeats, L.repeats.min, L.repeats.max, true);
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    case 'storage-latency':
      checkKeys(`${m}: params`, params, ['reads']);
      checkInt(`${m}: params.reads`, params.reads, STORAGE_LATENCY_LIMITS.reads.min, STORAGE_LATENCY_LIMITS.reads.max, true);
      return;
    case 'mutex-latency':
      checkKeys(`${m}: params`, params, []);
      return;
    case 'race': {
      const L = RACE_LIMITS;
      checkKeys(`${m}: params`, params, ['workers', 'iterations', 'strategy', 'repeat']);
      checkInt(`${m}: params.workers`, params.workers, L.workers.min, L.workers.max, false);
      checkInt(`${m}: params.iterations`, params.iterations, L.iterations.min, L.iterations.max, false);
      if (!(RACE_STRATEGIES as readonly unknown[]).includes(params.strategy)) {
        throw new Invalid(`${m}: params.strategy must be one of ${RACE_STRATEGIES.join(', ')}`);
      }
      checkInt(`${m}: params.repeat`, params.repeat, L.repeat.min, L.repeat.max, false);
      const workers = params.workers as number;
      if (workers * (params.iterations as number) > L.total) {
        throw new Invalid(`${m}: params.iterations must be at most ${Math.floor(L.total / workers)} with ${workers} workers (the shared counter is a 32-bit integer)`);
      }
      return;
    }
    case 'false-sharing':
      checkKeys(`${m}: params`, params, ['iterations']);
      checkInt(`${m}: params.iterations`, params.iterations, FALSE_SHARING_LIMITS.iterations.min, FALSE_SHARING_LIMITS.iterations.max, true);
      return;
    case 'speedup': {
      const L = SPEEDUP_LIMITS;
      checkKeys(`${m}: params`, params, ['maxWorkers', 'repeat', 'budgetMs']);
      checkInt(`${m}: params.maxWorkers`, params.maxWorkers, L.maxWorkers.min, L.maxWorkers.max, false);
      checkInt(`${m}: params.repeat`, params.repeat, L.repeat.min, L.repeat.max, true);
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    case 'mapreduce': {
      const L = MAPREDUCE_LIMITS;
      checkKeys(`${m}: params`, params, ['sizeMB', 'text', 'maxWorkers', 'repeat', 'budgetMs']);
      checkInt(`${m}: params.sizeMB`, params.sizeMB, L.sizeMB.min, L.sizeMB.max, true);
      if (params.text !== undefined && (typeof params.text !== 'string' || params.text.length > L.textChars)) {
        throw new Invalid(`${m}: params.text must be a string of at most ${L.textChars} characters`);
      }
      checkInt(`${m}: params.maxWorkers`, params.maxWorkers, L.maxWorkers.min, L.maxWorkers.max, true);
      checkInt(`${m}: params.repeat`, params.repeat, L.repeat.min, L.repeat.max, true);
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    case 'startup':
      checkKeys(`${m}: params`, params, ['repeat']);
      checkInt(`${m}: params.repeat`, params.repeat, STARTUP_LIMITS.repeat.min, STARTUP_LIMITS.repeat.max, true);
      return;
    case 'event-loop':
      checkKeys(`${m}: params`, params, ['source', 'runtime', 'timeoutMs', 'confirmed']);
      if (params.confirmed !== undefined && typeof params.confirmed !== 'boolean') throw new Invalid(`${m}: params.confirmed must be true or false`);
      if (typeof params.source !== 'string' || params.source.length > EVENT_LOOP_LIMITS.sourceChars) {
        throw new Invalid(`${m}: params.source must be a string of at most ${EVENT_LOOP_LIMITS.sourceChars} characters`);
      }
      if (params.runtime !== 'node') throw new Invalid(`${m}: params.runtime must be "node" (the browser runtime runs in the page)`);
      checkInt(`${m}: params.timeoutMs`, params.timeoutMs, EVENT_LOOP_LIMITS.timeoutMs.min, EVENT_LOOP_LIMITS.timeoutMs.max, true);
      return;
    case 'memory-mountain': {
      const L = MEMORY_MOUNTAIN_LIMITS;
      checkKeys(`${m}: params`, params, ['maxBytes', 'strides', 'budgetMs']);
      checkInt(`${m}: params.maxBytes`, params.maxBytes, L.maxBytes.min, L.maxBytes.max, false);
      if (params.strides !== undefined) {
        const strides = params.strides;
        if (!Array.isArray(strides) || strides.length === 0 || strides.length > L.strides.max) {
          throw new Invalid(`${m}: params.strides must be an array of 1 to ${L.strides.max} integers`);
        }
        strides.forEach((s: unknown, i: number) => checkInt(`${m}: params.strides[${i}]`, s, L.stride.min, L.stride.max, false));
      }
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    case 'simd': {
      const L = SIMD_LIMITS;
      checkKeys(`${m}: params`, params, ['sizes', 'budgetMs']);
      if (params.sizes !== undefined) {
        const sizes = params.sizes;
        if (!Array.isArray(sizes) || sizes.length === 0 || sizes.length > L.sizes.max) throw new Invalid(`${m}: params.sizes must be an array of 1 to ${L.sizes.max} integers`);
        sizes.forEach((s: unknown, i: number) => {
          checkInt(`${m}: params.sizes[${i}]`, s, L.size.min, L.size.max, false);
          if ((s as number) % 4 !== 0) throw new Invalid(`${m}: params.sizes[${i}] must be a multiple of 4 bytes (whole float32 elements)`);
        });
      }
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    case 'bigo': {
      const L = BIGO_LIMITS;
      checkKeys(`${m}: params`, params, ['maxN', 'repeats', 'budgetMs']);
      checkInt(`${m}: params.maxN`, params.maxN, L.maxN.min, L.maxN.max, true);
      checkInt(`${m}: params.repeats`, params.repeats, L.repeats.min, L.repeats.max, true);
      checkInt(`${m}: params.budgetMs`, params.budgetMs, L.budgetMs.min, L.budgetMs.max, true);
      return;
    }
    default:
      throw new Invalid(`${m}: request.kind must be one of ${MEASUREMENT_KIND_NAMES.join(', ')}`);
  }
}

function validateSaveFile(m: string, req: unknown): void {
  if (!isRecord(req)) throw new Invalid(`${m}: request must be an object { suggestedName, data }`);
  checkKeys(`${m}: request`, req, ['suggestedName', 'data', 'encoding', 'filters']);
  if (typeof req.suggestedName !== 'string' || req.suggestedName.length === 0 || req.suggestedName.length > 255) {
    throw new Invalid(`${m}: request.suggestedName must be a non-empty string of at most 255 characters`);
  }
  if (/[/\\]/.test(req.suggestedName)) throw new Invalid(`${m}: request.suggestedName must be a file name, not a path`);
  if (typeof req.data !== 'string') throw new Invalid(`${m}: request.data must be a string`);
  if (req.encoding !== undefined && req.encoding !== 'utf8' && req.encoding !== 'base64') {
    throw new Invalid(`${m}: request.encoding must be utf8 or base64`);
  }
  validateFilters(m, req.filters);
}

function validateFilters(m: string, filters: unknown): void {
  if (filters === undefined) return;
  if (!Array.isArray(filters)) throw new Invalid(`${m}: request.filters must be an array`);
  filters.forEach((f: unknown, i: number) => {
    if (!isRecord(f) || typeof f.name !== 'string' || !Array.isArray(f.extensions) || !f.extensions.every((e) => typeof e === 'string')) {
      throw new Invalid(`${m}: request.filters[${i}] must be { name: string, extensions: string[] }`);
    }
  });
}

function validateOpenFile(m: string, req: unknown): void {
  if (!isRecord(req)) throw new Invalid(`${m}: request must be an object { filters? }`);
  checkKeys(`${m}: request`, req, ['filters']);
  validateFilters(m, req.filters);
}

function isMethod(method: string): method is ApiMethodName {
  return (API_METHODS as readonly string[]).includes(method);
}

/** Checks a method name and its arguments against the contract in api.ts. */
export function validateArgs(method: string, args: unknown): ValidatedArgs {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'not-found', message: `unknown method "${method}" (known: ${API_METHODS.join(', ')})` } };
  }
  try {
    if (!Array.isArray(args)) throw new Invalid(`${method}: arguments must be an array`);
    switch (method) {
      case 'hostInfo':
      case 'osCaches':
        checkArity(method, args, 0, []);
        break;
      case 'startMeasurement':
        checkArity(method, args, 1, ['request']);
        validateMeasurementRequest(method, args[0]);
        break;
      case 'cancelMeasurement':
        checkArity(method, args, 1, ['jobId']);
        if (typeof args[0] !== 'string' || args[0].length === 0 || args[0].length > 100) {
          throw new Invalid(`${method}: jobId must be a non-empty string`);
        }
        break;
      case 'saveFile':
        checkArity(method, args, 1, ['request']);
        validateSaveFile(method, args[0]);
        break;
      case 'openFile':
        checkArity(method, args, 1, ['request']);
        validateOpenFile(method, args[0]);
        break;
      case 'findPython':
        checkArity(method, args, 1, ['request']);
        if (!isRecord(args[0])) throw new Invalid(`${method}: request must be an object { path? }`);
        checkKeys(`${method}: request`, args[0], ['path']);
        checkPythonPath(`${method}: request.path`, args[0].path, true);
        break;
    }
    return { ok: true, method, args: args as unknown[] };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: { code: 'bad-request', message: e.message } };
    throw e;
  }
}
