/**
 * Hierarchy configs from outside: the CLI's JSON file and the machine presets.
 *
 * JSON shape: `{"levels":[{"name","size","assoc","line","policy","write_policy",
 * "write_allocate","latency_ns"}…],"memory_latency_ns","ifetch","seed"}`. `size` and `line` are
 * bytes and required, `assoc` is required (a positive integer or "full"); defaults: `name` "L1",
 * "L2", …; `policy` "LRU" (also "FIFO", "RANDOM", "PLRU"; case-insensitive, "tree-plru" too);
 * `write_policy` "write-back"; `write_allocate` true; a missing `latency_ns` (or
 * `memory_latency_ns`) is taken from the "2020" preset for that level index — absent when that
 * preset has no figure either (its L3), and then AMAT is unknown (null). `ifetch` "ignore"
 * (default) or "data"; `seed` an integer (default 1) for RANDOM. Unknown keys are ignored.
 */
import { getPreset } from '../hardware/presets';
import type { MachineModel, Replacement } from '../hardware/types';
import { hierarchyProblems, type CacheLevelConfig, type HierarchyConfig } from './hierarchy';

/** What to do with instruction fetches (lackey `I`, din label 2). */
export type IfetchMode = 'ignore' | 'data';

/** A hierarchy config plus the trace option a config file may carry. */
export interface CacheRunConfig extends HierarchyConfig {
  /** Undefined when the file does not say (the default is 'ignore'). */
  readonly ifetch?: IfetchMode;
}

/** A config, or every problem found, each `field: message` with the JSON field path. */
export type ConfigResult = { readonly ok: true; readonly config: CacheRunConfig } | { readonly ok: false; readonly problems: string[] };

