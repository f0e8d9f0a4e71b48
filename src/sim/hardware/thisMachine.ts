/**
 * Builds the 'this-machine' description from what the host measured and what the OS reports.
 * Only measured or reported figures appear; anything else stays absent ("not measured").
 * Where the OS leaves the cache geometry incomplete, a valid stand-in is chosen and the
 * cache's source says which. Where the OS reports no cache at all, the pointer chase's own
 * plateaus give the sizes; where a reported size is contradicted by the chase, the chase's
 * size is used and the source shows both.
 */
import { bytes, nanos, type Nanos } from '../core/units';
import { analyzeChase, type ChaseLevel, type ChasePoint } from './chaseAnalysis';
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
  /** Which OS source reported it ("Linux sysfs", "getconf", …). */
  readonly source?: string;
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

/** The last plateau is RAM only if the curve reaches this working set (no common cache is 32 MiB per core). */
const RAM_FROM = 32 * 1024 * 1024;
/** A cache plateau is at most this fraction of RAM's latency (L3 on servers is ~¼ of RAM). */
const CACHE_MAX_OF_RAM = 0.5;
/** A point this close to RAM's latency (or slower) is read from RAM. */
const RAM_LIKE = 0.75;

const sizeText = (b: number): string =>
  b >= 1024 ** 3 ? `${b / 1024 ** 3} GiB` : b >= 1024 ** 2 ? `${b / 1024 ** 2} MiB` : b >= 1024 ? `${b / 1024} KiB` : `${b} B`;

/** A cache level the chase's curve shows: its plateau and where the plateau ends. */
export interface ChaseCacheEstimate {
  readonly level: number;
  readonly plateau: ChaseLevel;
  /** The first working set past the plateau (the cache is larger than plateau.toBytes and at most this). */
  readonly bytes: number;
}

/**
 * The cache levels a pointer-chase curve shows by itself: each plateau before RAM is a level
 * whose size is taken as the first working set past the plateau (the smallest size the curve
 * cannot rule out as too small by more than one step). The last plateau is RAM only where
 * the curve reaches 32 MiB; a shorter curve ends inside a cache whose size it cannot tell.
 */
export function cachesFromChase(points: readonly ChasePoint[]): { levels: ChaseCacheEstimate[]; ram?: ChaseLevel } {
  const cleaned = withoutSpikes([...points].sort((a, b) => a.bytes - b.bytes));
  let { levels } = analyzeChase(cleaned);
  const last = levels[levels.length - 1];
  // A curve that stops short of RAM_FROM ends inside a cache: its last plateau is that cache, of unknown size.
  let ram = last !== undefined && last.name === 'RAM' && last.toBytes >= RAM_FROM ? last : undefined;
  // A "cache" at half of RAM's latency or slower is RAM read on a busy machine: it joins RAM.
  const slow = ram === undefined ? -1 : levels.findIndex((l) => l.name !== 'RAM' && l.ns >= CACHE_MAX_OF_RAM * (ram as ChaseLevel).ns);
  if (slow >= 0) {
    const from = (levels[slow] as ChaseLevel).fromBytes;
    const ns = cleaned.filter((p) => p.bytes >= from).map((p) => p.ns).sort((a, b) => a - b);
    ram = { name: 'RAM', ns: ns[Math.floor((ns.length - 1) / 2)] as number, fromBytes: from, toBytes: (ram as ChaseLevel).toBytes };
    levels = [...levels.slice(0, slow), ram];
  }
  const sizes = points.map((p) => p.bytes).sort((a, b) => a - b);
  const out: ChaseCacheEstimate[] = [];
  for (const [i, plateau] of levels.entries()) {
    if (plateau.name === 'RAM') break;
    if (i === levels.length - 1) break; // a flat curve: one plateau, nothing past it
    const next = sizes.find((b) => b > plateau.toBytes) ?? 2 * plateau.toBytes;
    out.push({ level: i + 1, plateau, bytes: Math.min(next, 2 * plateau.toBytes) });
  }
  return { levels: out, ram };
}

/**
 * Drops single-point spikes (a point more than 35 % above both neighbours, which agree within
 * 35 %): one interrupted repeat on a busy machine must not split a plateau.
 */
function withoutSpikes(points: readonly ChasePoint[]): ChasePoint[] {
  return points.filter((p, i) => {
    const a = points[i - 1];
    const b = points[i + 1];
    if (a === undefined || b === undefined) return true;
    const within = Math.max(a.ns, b.ns) <= 1.35 * Math.min(a.ns, b.ns);
    return !(within && p.ns > 1.35 * Math.max(a.ns, b.ns));
  });
}

/**
 * The caches to model: the OS's where it reported any, each checked against the curve (a size
 * at whose quarter the chase already reads RAM latency is contradicted, and the curve's size
 * for that level replaces it with both named); else the curve's own levels.
 */
