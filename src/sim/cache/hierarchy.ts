/**
 * A multi-level cache hierarchy simulated exactly, access by access (issue 4, rules 1–6).
 *
 * Each level is an independent set-associative cache (neither inclusive nor exclusive). An
 * access that crosses a line boundary of a level is split into per-line accesses there, in
 * address order, each processed completely — with all the traffic it causes below — before the
 * next. What a level sends down (fills = reads, write-throughs and write-backs = writes) are
 * ordinary accesses of the next level. Below the last level, memory counts requests.
 *
 * Addresses are 64-bit, passed as two unsigned 32-bit halves (`hi`, `lo`), so nothing is lost
 * to floating point and nothing is allocated per access: tags, flags, recency stamps and
 * counters all live in typed arrays.
 */
import { Rng, type RngState } from '../core/rng';
import type { AllocatePolicy, Replacement, WritePolicy } from '../hardware/types';

/** One cache level, in simulator terms. */
export interface CacheLevelConfig {
  /** Shown in counters, e.g. 'L1'. */
  readonly name: string;
  /** Capacity, bytes (a multiple of lineBytes × ways). */
  readonly sizeBytes: number;
  /** Associativity; 1 = direct-mapped, 'full' = one set holding every line. */
  readonly ways: number | 'full';
  /** Line size, bytes: a power of two, never smaller than the level above. */
  readonly lineBytes: number;
  readonly replacement: Replacement;
  readonly write: WritePolicy;
  readonly allocate: AllocatePolicy;
  /** Hit latency, ns; undefined when no table gives it (then AMAT is unknown). */
  readonly latencyNs?: number;
}

/** A whole hierarchy: levels from L1 outwards, then memory. */
export interface HierarchyConfig {
  readonly levels: readonly CacheLevelConfig[];
  /** Memory latency, ns; undefined when unknown. */
  readonly memoryLatencyNs?: number;
  /** Seed of the generator used by 'random' replacement (one generator for all levels). Default 1. */
  readonly seed?: number;
}

/** Counters of one level, named as in the CLI's JSON. */
export interface LevelCounters {
  readonly name: string;
  readonly accesses: number;
  readonly hits: number;
  readonly misses: number;
  readonly reads: number;
  readonly read_hits: number;
  readonly read_misses: number;
  readonly writes: number;
  readonly write_hits: number;
  readonly write_misses: number;
  readonly writebacks: number;
}

/** Every counter of a hierarchy: per level, and memory's line reads and writes. */
export interface HierarchyCounters {
  readonly levels: LevelCounters[];
  readonly memory: { readonly reads: number; readonly writes: number };
}

/**
 * Optional observer (the scene uses it). Called synchronously; when absent the hot path pays
 * one null check per line access.
 */
export interface CacheObserver {
  /** A per-line access at `level` found (`hit`) or installed its line in (`set`, `way`). `way` is -1 for a no-write-allocate write miss. */
  line(level: number, set: number, way: number, hit: boolean, isWrite: boolean): void;
  /** A valid line was evicted from (`set`, `way`) of `level`; `dirty` = it is being written back. */
  evict(level: number, set: number, way: number, dirty: boolean): void;
}

/** Counter slots per level, in typed-array order (accesses, hits, reads… are sums of these). */
const RD_HIT = 0;
const RD_MISS = 1;
const WR_HIT = 2;
const WR_MISS = 3;
const WB = 4;
const SLOTS = 5;

const VALID = 1;
const DIRTY = 2;
const TWO_POW_32 = 4294967296;
/** Stamps are 32-bit: past this tick every level's stamps are renumbered (order kept). */
const STAMP_LIMIT = 0xfffffff0;
/** Most lines one level may hold (keeps set arithmetic exact and memory bounded): 2^24. */
export const MAX_LINES_PER_LEVEL = 1 << 24;

const REPL_LRU = 0;
const REPL_FIFO = 1;
const REPL_RANDOM = 2;
const REPL_PLRU = 3;
const REPL_CODES: Readonly<Record<Replacement, number>> = { lru: REPL_LRU, fifo: REPL_FIFO, random: REPL_RANDOM, 'tree-plru': REPL_PLRU };

const isPow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0 && n <= 2 ** 30;

/**
 * Checks a hierarchy config; each message starts with the field it names, in simulator terms
 * (`levels[1].ways: …`). Front ends that read other field names (the CLI's JSON) check first.
 * @returns the list of problems, empty when the config is usable
 */
