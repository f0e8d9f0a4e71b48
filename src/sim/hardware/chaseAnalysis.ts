/**
 * Reads a pointer-chase curve (latency per dependent load against working-set size) as
 * plateaus: one per cache level, then RAM. With the OS's cache sizes the windows are known;
 * without them the plateaus are found where the curve jumps.
 */

/** One measured point: working set in bytes, mean latency of one dependent load in ns. */
export interface ChasePoint {
  readonly bytes: number;
  readonly ns: number;
}

/** A cache level as the OS reports it (`type` as in sysfs: Data, Instruction, Unified). */
export interface ChaseCacheInfo {
  readonly level: number;
  readonly type: string;
  readonly bytes: number;
}

/** Name of a plateau. */
export type ChaseLevelName = 'L1' | 'L2' | 'L3' | 'L4' | 'RAM';

/** A plateau: its latency (ns) and the working sets (bytes) of the points it was read from. */
export interface ChaseLevel {
  readonly name: ChaseLevelName;
  /** Median latency of the plateau's points, ns. */
  readonly ns: number;
  /** Smallest working set used, bytes. */
  readonly fromBytes: number;
  /** Largest working set used, bytes. */
  readonly toBytes: number;
}

/** A jump larger than this between consecutive points starts a new plateau (no cache sizes). */
const JUMP_RATIO = 1.35;
/** RAM is read from working sets at least this many times the last cache level. */
const RAM_FACTOR = 4;
const NAMES: readonly ChaseLevelName[] = ['L1', 'L2', 'L3', 'L4'];

/**
 * Lower median: for an even count, the smaller middle value, so a band that ends on the
 * knee of the curve reads the cache rather than the first misses.
 */
function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

function level(name: ChaseLevelName, points: readonly ChasePoint[]): ChaseLevel {
  return {
    name,
    ns: lowerMedian(points.map((p) => p.ns)),
    fromBytes: Math.min(...points.map((p) => p.bytes)),
    toBytes: Math.max(...points.map((p) => p.bytes)),
  };
}

/**
 * Finds the cache levels and RAM in a pointer-chase curve.
 *
 * With `caches` (data and unified levels only): level k is the median of the points whose
 * working set is > level k−1's size and ≤ half of level k's size; if there are none, the one
 * point in (size k−1, size k] nearest to half the size (log scale). RAM is the median of the
 * points ≥ 4 × the last level's size, absent if there are none.
 *
 * Without `caches`: the curve, sorted by size, is cut wherever latency rises by more than
 * 35 % from one point to the next. A single point between two plateaus is a knee and is
 * dropped; the last plateau is RAM. A sparse curve (one point per level) needs the sizes.
 */
export function analyzeChase(
  points: readonly ChasePoint[],
  caches?: readonly ChaseCacheInfo[],
): { levels: ChaseLevel[] } {
  const sorted = points.filter((p) => Number.isFinite(p.ns) && p.ns > 0 && p.bytes > 0).sort((a, b) => a.bytes - b.bytes);
  if (sorted.length === 0) return { levels: [] };
  return caches === undefined || caches.length === 0 ? byPlateaus(sorted) : bySizes(sorted, caches);
}

function bySizes(points: readonly ChasePoint[], caches: readonly ChaseCacheInfo[]): { levels: ChaseLevel[] } {
  const sizes = new Map<number, number>();
  for (const c of caches) {
    if ((c.type === 'Data' || c.type === 'Unified') && c.level >= 1 && c.level <= NAMES.length) {
      sizes.set(c.level, Math.max(sizes.get(c.level) ?? 0, c.bytes));
    }
  }
  const levels: ChaseLevel[] = [];
  let below = 0;
  for (const lvl of [...sizes.keys()].sort((a, b) => a - b)) {
    const size = sizes.get(lvl) as number;
    let band = points.filter((p) => p.bytes > below && p.bytes <= size / 2);
    if (band.length === 0) {
      const target = Math.log2(size / 2);
      const candidates = points.filter((p) => p.bytes > below && p.bytes <= size);
      const nearest = candidates.sort((a, b) => Math.abs(Math.log2(a.bytes) - target) - Math.abs(Math.log2(b.bytes) - target))[0];
      band = nearest === undefined ? [] : [nearest];
    }
    if (band.length > 0) levels.push(level(NAMES[lvl - 1] as ChaseLevelName, band));
    below = size;
  }
  const ram = points.filter((p) => p.bytes >= RAM_FACTOR * below);
  if (ram.length > 0) levels.push(level('RAM', ram));
  return { levels };
}

function byPlateaus(points: readonly ChasePoint[]): { levels: ChaseLevel[] } {
  let groups: ChasePoint[][] = [];
  let current: ChasePoint[] = [];
  for (const p of points) {
    const prev = current[current.length - 1];
    if (prev !== undefined && p.ns > prev.ns * JUMP_RATIO) {
      groups.push(current);
      current = [];
    }
    current.push(p);
  }
  groups.push(current);
  groups = groups.filter((g, i) => g.length > 1 || i === 0 || i === groups.length - 1);
  // At most four cache plateaus and RAM: merge the two neighbours closest in latency.
  while (groups.length > NAMES.length + 1) {
    let best = 0;
    let bestRatio = Infinity;
    for (let i = 0; i + 1 < groups.length; i++) {
      const ratio = lowerMedian((groups[i + 1] as ChasePoint[]).map((p) => p.ns)) / lowerMedian((groups[i] as ChasePoint[]).map((p) => p.ns));
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = i;
      }
    }
    groups.splice(best, 2, [...(groups[best] as ChasePoint[]), ...(groups[best + 1] as ChasePoint[])]);
  }
  if (groups.length === 1) return { levels: [level('L1', groups[0] as ChasePoint[])] };
  return {
    levels: groups.map((g, i) => level(i === groups.length - 1 ? 'RAM' : (NAMES[i] as ChaseLevelName), g)),
  };
}
