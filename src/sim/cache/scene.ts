/**
 * The Memory Hierarchy scene: two access patterns (left and right) run through two
 * independent copies of one machine's cache hierarchy, side by side, in ONE engine.
 *
 * Virtual time: each side's accesses run one after another, and an access takes the latency
 * of every level it had to reach — L1's if it hits in L1, L1 + L2 if it hits in L2, …, plus
 * memory's if it went to memory (the "where it was served" of {@link CacheHierarchy.access}).
 * Write-backs and write-throughs cost nothing here (as if buffered). A level whose latency no
 * table gives (the 2012 and 2020 presets' L3) adds 0 ns, and its view says `latencyKnown: false`.
 * So the side with the worse pattern visibly finishes later.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';

import { nanos } from '../core/units';
import type { MachineModel } from '../hardware/types';
import { hierarchyFromMachine } from './config';
import { CacheHierarchy, type CacheObserver } from './hierarchy';
import { PATTERNS, runPattern, type PatternId } from './patterns';
import { type CacheSceneParams, cacheManifest } from './manifest';
export { MAX_SCENE_ACCESSES, PATTERN_OPTIONS, CACHE_MACHINE_IDS, CACHE_PARAMS } from './manifest';
export type { CacheSceneParams } from './manifest';

/** Levels with more lines than this are not drawn line by line (`lines: null`). */
export const MAX_DRAWN_LINES = 2048;

/** One line of a level, as drawn. */
export interface CacheLineView {
  /** Tag (line number ÷ sets) in hex, or null for an empty way. */
  readonly tag: string | null;
  readonly dirty: boolean;
  /** Recency rank in the set: 0 = most recently used (under FIFO: most recently installed); -1 for an empty way. */
  readonly age: number;
  /** Side (0 left, 1 right) whose access last touched it. */
  readonly lastSide?: number;
  /** Address of the line's first byte, hex; absent for an empty way. */
  readonly addr?: string;
}

/** One level of one side. */
export interface CacheLevelView {
  readonly name: string;
  readonly sets: number;
  readonly ways: number;
  readonly lineBytes: number;
  /** Hit latency, ns (0 when unknown, see latencyKnown). */
  readonly latencyNs: number;
  /** False when no table gives this level's latency (it then counts as 0 ns). */
  readonly latencyKnown?: boolean;
  /** sets × ways, row-major by set; null when the level has more than 2048 lines (too many to draw). */
  readonly lines: readonly CacheLineView[] | null;
  readonly counters: { accesses: number; hits: number; misses: number; reads: number; writes: number; writebacks: number };
}

/** One side: its pattern, progress, time, and hierarchy. */
export interface CacheSideView {
  readonly pattern: string;
  readonly label: string;
  readonly done: boolean;
  readonly accesses: number;
  readonly total: number;
  /** Virtual time this side has spent, ns. */
  readonly elapsedNs: number;
  /** AMAT so far, ns (unknown latencies as 0). */
  readonly amatNs: number;
  /** The latest access: where it was served (`level`: 'L1'… or 'memory'), its time, and its L1 set and way (way -1: not allocated). */
  readonly last: { addr: string; size: number; op: 'R' | 'W'; level: string; ns: number; set: number; way: number } | null;
  readonly levels: readonly CacheLevelView[];
  readonly memory: { reads: number; writes: number };
}

/** What the renderer draws. */
export interface CacheView {
  readonly sides: readonly [CacheSideView, CacheSideView];
  /** The matrix shape, when a side traverses a matrix (row-major / column-major). */
  readonly pattern?: { rows: number; cols: number };
}

/** A side made an access at `t`; it lasts `ns`. `level` = where it was served. */
export interface CacheAccessRecord extends TraceRecord {
  readonly kind: 'access';
  readonly side: 0 | 1;
  readonly index: number;
  readonly addr: string;
  readonly size: number;
  readonly op: 'R' | 'W';
  readonly level: string;
  readonly ns: number;
}

/** A valid line was evicted at `t` (written back when dirty). */
export interface CacheEvictRecord extends TraceRecord {
  readonly kind: 'evict';
  readonly side: 0 | 1;
  readonly level: string;
  readonly set: number;
  readonly way: number;
  readonly dirty: boolean;
}

export type CacheRecord = CacheAccessRecord | CacheEvictRecord;

/** Event: side `side` makes its next access (or finishes). */
export interface CacheEvent {
  readonly side: 0 | 1;
}

/** One side's state. The access list is immutable and shared between clones. */
export interface CacheSideState {
  readonly pattern: PatternId;
  readonly addrs: Float64Array;
  readonly sizes: Uint32Array;
  readonly writes: Uint8Array;
  hierarchy: CacheHierarchy;
  /** Side that last touched each line, per level (typed, cloned). */
  lastSide: Uint8Array[];
  index: number;
  done: boolean;
  elapsedNs: number;
  lastLevel: number;
  lastNs: number;
  lastSet: number;
  lastWay: number;
}