export function hierarchyProblems(config: HierarchyConfig): string[] {
  const problems: string[] = [];
  if (config.levels.length === 0) problems.push('levels: at least one level is needed');
  let previousLine = 0;
  config.levels.forEach((l, i) => {
    const at = `levels[${i}]`;
    if (!isPow2(l.lineBytes)) {
      problems.push(`${at}.lineBytes: must be a power of two from 1 to 2^30, got ${l.lineBytes}`);
      return;
    }
    if (l.lineBytes < previousLine) problems.push(`${at}.lineBytes: ${l.lineBytes} B is smaller than the line of the level above (${previousLine} B)`);
    previousLine = l.lineBytes;
    if (!(Number.isInteger(l.sizeBytes) && l.sizeBytes > 0)) {
      problems.push(`${at}.sizeBytes: must be a positive integer, got ${l.sizeBytes}`);
      return;
    }
    if (l.ways !== 'full' && !(Number.isInteger(l.ways) && l.ways > 0)) {
      problems.push(`${at}.ways: must be a positive integer or 'full', got ${String(l.ways)}`);
      return;
    }
    const unit = l.ways === 'full' ? l.lineBytes : l.lineBytes * l.ways;
    if (l.sizeBytes % unit !== 0) {
      problems.push(`${at}.sizeBytes: ${l.sizeBytes} is not a multiple of line × ways (${unit})`);
      return;
    }
    const lines = l.sizeBytes / l.lineBytes;
    if (lines > MAX_LINES_PER_LEVEL) problems.push(`${at}.sizeBytes: ${lines} lines is more than the ${MAX_LINES_PER_LEVEL} a level may hold`);
    const ways = l.ways === 'full' ? lines : l.ways;
    if (l.replacement === 'tree-plru' && (ways & (ways - 1)) !== 0) {
      problems.push(`${at}.ways: tree-PLRU needs a power-of-two number of ways, got ${ways}`);
    }
    if (REPL_CODES[l.replacement] === undefined) problems.push(`${at}.replacement: unknown policy ${String(l.replacement)}`);
    if (l.write !== 'write-back' && l.write !== 'write-through') problems.push(`${at}.write: must be write-back or write-through`);
    if (l.allocate !== 'write-allocate' && l.allocate !== 'no-write-allocate') problems.push(`${at}.allocate: must be write-allocate or no-write-allocate`);
    if (l.latencyNs !== undefined && !(Number.isFinite(l.latencyNs) && l.latencyNs >= 0)) problems.push(`${at}.latencyNs: must be a finite number ≥ 0`);
  });
  if (config.memoryLatencyNs !== undefined && !(Number.isFinite(config.memoryLatencyNs) && config.memoryLatencyNs >= 0)) {
    problems.push('memoryLatencyNs: must be a finite number ≥ 0');
  }
  return problems;
}

/** One level's geometry and storage. Public fields are read by views; do not mutate them. */
export class CacheLevel {
  readonly sets: number;
  readonly ways: number;
  readonly lineBytes: number;
  /** log2(lineBytes). */
  readonly shift: number;
  readonly replacement: number;
  readonly writeBack: boolean;
  readonly writeAllocate: boolean;
  /** sets - 1 when sets is a power of two, else -1. */
  readonly setMask: number;
  /** 2^32 mod sets, for the exact modulo of a 64-bit line number. */
  readonly twoPow32ModSets: number;
  /**
   * Per way, 4 words side by side (a set's ways are contiguous, for the host's cache):
   * line number (address >> shift) low and high 32 bits, VALID | DIRTY flags, and a recency
   * stamp (the hierarchy's tick at the last use; at install only, under FIFO; ≥ 1 once the way
   * holds a line, so 0 marks an empty way). Index
   * ((set × ways) + way) × 4.
   */
  slots: Uint32Array;
  /** Tree-PLRU bits: (ways - 1) per set. */
  plru: Uint8Array;
  /**
   * Ways that hold a line (index set × ways + way), in the order they were first filled; a way
   * never becomes empty again, so clones copy only these (a large, mostly empty level clones
   * cheaply: the fresh arrays are zero-filled lazily by the OS).
   */
  filled: Int32Array;
  filledCount = 0;
  /** Slot index of the line last hit or installed, and its line number (a repeat skips the set scan). */
  lastSlot = -1;
  lastHi = 0;
  lastLo = 0;
  /** Set of {@link lastSlot}. */
  lastSet = 0;

