/**
 * What a parallel job is: N identical tasks, each a list of steps (CPU bursts and I/O waits),
 * the presets the scene offers, and the validated JSON form `nanoscope parallel` reads.
 *
 * I/O waits name a device of the hardware model (`ssd`, `hdd`, `datacenter`, ...); its latency
 * comes from the machine, or from the documented default below when a preset has no figure.
 */
import { KiB, MiB, NS_PER_MS, NS_PER_US } from '../core/units';
import type { MachineModel } from '../hardware/types';

/** An I/O device of the hardware model. */
export type IoDevice = 'ssd' | 'ssd-1mb' | 'hdd' | 'hdd-1mb' | 'datacenter' | 'internet';
/** Every device, in help order. */
export const IO_DEVICES: readonly IoDevice[] = ['ssd', 'ssd-1mb', 'hdd', 'hdd-1mb', 'datacenter', 'internet'];

/**
 * One step of a task: a CPU burst of `cpu` ns; `times` back-to-back waits on `io`; or a wait
 * of `wait` ns on something the hardware model does not name (`what` labels it).
 */
export type JobStep =
  | { readonly cpu: number }
  | { readonly io: IoDevice; readonly times?: number }
  | { readonly wait: number; readonly what?: string };

/** A job: `tasks` identical tasks run through `steps`. */
export interface JobSpec {
  readonly label: string;
  /** One line for the UI select and `--help`. */
  readonly description: string;
  /** Number of tasks, 1..4096. */
  readonly tasks: number;
  /** 1..64 steps per task. */
  readonly steps: readonly JobStep[];
  /** Bytes each task's data weighs: copied to a worker process (and the result back) under `processes`. */
  readonly dataBytes: number;
  /** Resident memory of one interpreter process, bytes (default {@link DEFAULT_PROCESS_MEMORY_BYTES}). */
  readonly processMemoryBytes?: number;
}

/** The built-in jobs. */
export type PresetId = 'cpu-bound' | 'io-bound' | 'mixed' | 'etl' | 'hbase';

/** Resident memory of one interpreter process with a few libraries loaded (a round figure): 30 MiB. */
export const DEFAULT_PROCESS_MEMORY_BYTES = 30 * MiB;

/**
 * The built-in jobs. CPU times are the Python work of one task; I/O comes from the machine.
 * `etl` is the seed's read → transform → write over 1 MB chunks (150 TB on one machine is
 * this loop, many times); `hbase` is the seed's job that was slow because every record waited
 * on a region server (a round trip and a disk seek), not because of Python.
 */
export const PRESETS: Readonly<Record<PresetId, JobSpec>> = {
  'cpu-bound': {
    label: 'CPU-bound',
    description: '16 tasks of 20 ms pure computation each: only more cores help',
    tasks: 16,
    steps: [{ cpu: 20 * NS_PER_MS }],
    dataBytes: 64 * KiB,
  },
  'io-bound': {
    label: 'IO-bound',
    description: '16 requests: 0.2 ms of parsing around 4 datacenter round trips each: waiting, not computing',
    tasks: 16,
    steps: [{ cpu: 200 * NS_PER_US }, { io: 'datacenter', times: 4 }, { cpu: 200 * NS_PER_US }],
    dataBytes: 4 * KiB,
  },
  mixed: {
    label: 'Mixed',
    description: '16 tasks: 4 datacenter round trips, then 2 ms of computation',
    tasks: 16,
    steps: [{ io: 'datacenter', times: 4 }, { cpu: 2 * NS_PER_MS }],
    dataBytes: 16 * KiB,
  },
  etl: {
    label: 'ETL (read → transform → write)',
    description: '32 chunks of 1 MB: read from SSD, 2 ms of transform, write to SSD',
    tasks: 32,
    steps: [{ io: 'ssd-1mb' }, { cpu: 2 * NS_PER_MS }, { io: 'ssd-1mb' }],
    dataBytes: MiB,
  },
  hbase: {
    label: 'HBase lookups',
    description: '16 records: 0.1 ms of Python, then a region-server round trip and a disk seek each',
    tasks: 16,
    steps: [{ cpu: 100 * NS_PER_US }, { io: 'datacenter' }, { io: 'hdd' }, { cpu: 100 * NS_PER_US }],
    dataBytes: 4 * KiB,
  },
};

/** Preset ids in menu order. */
export const PRESET_IDS: readonly PresetId[] = ['cpu-bound', 'io-bound', 'mixed', 'etl', 'hbase'];

/** Device latencies (ns) used when a machine preset has no figure: the ~2012 table's values. */
export const DEFAULT_IO_NS: Readonly<Record<IoDevice, number>> = {
  ssd: 150 * NS_PER_US,
  'ssd-1mb': NS_PER_MS,
  hdd: 10 * NS_PER_MS,
  'hdd-1mb': 20 * NS_PER_MS,
  datacenter: 500 * NS_PER_US,
  internet: 150 * NS_PER_MS,
};