/** The scene's state: two sides. */
export interface CacheSceneState {
  readonly sides: [CacheSideState, CacheSideState];
  readonly rows: number;
  readonly cols: number;
}


/**
 * The generated pattern parameters behind scene parameters. Elements are 8 bytes. sequential
 * and stride sweep an array of rows × cols elements; random reads `working` bytes; the matrix
 * multiplies use n = rows (tile 4); the lists have rows × cols / 2 nodes of 16 bytes (the same
 * footprint as the matrix).
 */
export function patternParams(id: PatternId, p: CacheSceneParams): Record<string, number> {
  const bytes = p.rows * p.cols * 8;
  switch (id) {
    case 'sequential':
      return { bytes, elem: 8, passes: 1 };
    case 'stride':
      return { bytes, stride: p.stride, elem: 8, passes: 1 };
    case 'random':
      return { working: p.working, count: p.count, elem: 8 };
    case 'row-major':
    case 'column-major':
      return { rows: p.rows, cols: p.cols, elem: 8, passes: 1 };
    case 'matmul-ijk':
    case 'matmul-ikj':
      return { n: p.rows, elem: 8 };
    case 'matmul-blocked':
      return { n: p.rows, block: 4, elem: 8 };
    case 'list-sequential':
    case 'list-shuffled':
      return { nodes: Math.max(1, Math.floor((p.rows * p.cols) / 2)), node: 16, passes: 1 };
  }
}