  constructor(readonly config: CacheLevelConfig) {
    const lines = config.sizeBytes / config.lineBytes;
    this.ways = config.ways === 'full' ? lines : config.ways;
    this.sets = lines / this.ways;
    this.lineBytes = config.lineBytes;
    this.shift = Math.round(Math.log2(config.lineBytes));
    this.replacement = REPL_CODES[config.replacement];
    this.writeBack = config.write === 'write-back';
    this.writeAllocate = config.allocate === 'write-allocate';
    this.setMask = (this.sets & (this.sets - 1)) === 0 ? this.sets - 1 : -1;
    this.twoPow32ModSets = TWO_POW_32 % this.sets;
    this.slots = new Uint32Array(lines * 4);
    this.filled = new Int32Array(lines);
    this.plru = new Uint8Array(this.replacement === REPL_PLRU ? this.sets * Math.max(0, this.ways - 1) : 0);
  }

  /** Whether the way at index set × ways + way holds a line. */
  isValid(index: number): boolean {
    return ((this.slots[index * 4 + 2] as number) & VALID) !== 0;
  }

  /** Whether the way at index set × ways + way holds a line modified since it was filled. */
  isDirty(index: number): boolean {
    return ((this.slots[index * 4 + 2] as number) & DIRTY) !== 0;
  }

  /** Line number held by the way at `index`, as [high, low] 32-bit halves. */
  lineAt(index: number): [number, number] {
    return [this.slots[index * 4 + 1] as number, this.slots[index * 4] as number];
  }

  /** Recency stamp of the way at `index` (larger = more recent; install order under FIFO). */
  stampAt(index: number): number {
    return this.slots[index * 4 + 3] as number;
  }

  /** Copies the storage of `other` (same geometry) into this level, which must be empty (new). */
  copyFrom(other: CacheLevel): void {
    const n = other.filledCount;
    const from = other.slots;
    const to = this.slots;
    for (let f = 0; f < n; f++) {
      const w = (other.filled[f] as number) * 4;
      to[w] = from[w] as number;
      to[w + 1] = from[w + 1] as number;
      to[w + 2] = from[w + 2] as number;
      to[w + 3] = from[w + 3] as number;
    }
    this.filled.set(other.filled.subarray(0, n));
    this.filledCount = n;
    this.plru.set(other.plru);
    this.lastSlot = other.lastSlot;
    this.lastHi = other.lastHi;
    this.lastLo = other.lastLo;
    this.lastSet = other.lastSet;
  }

  /** Replaces every stamp by its rank in its set (1 = oldest), keeping the order: for tick wrap-around. */
  renumberStamps(): void {
    const order: number[] = [];
    for (let set = 0; set < this.sets; set++) {
      order.length = 0;
      for (let w = 0; w < this.ways; w++) if (this.isValid(set * this.ways + w)) order.push(set * this.ways + w);
      order.sort((x, y) => this.stampAt(x) - this.stampAt(y));
      order.forEach((index, rank) => void (this.slots[index * 4 + 3] = rank + 1));
    }
  }
}

/** A cache hierarchy over memory. Instances are independent; clone() gives an exact copy. */
export class CacheHierarchy {
  readonly levels: readonly CacheLevel[];
  /** Counters: SLOTS per level, in level order. Float64 so counts stay exact past 2^32. */
  private readonly counts: Float64Array;
  private memReads = 0;
  private memWrites = 0;
  private tick = 0;
  private rng: Rng;
  private observer: CacheObserver | null = null;

  /** @throws RangeError naming the field when the config is not usable (see {@link hierarchyProblems}) */
  constructor(readonly config: HierarchyConfig) {
    const problems = hierarchyProblems(config);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.levels = config.levels.map((l) => new CacheLevel(l));
    this.counts = new Float64Array(this.levels.length * SLOTS);
    this.rng = new Rng(config.seed ?? 1);
  }

  /** Sets (or clears, with null) the observer told about every line access and eviction. */
  observe(observer: CacheObserver | null): void {
    this.observer = observer;
  }