/** Latency of one wait on `device` on this machine (ns, whole), and where it came from. */
export function ioLatency(machine: MachineModel, device: IoDevice): { ns: number; source: string } {
  const figure =
    device === 'ssd'
      ? machine.ssd.randomRead4K
      : device === 'ssd-1mb'
        ? machine.ssd.read1MB
        : device === 'hdd'
          ? machine.hdd.seek
          : device === 'hdd-1mb'
            ? machine.hdd.read1MB
            : device === 'datacenter'
              ? machine.network.datacenterRoundTrip
              : machine.network.intercontinentalRoundTrip;
  if (figure) return { ns: Math.max(1, Math.round(figure.value)), source: figure.source };
  return { ns: DEFAULT_IO_NS[device], source: 'default (~2012 table)' };
}

/** Limits of a job description. */
export const JOB_LIMITS = { tasks: 4096, steps: 64, times: 1000, maxStepMs: 60_000 } as const;

/**
 * Parses the JSON job description `nanoscope parallel --preset FILE.json` reads:
 * `{"name"?, "tasks", "steps":[{"cpu_ms"} | {"io": device, "times"?} | {"io_ms", "what"?}…],
 * "data_bytes"?, "process_memory_bytes"?}`. Problems name the field, e.g. `steps[1].cpu_ms`.
 */
export function parseJob(json: unknown): { ok: true; job: JobSpec } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: ['the top level must be an object {"tasks", "steps", ...}'] };
  const o = json as Record<string, unknown>;
  const known = ['name', 'description', 'tasks', 'steps', 'data_bytes', 'process_memory_bytes'];
  for (const key of Object.keys(o)) if (!known.includes(key)) problems.push(`${key}: unknown field (fields: ${known.join(', ')})`);
  const positive = (value: unknown, path: string, max: number, integer: boolean): number | null => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value))) {
      problems.push(`${path}: must be ${integer ? 'an integer' : 'a number'} > 0 and ≤ ${max} (got ${JSON.stringify(value)})`);
      return null;
    }
    return value;
  };
  const name = o['name'] === undefined ? 'custom job' : typeof o['name'] === 'string' ? o['name'] : (problems.push('name: must be a string'), '');
  const description = typeof o['description'] === 'string' ? o['description'] : 'a job read from a file';
  const tasks = positive(o['tasks'], 'tasks', JOB_LIMITS.tasks, true);
  const steps: JobStep[] = [];
  const rawSteps = o['steps'];
  if (!Array.isArray(rawSteps) || rawSteps.length === 0 || rawSteps.length > JOB_LIMITS.steps) {
    problems.push(`steps: must be a list of 1 to ${JOB_LIMITS.steps} steps`);
  } else {
    rawSteps.forEach((raw: unknown, i) => {
      const path = `steps[${i}]`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push(`${path}: must be an object {"cpu_ms"} or {"io", "times"?} or {"io_ms", "what"?}`);
        return;
      }
      const s = raw as Record<string, unknown>;
      const keys = Object.keys(s);
      if ('cpu_ms' in s) {
        if (keys.length !== 1) problems.push(`${path}: a cpu step has only "cpu_ms"`);
        const ms = positive(s['cpu_ms'], `${path}.cpu_ms`, JOB_LIMITS.maxStepMs, false);
        if (ms !== null) steps.push({ cpu: Math.max(1, Math.round(ms * NS_PER_MS)) });
      } else if ('io' in s) {
        for (const k of keys) if (k !== 'io' && k !== 'times') problems.push(`${path}.${k}: unknown field of an io step (io, times)`);
        const device = s['io'];
        if (typeof device !== 'string' || !(IO_DEVICES as readonly string[]).includes(device)) {
          problems.push(`${path}.io: must be one of ${IO_DEVICES.join(', ')} (got ${JSON.stringify(device)})`);
          return;
        }
        const times = s['times'] === undefined ? 1 : positive(s['times'], `${path}.times`, JOB_LIMITS.times, true);
        if (times !== null) steps.push(times === 1 ? { io: device as IoDevice } : { io: device as IoDevice, times });
      } else if ('io_ms' in s) {
        for (const k of keys) if (k !== 'io_ms' && k !== 'what') problems.push(`${path}.${k}: unknown field of a wait step (io_ms, what)`);
        const ms = positive(s['io_ms'], `${path}.io_ms`, JOB_LIMITS.maxStepMs, false);
        const what = s['what'];
        if (what !== undefined && typeof what !== 'string') problems.push(`${path}.what: must be a string`);
        if (ms !== null) steps.push(typeof what === 'string' ? { wait: Math.max(1, Math.round(ms * NS_PER_MS)), what } : { wait: Math.max(1, Math.round(ms * NS_PER_MS)) });
      } else {
        problems.push(`${path}: needs "cpu_ms", "io" or "io_ms"`);
      }
    });
  }
  const dataBytes = o['data_bytes'] === undefined ? 0 : o['data_bytes'] === 0 ? 0 : positive(o['data_bytes'], 'data_bytes', 2 ** 40, true);
  const memory = o['process_memory_bytes'] === undefined ? DEFAULT_PROCESS_MEMORY_BYTES : positive(o['process_memory_bytes'], 'process_memory_bytes', 2 ** 44, true);
  if (problems.length > 0 || tasks === null || dataBytes === null || memory === null) return { ok: false, problems };
  return { ok: true, job: { label: name, description, tasks, steps, dataBytes, processMemoryBytes: memory } };
}