function effectiveCaches(input: MachineMeasurements): { caches: OsCache[]; notes: Map<OsCache, string>; fromChase: Map<number, ChaseLevel>; ram?: ChaseLevel } {
  const points = (input.chase ?? []).filter((p) => Number.isFinite(p.ns) && p.ns > 0 && p.bytes > 0);
  const curve = cachesFromChase(points);
  const notes = new Map<OsCache, string>();
  const fromChase = new Map<number, ChaseLevel>();
  const reported = input.osCaches.filter((c) => c.type !== 'Instruction');
  if (reported.length === 0) {
    const caches = curve.levels.map((l): OsCache => ({ level: l.level, type: l.level === 1 ? 'Data' : 'Unified', bytes: l.bytes }));
    for (const [i, l] of curve.levels.entries()) {
      notes.set(
        caches[i] as OsCache,
        `${CHASE_SOURCE}: the OS reported no caches; the curve's L${l.level} plateau (${l.plateau.ns} ns) ends between ${sizeText(l.plateau.toBytes)} and ${sizeText(l.bytes)}, so ${sizeText(l.bytes)} is taken`,
      );
      fromChase.set(l.level, l.plateau);
    }
    return curve.ram === undefined ? { caches, notes, fromChase } : { caches, notes, fromChase, ram: curve.ram };
  }
  const caches = input.osCaches.map((os) => {
    if (os.type === 'Instruction' || curve.ram === undefined) return os;
    const ramLimit = RAM_LIKE * curve.ram.ns;
    const witness = points.filter((p) => p.bytes <= os.bytes / 4 && p.ns >= ramLimit).sort((a, b) => a.bytes - b.bytes)[0];
    if (witness === undefined) return os;
    const estimate = curve.levels.find((l) => l.level === os.level);
    const who = os.source === undefined ? 'the OS' : `the OS (${os.source})`;
    const said = `${who} reports ${sizeText(os.bytes)}, but the pointer chase already reads memory latency (${witness.ns} ns) at ${sizeText(witness.bytes)}`;
    if (estimate === undefined || estimate.bytes >= os.bytes) {
      const kept = { ...os };
      notes.set(kept, `${said}; the reported size is kept for want of a better one`);
      return kept;
    }
    const replaced: OsCache = { ...os, bytes: estimate.bytes };
    notes.set(replaced, `${said}: size taken from the chase's L${os.level} plateau, ${sizeText(estimate.bytes)}`);
    fromChase.set(os.level, estimate.plateau);
    return replaced;
  });
  return { caches, notes, fromChase };
}

/**
 * The plateaus the machine description reads its latencies from (cache levels, then RAM):
 * with the OS's sizes (as checked against the curve) its windows; without them the curve's own
 * plateaus as cachesFromChase cleans them. The Latency Ladder's measured table shows these.
 */
export function measuredLevels(input: Pick<MachineMeasurements, 'osCaches' | 'chase'>): ChaseLevel[] {
  const effective = effectiveCaches({ cores: 1, ...input });
  if (input.osCaches.some((c) => c.type !== 'Instruction')) {
    return analyzeChase(input.chase ?? [], effective.caches.map((c) => ({ level: c.level, type: c.type, bytes: c.bytes }))).levels;
  }
  const levels = [...effective.fromChase.values()];
  return effective.ram === undefined ? levels : [...levels, effective.ram];
}

/** The machine description of the user's computer, id 'this-machine', `measured: true`. */
export function machineFromMeasurements(input: MachineMeasurements): MachineModel {
  const effective = effectiveCaches(input);
  const analysis = analyzeChase(
    input.chase ?? [],
    effective.caches.map((c) => ({ level: c.level, type: c.type, bytes: c.bytes })),
  );
  const latencyOf = (name: string): Figure<Nanos> | undefined => {
    const found = analysis.levels.find((l) => l.name === name);
    return found === undefined
      ? undefined
      : measured(found.ns, `${CHASE_SOURCE}, working sets ${found.fromBytes}–${found.toBytes} B`);
  };

  const caches: CacheLevelSpec[] = [];
  let lineAbove = 0;
  for (const os of [...effective.caches].sort((a, b) => a.level - b.level)) {
    const notes: string[] = [];
    const chaseOnly = input.osCaches.every((c) => c.type === 'Instruction');
    const note = effective.notes.get(os);
    if (note !== undefined) notes.push(note);
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
    const plateau = effective.fromChase.get(os.level);
    const latency = !dataPath
      ? undefined
      : chaseOnly && plateau !== undefined
        ? measured(plateau.ns, `${CHASE_SOURCE}, working sets ${plateau.fromBytes}–${plateau.toBytes} B`)
        : latencyOf(`L${os.level}`);
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
      source: [
        chaseOnly
          ? 'measured here: pointer chase plateaus; replacement and write policy assumed (LRU, write-back)'
          : `reported by ${os.source === undefined ? 'the OS' : `the OS (${os.source})`}; replacement and write policy assumed (LRU, write-back)`,
        ...notes,
      ].join('; '),
    };
    caches.push(latency === undefined ? spec : { ...spec, latency });
    if (dataPath) lineAbove = Math.max(lineAbove, line);
  }

  const ram = effective.ram ?? analysis.levels.find((l) => l.name === 'RAM');
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