  /**
   * One access by the program, at L1.
   * @param hi - address bits 63..32, unsigned
   * @param lo - address bits 31..0, unsigned
   * @param size - bytes, ≥ 1 (an access running past 2^64 − 1 stops there)
   * @param isWrite - a store (true) or a load (false)
   * @returns where the data came from: the index of the deepest level that served a piece of
   *   the access (0 = L1 hit), or `levels.length` for memory. Write-throughs and write-backs
   *   do not count; a no-write-allocate write miss counts where its forwarded write landed.
   */
  access(hi: number, lo: number, size: number, isWrite: boolean): number {
    const l1 = this.levels[0] as CacheLevel;
    // Most accesses stay within one L1 line: skip the splitting loop.
    if ((lo & (l1.lineBytes - 1)) + size > l1.lineBytes) return this.accessAt(0, hi >>> 0, lo >>> 0, size, isWrite);
    const sh = l1.shift;
    const slot = l1.lastSlot;
    if (
      slot >= 0 &&
      l1.writeBack &&
      this.observer === null &&
      this.tick < STAMP_LIMIT &&
      l1.lastHi === hi >>> sh &&
      l1.lastLo === (sh === 0 ? lo >>> 0 : ((lo >>> sh) | (hi << (32 - sh))) >>> 0)
    ) {
      // A hit on L1's most recent line (runs of accesses to one line): rule 2 with nothing to tell
      // an observer and nothing sent below, as lineAccess would do it.
      const slots = l1.slots;
      if (isWrite) {
        this.counts[WR_HIT]!++;
        slots[slot + 2] = (slots[slot + 2] as number) | DIRTY;
      } else this.counts[RD_HIT]!++;
      if (l1.replacement !== REPL_FIFO) slots[slot + 3] = ++this.tick;
      return 0;
    }
    return this.lineAccess(0, l1, hi >>> 0, lo >>> 0, size, isWrite);
  }

  /** Splits an access at level `li` into per-line accesses, in address order. */
  private accessAt(li: number, hi: number, lo: number, size: number, isWrite: boolean): number {
    if (li === this.levels.length) {
      if (isWrite) this.memWrites++;
      else this.memReads++;
      return li;
    }
    const level = this.levels[li] as CacheLevel;
    const line = level.lineBytes;
    let depth = li;
    let remaining = size;
    for (;;) {
      const offset = lo & (line - 1);
      const room = line - offset;
      const n = remaining < room ? remaining : room;
      const d = this.lineAccess(li, level, hi, lo, n, isWrite);
      if (d > depth) depth = d;
      remaining -= n;
      if (remaining <= 0) break;
      lo += n;
      if (lo >= TWO_POW_32) {
        lo -= TWO_POW_32;
        if (hi === 0xffffffff) break;
        hi++;
      }
    }
    return depth;
  }

  /**
   * A request from level `li - 1` to level `li` (or memory). It never crosses a line there:
   * it lies within one line above, and lines never shrink going down (both powers of two).
   */
  private below(li: number, hi: number, lo: number, size: number, isWrite: boolean): number {
    if (li === this.levels.length) {
      if (isWrite) this.memWrites++;
      else this.memReads++;
      return li;
    }
    return this.lineAccess(li, this.levels[li] as CacheLevel, hi, lo, size, isWrite);
  }