const hex = (hi: number, lo: number): string => (hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`);

/** The scene's model on a machine (its data/unified caches and memory latency). */
export function cacheSceneModel(params: CacheSceneParams, machine: MachineModel): Model<CacheSceneState, CacheEvent, CacheRecord> {
  const machineConfig = hierarchyFromMachine(machine);
  /** ns to reach level l (memory = levels.length); unknown latencies count as 0. */
  const lat = [...machineConfig.levels.map((l) => l.latencyNs ?? 0), machineConfig.memoryLatencyNs ?? 0];
  let ctx: SimContext<CacheEvent, CacheRecord> | null = null;
  let current: CacheSideState | null = null;
  let side: 0 | 1 = 0;
  const observer: CacheObserver = {
    line(level, set, way) {
      const s = current!;
      if (level === 0 && s.lastSet < 0) {
        s.lastSet = set;
        s.lastWay = way;
      }
      if (way >= 0) s.lastSide[level]![set * s.hierarchy.levels[level]!.ways + way] = side;
    },
    evict(level, set, way, dirty) {
      ctx!.emit({ t: ctx!.now, kind: 'evict', side, level: current!.hierarchy.levels[level]!.config.name, set, way, dirty });
    },
  };

  const makeSide = (pattern: PatternId, seed: number, hierarchySeed: number): CacheSideState => {
    const config = { ...machineConfig, seed: hierarchySeed };
    const addrs: number[] = [];
    const sizes: number[] = [];
    const writes: number[] = [];
    runPattern(pattern, patternParams(pattern, params), { access: (hi, lo, size, w) => void (addrs.push(hi * 4294967296 + lo), sizes.push(size), writes.push(w ? 1 : 0)) }, seed, params.count);
    const hierarchy = new CacheHierarchy(config);
    return {
      pattern,
      addrs: Float64Array.from(addrs),
      sizes: Uint32Array.from(sizes),
      writes: Uint8Array.from(writes),
      hierarchy,
      lastSide: hierarchy.levels.map((l) => new Uint8Array(l.sets * l.ways)),
      index: 0,
      done: false,
      elapsedNs: 0,
      lastLevel: -1,
      lastNs: 0,
      lastSet: -1,
      lastWay: -1,
    };
  };

  return {
    init(c) {
      const patternSeed = c.rng.nextU32();
      const left = makeSide(params.left, patternSeed, c.rng.nextU32());
      const right = makeSide(params.right, patternSeed, c.rng.nextU32());
      c.schedule(nanos(0), { side: 0 });
      c.schedule(nanos(0), { side: 1 }, 1);
      return { sides: [left, right], rows: params.rows, cols: params.cols };
    },
    handle(state, event, c) {
      const s = state.sides[event.side];
      if (s.index >= s.addrs.length) {
        s.done = true;
        return;
      }
      const i = s.index;
      const a = s.addrs[i] as number;
      const hi = Math.floor(a / 4294967296);
      const lo = a >>> 0;
      const size = s.sizes[i] as number;
      const isWrite = s.writes[i] === 1;
      ctx = c;
      current = s;
      side = event.side;
      s.lastSet = -1;
      s.lastWay = -1;
      s.hierarchy.observe(observer);
      const where = s.hierarchy.access(hi, lo, size, isWrite);
      s.hierarchy.observe(null);
      let ns = 0;
      for (let l = 0; l <= where; l++) ns += lat[l] as number;
      s.index++;
      s.elapsedNs += ns;
      s.lastLevel = where;
      s.lastNs = ns;
      const levelName = where === s.hierarchy.levels.length ? 'memory' : s.hierarchy.levels[where]!.config.name;
      c.emit({ t: c.now, kind: 'access', side: event.side, index: i, addr: hex(hi, lo), size, op: isWrite ? 'W' : 'R', level: levelName, ns });
      c.schedule(nanos(ns), { side: event.side });
    },
    clone(state) {
      const copy = (s: CacheSideState): CacheSideState => ({
        ...s,
        hierarchy: s.hierarchy.clone(),
        // Only filled ways have a last side: copy those (big levels stay cheap, see CacheLevel.filled).
        lastSide: s.lastSide.map((from, li) => {
          const level = s.hierarchy.levels[li]!;
          const to = new Uint8Array(from.length);
          for (let f = 0; f < level.filledCount; f++) {
            const i = level.filled[f] as number;
            to[i] = from[i] as number;
          }
          return to;
        }),
      });
      return { sides: [copy(state.sides[0]), copy(state.sides[1])], rows: state.rows, cols: state.cols };
    },
  };
}

function levelView(s: CacheSideState, li: number): CacheLevelView {
  const level = s.hierarchy.levels[li]!;
  const c = s.hierarchy.counters().levels[li]!;
  let lines: CacheLineView[] | null = null;
  if (level.sets * level.ways <= MAX_DRAWN_LINES) {
    lines = [];
    const lastSide = s.lastSide[li]!;
    for (let set = 0; set < level.sets; set++) {
      const base = set * level.ways;
      for (let w = 0; w < level.ways; w++) {
        const i = base + w;
        if (!level.isValid(i)) {
          lines.push({ tag: null, dirty: false, age: -1 });
          continue;
        }
        let age = 0;
        for (let o = 0; o < level.ways; o++) if (o !== w && level.isValid(base + o) && level.stampAt(base + o) > level.stampAt(i)) age++;
        const [lineHi, lineLo] = level.lineAt(i);
        const lineNo = (BigInt(lineHi) << 32n) | BigInt(lineLo);
        lines.push({
          tag: `0x${(lineNo / BigInt(level.sets)).toString(16)}`,
          dirty: level.isDirty(i),
          age,
          lastSide: lastSide[i] as number,
          addr: `0x${(lineNo * BigInt(level.lineBytes)).toString(16)}`,
        });
      }
    }
  }
  const latency = level.config.latencyNs;
  return {
    name: level.config.name,
    sets: level.sets,
    ways: level.ways,
    lineBytes: level.lineBytes,
    latencyNs: latency ?? 0,
    latencyKnown: latency !== undefined,
    lines,
    counters: { accesses: c.accesses, hits: c.hits, misses: c.misses, reads: c.reads, writes: c.writes, writebacks: c.writebacks },
  };
}

function sideView(s: CacheSideState): CacheSideView {
  const h = s.hierarchy;
  const n = h.levels.length;
  let amat = h.config.memoryLatencyNs ?? 0;
  for (let li = n - 1; li >= 0; li--) {
    const acc = h.accessesAt(li);
    amat = (h.levels[li]!.config.latencyNs ?? 0) + (acc === 0 ? 0 : h.missesAt(li) / acc) * amat;
  }
  const i = s.index - 1;
  const a = i >= 0 ? (s.addrs[i] as number) : 0;
  return {
    pattern: s.pattern,
    label: PATTERNS.find((p) => p.id === s.pattern)!.label,
    done: s.done,
    accesses: s.index,
    total: s.addrs.length,
    elapsedNs: s.elapsedNs,
    amatNs: h.accessesAt(0) === 0 ? 0 : amat,
    last:
      i < 0
        ? null
        : {
            addr: hex(Math.floor(a / 4294967296), a >>> 0),
            size: s.sizes[i] as number,
            op: s.writes[i] === 1 ? 'W' : 'R',
            level: s.lastLevel === n ? 'memory' : h.levels[s.lastLevel]!.config.name,
            ns: s.lastNs,
            set: s.lastSet,
            way: s.lastWay,
          },
    levels: h.levels.map((_, li) => levelView(s, li)),
    memory: h.memoryCounts(),
  };
}

const MATRIX_PATTERNS: readonly string[] = ['row-major', 'column-major'];

/** The Memory Hierarchy scene: two patterns, two copies of one cache hierarchy, one clock. */
export const cacheScene: SceneDefinition<CacheSceneParams, CacheSceneState, CacheEvent, CacheRecord, CacheView, 'memory-hierarchy'> = {
  ...cacheManifest,
  model: cacheSceneModel,
  view: (state) => {
    const view: CacheView = { sides: [sideView(state.sides[0]), sideView(state.sides[1])] };
    const matrix = state.sides.some((s) => MATRIX_PATTERNS.includes(s.pattern));
    return matrix ? { ...view, pattern: { rows: state.rows, cols: state.cols } } : view;
  },
};