const POLICIES: Readonly<Record<string, Replacement>> = { lru: 'lru', fifo: 'fifo', random: 'random', plru: 'tree-plru', 'tree-plru': 'tree-plru' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isLatency = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Data and unified caches of a machine, L1 outwards (what the CPU's loads and stores go through). */
export function dataPath(machine: MachineModel): MachineModel['caches'] {
  return machine.caches.filter((c) => c.type !== 'Instruction');
}

/** The hierarchy of a machine: its data/unified caches as levels L1, L2, …, its memory latency. */
export function hierarchyFromMachine(machine: MachineModel, seed = 1): HierarchyConfig {
  return {
    levels: dataPath(machine).map((c) => {
      const level: CacheLevelConfig = {
        name: `L${c.level}`,
        sizeBytes: c.sizeBytes,
        ways: c.ways,
        lineBytes: c.lineBytes,
        replacement: c.replacement,
        write: c.write,
        allocate: c.allocate,
      };
      return c.latency === undefined ? level : { ...level, latencyNs: c.latency.value };
    }),
    ...(machine.memory.latency === undefined ? {} : { memoryLatencyNs: machine.memory.latency.value }),
    seed,
  };
}

/** Bounds on a config, checked before any work. */
export const CONFIG_LIMITS = { levels: 8, sizeBytes: 2 ** 30, assoc: 1024 } as const;

/**
 * Reads a parsed JSON config (see the module comment).
 * @returns the config, or problems like `levels[1].assoc: must be a positive integer or "full"`
 */
export function parseCacheConfig(input: unknown): ConfigResult {
  const problems: string[] = [];
  if (!isObject(input)) return { ok: false, problems: ['(top level): a config must be a JSON object with "levels"'] };
  if (!Array.isArray(input.levels) || input.levels.length === 0) {
    return { ok: false, problems: ['levels: must be a non-empty array of levels'] };
  }
  // Bounds before any work: a config is input from anywhere (a file, a link).
  if (input.levels.length > CONFIG_LIMITS.levels) {
    return { ok: false, problems: [`levels: at most ${CONFIG_LIMITS.levels} levels, got ${input.levels.length}`] };
  }
  const reference = dataPath(getPreset('2020')!);
  const levels: CacheLevelConfig[] = [];
  input.levels.forEach((raw: unknown, i: number) => {
    const at = `levels[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    const bad = (field: string, message: string): void => void problems.push(`${at}.${field}: ${message}, got ${JSON.stringify(raw[field])}`);
    const name = raw.name === undefined ? `L${i + 1}` : raw.name;
    if (typeof name !== 'string' || name === '') bad('name', 'must be a non-empty string');
    if (!isPositiveInt(raw.size)) bad('size', 'must be a positive integer number of bytes');
    else if (raw.size > CONFIG_LIMITS.sizeBytes) bad('size', `must be at most ${CONFIG_LIMITS.sizeBytes} bytes (1 GiB)`);
    if (!(raw.assoc === 'full' || isPositiveInt(raw.assoc))) bad('assoc', 'must be a positive integer or "full"');
    else if (typeof raw.assoc === 'number' && raw.assoc > CONFIG_LIMITS.assoc) bad('assoc', `must be at most ${CONFIG_LIMITS.assoc} ways`);
    else if (raw.assoc === 'full' && isPositiveInt(raw.size) && isPositiveInt(raw.line) && raw.size / raw.line > CONFIG_LIMITS.assoc) {
      bad('assoc', `"full" here means ${raw.size / raw.line} ways (size / line); at most ${CONFIG_LIMITS.assoc}`);
    }
    if (!(isPositiveInt(raw.line) && (raw.line & (raw.line - 1)) === 0 && raw.line <= 2 ** 30)) bad('line', 'must be a power of two number of bytes');
    const policyText = raw.policy === undefined ? 'lru' : typeof raw.policy === 'string' ? raw.policy.toLowerCase() : '';
    const policy = POLICIES[policyText];
    if (policy === undefined) bad('policy', 'must be one of "LRU", "FIFO", "RANDOM", "PLRU"');
    const write = raw.write_policy ?? 'write-back';
    if (write !== 'write-back' && write !== 'write-through') bad('write_policy', 'must be "write-back" or "write-through"');
    const allocate = raw.write_allocate ?? true;
    if (typeof allocate !== 'boolean') bad('write_allocate', 'must be true or false');
    const latency = raw.latency_ns ?? reference[i]?.latency?.value;
    if (latency !== undefined && !isLatency(latency)) bad('latency_ns', 'must be a number of ns ≥ 0');
    const level: CacheLevelConfig = {
      name: String(name),
      sizeBytes: raw.size as number,
      ways: raw.assoc as number | 'full',
      lineBytes: raw.line as number,
      replacement: policy ?? 'lru',
      write: write === 'write-through' ? 'write-through' : 'write-back',
      allocate: allocate === false ? 'no-write-allocate' : 'write-allocate',
    };
    levels.push(latency === undefined ? level : { ...level, latencyNs: latency as number });
  });
  const memory = input.memory_latency_ns ?? getPreset('2020')!.memory.latency?.value;
  if (memory !== undefined && !isLatency(memory)) problems.push(`memory_latency_ns: must be a number of ns ≥ 0, got ${JSON.stringify(memory)}`);
  const ifetch = input.ifetch;
  if (ifetch !== undefined && ifetch !== 'ignore' && ifetch !== 'data') problems.push(`ifetch: must be "ignore" or "data", got ${JSON.stringify(ifetch)}`);
  const seed = input.seed ?? 1;
  if (!(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) problems.push(`seed: must be an integer from 0 to 2^32 - 1, got ${JSON.stringify(seed)}`);
  if (problems.length > 0) return { ok: false, problems };
  const config: CacheRunConfig = {
    levels,
    ...(memory === undefined ? {} : { memoryLatencyNs: memory as number }),
    ...(ifetch === undefined ? {} : { ifetch: ifetch as IfetchMode }),
    seed: seed as number,
  };
  // Geometry across fields (size vs line × assoc, line order, PLRU ways), named in JSON terms.
  const renamed = hierarchyProblems(config).map((p) =>
    p.replace(/\.sizeBytes:/, '.size:').replace(/\.lineBytes:/, '.line:').replace(/\.ways:/, '.assoc:').replace(/\.latencyNs:/, '.latency_ns:'),
  );
  return renamed.length > 0 ? { ok: false, problems: renamed } : { ok: true, config };
}