  /** One access that stays within one line of `level`: rules 2–4. */
  private lineAccess(li: number, level: CacheLevel, hi: number, lo: number, n: number, isWrite: boolean): number {
    const sh = level.shift;
    const lnHi = hi >>> sh;
    const lnLo = sh === 0 ? lo : ((lo >>> sh) | (hi << (32 - sh))) >>> 0;
    const slots = level.slots;
    const c = this.counts;
    const k = li * SLOTS;
    if (this.tick >= STAMP_LIMIT) this.renumber();

    const ways = level.ways;
    const replacement = level.replacement;
    let set: number;
    let hit = -1;
    let invalid = -1;
    if (level.lastSlot >= 0 && level.lastLo === lnLo && level.lastHi === lnHi) {
      // The line last used at this level is still where it was (only an install here moves lines).
      hit = level.lastSlot;
      set = level.lastSet;
    } else {
      const sets = level.sets;
      set = level.setMask >= 0 ? lnLo & level.setMask : ((lnHi % sets) * level.twoPow32ModSets + (lnLo % sets)) % sets;
      const first = set * ways * 4;
      const last = first + ways * 4;
      let oldest = first;
      // Every stamp is below STAMP_LIMIT here: the tick was renumbered above if it had reached it.
      let oldestStamp = STAMP_LIMIT;
      for (let i = first; i < last; i += 4) {
        const stamp = slots[i + 3] as number;
        // Stamps start at 1, so 0 marks an empty way; a set's ways fill lowest first and never
        // empty again, so no way after the first empty one holds a line.
        if (stamp === 0) {
          invalid = i;
          break;
        }
        if (slots[i] === lnLo && slots[i + 1] === lnHi) {
          hit = i;
          break;
        }
        if (stamp < oldestStamp) {
          oldestStamp = stamp;
          oldest = i;
        }
      }
      // On a miss in a full set, LRU's and FIFO's victim is the smallest stamp, found in the same scan.
      if (hit < 0 && invalid < 0 && replacement <= REPL_FIFO) invalid = oldest;
    }
    if (hit >= 0) {
      // Rule 2: a hit.
      c[k + (isWrite ? WR_HIT : RD_HIT)]!++;
      if (replacement !== REPL_FIFO) slots[hit + 3] = ++this.tick;
      const way = (hit >> 2) - set * ways;
      if (replacement === REPL_PLRU) touchPlru(level, set, way);
      level.lastSlot = hit;
      level.lastHi = lnHi;
      level.lastLo = lnLo;
      level.lastSet = set;
      this.observer?.line(li, set, way, true, isWrite);
      if (isWrite) {
        if (level.writeBack) slots[hit + 2] = (slots[hit + 2] as number) | DIRTY;
        else this.below(li + 1, hi, lo, n, true);
      }
      return li;
    }
    c[k + (isWrite ? WR_MISS : RD_MISS)]!++;

    if (isWrite && !level.writeAllocate) {
      // Rule 3: forward the write, fill nothing.
      this.observer?.line(li, set, -1, false, true);
      return this.below(li + 1, hi, lo, n, true);
    }

    // Rule 4: victim, install, then (a) fill, (b) write-through, (c) write-back.
    // An invalid way first (lowest number); else LRU/FIFO's oldest, found above; else by policy.
    const way = invalid >= 0 ? (invalid >> 2) - set * ways : this.victim(level, set);
    const i = (set * ways + way) * 4;
    const victimFlags = slots[i + 2] as number;
    const victimDirty = (victimFlags & DIRTY) !== 0;
    const victimLo = slots[i] as number;
    const victimHi = slots[i + 1] as number;
    if ((victimFlags & VALID) !== 0) this.observer?.evict(li, set, way, victimDirty);
    else level.filled[level.filledCount++] = i >> 2;
    slots[i] = lnLo;
    slots[i + 1] = lnHi;
    slots[i + 2] = isWrite && level.writeBack ? VALID | DIRTY : VALID;
    slots[i + 3] = ++this.tick;
    if (replacement === REPL_PLRU) touchPlru(level, set, way);
    level.lastSlot = i;
    level.lastHi = lnHi;
    level.lastLo = lnLo;
    level.lastSet = set;
    this.observer?.line(li, set, way, false, isWrite);

    const lineBase = (lo & ~(level.lineBytes - 1)) >>> 0;
    let depth = li;
    if (!(isWrite && n === level.lineBytes)) depth = this.below(li + 1, hi, lineBase, level.lineBytes, false);
    if (isWrite && !level.writeBack) this.below(li + 1, hi, lo, n, true);
    if (victimDirty) {
      c[k + WB]!++;
      const vHi = sh === 0 ? victimHi : ((victimHi << sh) | (victimLo >>> (32 - sh))) >>> 0;
      const vLo = (victimLo << sh) >>> 0;
      this.below(li + 1, vHi, vLo, level.lineBytes, true);
    }
    return depth;
  }

  /** Renumbers every level's stamps before the tick outgrows 32 bits (order kept). */
  private renumber(): void {
    let top = 0;
    for (const level of this.levels) {
      level.renumberStamps();
      top = Math.max(top, level.ways);
    }
    this.tick = top;
  }

