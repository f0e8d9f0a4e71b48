/**
 * Builds the 'this-machine' description from what the host measured and what the OS reports.
 * Only measured or reported figures appear; anything else stays absent ("not measured").
 * Where the OS leaves the cache geometry incomplete, a valid stand-in is chosen and the
 * cache's source says which.
 */
import { bytes, nanos, type Nanos } from '../core/units';
import { analyzeChase, type ChasePoint } from './chaseAnalysis';
import type { CacheLevelSpec, CacheType, Figure, MachineModel } from './types';

/** A cache level as the OS reports it (Linux sysfs `cache/index*`). */
export interface OsCache {
  readonly level: number;
  readonly type: CacheType;
  readonly bytes: number;
  readonly ways?: number;
  readonly lineBytes?: number;
  /** Number of logical CPUs sharing it; > 1 means shared. */
  readonly sharedBy?: number;
}

/** Everything the host could find out; all times in ns. */
export interface MachineMeasurements {
  readonly cpuModel?: string;
  readonly cores: number;
  /** Clock reported by the OS, MHz. */
  readonly cpuMHz?: number;
  readonly osCaches: readonly OsCache[];
  /** Pointer-chase curve: working set (bytes) → ns per dependent load. */
  readonly chase?: readonly ChasePoint[];
  /** Median random 4 KiB read from the SSD, ns; null when it could not be measured. */
  readonly ssdRandomRead4KNs?: number | null;
  /** Uncontended mutex lock + unlock, ns. */
  readonly mutexNs?: number;
}

const DEFAULT_LINE = 64;
const CHASE_SOURCE = 'measured here: pointer chase';

const isPowerOfTwo = (v: number): boolean => Number.isInteger(v) && v > 0 && (v & (v - 1)) === 0;
const measured = (value: number | null | undefined, source: string): Figure<Nanos> | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? { value: nanos(value), source } : undefined;

/** The machine description of the user's computer, id 'this-machine', `measured: true`. */
export function machineFromMeasurements(input: MachineMeasurements): MachineModel {
  const analysis = analyzeChase(
    input.chase ?? [],
    input.osCaches.map((c) => ({ level: c.level, type: c.type, bytes: c.bytes })),
  );
  const latencyOf = (name: string): Figure<Nanos> | undefined => {
    const found = analysis.levels.find((l) => l.name === name);
    return found === undefined
      ? undefined
      : measured(found.ns, `${CHASE_SOURCE}, working sets ${found.fromBytes}–${found.toBytes} B`);
  };

  const caches: CacheLevelSpec[] = [];
  let lineAbove = 0;
  for (const os of [...input.osCaches].sort((a, b) => a.level - b.level)) {
    const notes: string[] = [];
    let line = os.lineBytes ?? DEFAULT_LINE;
    if (!isPowerOfTwo(line)) {
      notes.push(`line ${String(os.lineBytes)} B is not a power of two; ${DEFAULT_LINE} B stand-in`);
      line = DEFAULT_LINE;
    } else if (os.lineBytes === undefined) {
      notes.push(`line size not reported; ${DEFAULT_LINE} B stand-in`);
    }
    const dataPath = os.type !== 'Instruction';
    if (dataPath && line < lineAbove) {
      notes.push(`line ${line} B raised to the ${lineAbove} B line above`);
      line = lineAbove;
    }
    const lines = Math.max(1, Math.floor(os.bytes / line));
    let ways: number;
    if (os.ways !== undefined && Number.isInteger(os.ways) && os.ways > 0 && lines % os.ways === 0) {
      ways = os.ways;
    } else {
      ways = [16, 8, 4, 2, 1].find((w) => lines % w === 0) ?? 1;
      notes.push(
        os.ways === undefined
          ? `ways not reported; ${ways}-way stand-in`
          : `${os.ways} ways do not divide ${lines} lines; ${ways}-way stand-in`,
      );
    }
    const size = Math.floor(lines / ways) * ways * line;
    if (size !== os.bytes) notes.push(`size ${os.bytes} B rounded to ${size} B`);
    const latency = dataPath ? latencyOf(`L${os.level}`) : undefined;
    const spec: CacheLevelSpec = {
      level: os.level,
      type: os.type,
      sizeBytes: bytes(size),
      ways,
      lineBytes: bytes(line),
      replacement: 'lru',
      write: 'write-back',
      allocate: 'write-allocate',
      shared: (os.sharedBy ?? 1) > 1,
      source: ['reported by the OS; replacement and write policy assumed (LRU, write-back)', ...notes].join('; '),
    };
    caches.push(latency === undefined ? spec : { ...spec, latency });
    if (dataPath) lineAbove = Math.max(lineAbove, line);
  }

  const ram = analysis.levels.find((l) => l.name === 'RAM');
  const clockGHz =
    input.cpuMHz !== undefined && Number.isFinite(input.cpuMHz) && input.cpuMHz > 0
      ? { value: input.cpuMHz / 1000, source: 'reported by the OS: cpu MHz' }
      : undefined;
  const mutex = measured(input.mutexNs, 'measured here: mutex lock/unlock');
  const memoryLatency =
    ram === undefined ? undefined : measured(ram.ns, `${CHASE_SOURCE}, working sets ${ram.fromBytes}–${ram.toBytes} B`);
  const ssd = measured(input.ssdRandomRead4KNs, 'measured here: random 4 KiB reads');

  return {
    id: 'this-machine',
    name: input.cpuModel === undefined || input.cpuModel.trim() === '' ? 'This machine' : `This machine (${input.cpuModel.trim()})`,
    source: 'measured here',
    measured: true,
    cpu: {
      cores: Number.isInteger(input.cores) && input.cores > 0 ? input.cores : 1,
      ...(clockGHz === undefined ? {} : { clockGHz }),
    },
    caches,
    coherence: {},
    os: mutex === undefined ? {} : { mutexLockUnlock: mutex },
    memory: memoryLatency === undefined ? {} : { latency: memoryLatency },
    ssd: ssd === undefined ? {} : { randomRead4K: ssd },
    hdd: {},
    network: {},
    compression: {},
  };
}