  /** The way to evict from a full set, by the level's policy. */
  private victim(level: CacheLevel, set: number): number {
    const ways = level.ways;
    const base = set * ways;
    switch (level.replacement) {
      case REPL_RANDOM:
        return this.rng.int(ways);
      case REPL_PLRU: {
        const bits = level.plru;
        const pb = set * (ways - 1);
        let node = 0;
        let way = 0;
        for (let span = ways; span > 1; span >>= 1) {
          const b = bits[pb + node] as number;
          way = way * 2 + b;
          node = 2 * node + 1 + b;
        }
        return way;
      }
      default: {
        // LRU and FIFO: the smallest stamp (last use, or install under FIFO).
        const slots = level.slots;
        let best = 0;
        let bestT = slots[base * 4 + 3] as number;
        for (let w = 1; w < ways; w++) {
          const t = slots[(base + w) * 4 + 3] as number;
          if (t < bestT) {
            bestT = t;
            best = w;
          }
        }
        return best;
      }
    }
  }

  /** Every counter, shaped as the CLI's JSON. */
  counters(): HierarchyCounters {
    const c = this.counts;
    return {
      levels: this.levels.map((l, li) => {
        const k = li * SLOTS;
        const v = (slot: number): number => c[k + slot] as number;
        const rh = v(RD_HIT);
        const rm = v(RD_MISS);
        const wh = v(WR_HIT);
        const wm = v(WR_MISS);
        return {
          name: l.config.name,
          accesses: rh + rm + wh + wm,
          hits: rh + wh,
          misses: rm + wm,
          reads: rh + rm,
          read_hits: rh,
          read_misses: rm,
          writes: wh + wm,
          write_hits: wh,
          write_misses: wm,
          writebacks: v(WB),
        };
      }),
      memory: { reads: this.memReads, writes: this.memWrites },
    };
  }

  /** Accesses received by level `li` so far (cheap; no object built). */
  accessesAt(li: number): number {
    const k = li * SLOTS;
    const c = this.counts;
    return (c[k + RD_HIT] as number) + (c[k + RD_MISS] as number) + (c[k + WR_HIT] as number) + (c[k + WR_MISS] as number);
  }

  /** Misses of level `li` so far. */
  missesAt(li: number): number {
    return (this.counts[li * SLOTS + RD_MISS] as number) + (this.counts[li * SLOTS + WR_MISS] as number);
  }

  /** Memory's line reads and writes so far. */
  memoryCounts(): { reads: number; writes: number } {
    return { reads: this.memReads, writes: this.memWrites };
  }

  /** Dirty lines still cached, per level: what a final flush would write back (none is done). */
  dirtyLines(): number[] {
    return this.levels.map((l) => {
      let n = 0;
      for (let i = 2; i < l.slots.length; i += 4) if (((l.slots[i] as number) & DIRTY) !== 0) n++;
      return n;
    });
  }

  /**
   * Average memory access time, ns: L1 latency + L1 miss rate × (L2 latency + L2 miss rate ×
   * (… + memory latency)), each miss rate local (misses ÷ accesses received by that level; 0
   * for a level that received none).
   * @returns null when a latency (a level's or memory's) is unknown
   */
  amatNs(): number | null {
    let amat = this.config.memoryLatencyNs;
    if (amat === undefined) return null;
    for (let li = this.levels.length - 1; li >= 0; li--) {
      const latency = this.levels[li]!.config.latencyNs;
      if (latency === undefined) return null;
      const accesses = this.accessesAt(li);
      const missRate = accesses === 0 ? 0 : this.missesAt(li) / accesses;
      amat = latency + missRate * amat;
    }
    return amat;
  }

  /** The generator's state (for 'random' replacement). */
  rngState(): RngState {
    return this.rng.getState();
  }

  /** An exact, independent copy (storage, counters, tick, generator; not the observer). */
  clone(): CacheHierarchy {
    const copy = new CacheHierarchy(this.config);
    copy.levels.forEach((l, i) => l.copyFrom(this.levels[i]!));
    copy.counts.set(this.counts);
    copy.memReads = this.memReads;
    copy.memWrites = this.memWrites;
    copy.tick = this.tick;
    copy.rng = Rng.fromState(this.rng.getState());
    return copy;
  }
}

/** Points every tree node on the path to `way` away from it. */
function touchPlru(level: CacheLevel, set: number, way: number): void {
  const ways = level.ways;
  if (ways < 2) return;
  const bits = level.plru;
  const pb = set * (ways - 1);
  let node = 0;
  for (let span = ways >> 1; span >= 1; span >>= 1) {
    const b = (way & span) !== 0 ? 1 : 0;
    bits[pb + node] = b ^ 1;
    node = 2 * node + 1 + b;
  }
}
