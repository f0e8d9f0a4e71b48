/**
 * "The Big O" as the app sees it: parameters (declared once, as data), the model and a plain view.
 *
 * The model applies an operation mix to an empty CPython 3.11 list or deque
 * ({@link ListModel}/{@link DequeModel}), one op per event, 1 µs of virtual time apart (the
 * clock only orders the steps). The view holds the slots (which element is where), the step's
 * shifts and reallocation, running totals, the bytes held, and the cost curves for the growth
 * chart with their fitted log-log slopes.
 */
import type { Model, SimContext, TraceRecord } from '../core/engine';
import type { SceneDefinition } from '../core/scene';
import { nanos, NS_PER_US } from '../core/units';
import { anagramCost, containerSizes, costCurve, FIT_FROM_N, logLogSlope, stringCost, type AnagramCost, type ContainerSizes, type CurvePoint, type StringCost } from './costs';
import {
  BLOCKLEN, DequeModel, ListModel, parseSpec,
  type BigOOp, type DequeOp, type ListOp, type OpStep, type SpecItem, type StructureId,
} from './structures';
import { type BigOParams, type Mix, bigoManifest, mixLabel } from './manifest';
export { MIXES, MAX_SCENE_N, MAX_SCENE_OPS, BIGO_PARAMS, mixLabel, checkSceneSpec, DEFAULT_OPS, BIGO_SCHEMA } from './manifest';
export type { Mix, BigOParams, ParamSpec } from './manifest';

/** The ops a mix applies (random uses the run's seeded generator). */
export function mixOps(params: BigOParams, random: () => number): BigOOp[] {
  const { structure, n } = params;
  const front: BigOOp = structure === 'list' ? 'insert0' : 'appendleft';
  const popFront: BigOOp = structure === 'list' ? 'pop0' : 'popleft';
  const rep = (op: BigOOp, k: number): BigOOp[] => Array.from({ length: k }, () => op);
  switch (params.mix) {
    case 'back':
      return rep('append', n);
    case 'front':
      return rep(front, n);
    case 'drain-back':
      return [...rep('append', n), ...rep('pop', n)];
    case 'drain-front':
      return [...rep('append', n), ...rep(popFront, n)];
    case 'random': {
      const ops: BigOOp[] = [];
      let size = 0;
      const grow: BigOOp[] = ['append', front];
      const shrink: BigOOp[] = ['pop', popFront];
      for (let k = 0; k < n; k++) {
        const r = random();
        // Grow two times in three; never pop an empty structure.
        const op = size === 0 || r < 2 / 3 ? grow[Math.floor(random() * 2)]! : shrink[Math.floor(random() * 2)]!;
        size += op === 'append' || op === front ? 1 : -1;
        ops.push(op);
      }
      return ops;
    }
    case 'custom':
      return parseSpec(structure, params.ops).flatMap((item: SpecItem) => rep(item.op, item.count));
  }
}

/** A SPEC that gives the same ops (for the CLI line the scene prints). */
export function specOf(ops: readonly BigOOp[]): string {
  const out: string[] = [];
  for (let k = 0; k < ops.length; ) {
    let j = k;
    while (j < ops.length && ops[j] === ops[k]) j++;
    out.push(j - k > 1 ? `${ops[k]}*${j - k}` : ops[k]!);
    k = j;
  }
  return out.join(',');
}

/** One op applied: the step as the CLI reports it, plus the realloc copy. */
export interface BigOOpRecord extends TraceRecord {
  readonly kind: 'bigo.op';
  readonly i: number;
  readonly op: BigOOp;
  readonly size: number;
  readonly moved: number;
  readonly alloc: 0 | 1;
  /** list: capacity after; deque: blocks after. */
  readonly held: number;
}
export type BigORecord = BigOOpRecord;
export type BigOEvent = { readonly type: 'op'; readonly index: number };

/** A cost curve of the growth chart, with its fitted slope. */
export interface CurveView {
  readonly op: BigOOp;
  readonly label: string;
  readonly points: readonly CurvePoint[];
  /** Fitted log-log slope over n ≥ {@link FIT_FROM_N}. */
  readonly slope: number;
}

/** Running totals over the ops so far. */
export interface Totals {
  readonly ops: number;
  readonly moved: number;
  readonly reallocs: number;
  /** Slots copied by reallocations (the worst case: every realloc moved the block). */
  readonly copied: number;
  /** Cost as the growth chart counts it: one slot write or clear per op + moved + copied. */
  readonly cost: number;
}

/** The model state. */
export interface BigOState {
  readonly params: BigOParams;
  readonly ops: readonly BigOOp[];
  list: ListModel;
  deque: DequeModel;
  /** Element ids (the op index that added each), left to right. */
  items: number[];
  last: OpStep | null;
  totals: Totals;
  readonly curves: readonly CurveView[];
  readonly extras: Extras;
}

/** Strings, tuple vs list, anagrams, counted at a few n. */
export interface Extras {
  readonly strings: readonly (StringCost & { readonly n: number })[];
  readonly sizes: readonly ContainerSizes[];
  readonly anagrams: readonly AnagramCost[];
}

/** What the renderer draws. */
export interface BigOView {
  readonly structure: StructureId;
  readonly mix: Mix;
  readonly mixLabel: string;
  /** The whole run as a SPEC (what `nanoscope bigo --ops` takes). */
  readonly spec: string;
  readonly opsTotal: number;
  readonly size: number;
  /** Element ids, left to right. */
  readonly items: readonly number[];
  /** list: slots allocated; deque: null. */
  readonly capacity: number | null;
  /** deque: blocks, the left end's index in its block; list: null. */
  readonly blocks: number | null;
  readonly leftindex: number | null;
  readonly last: OpStep | null;
  readonly totals: Totals;
  /** `sys.getsizeof` after the step, bytes. */
  readonly bytes: number;
  /** Slots held but empty (list: capacity − size; deque: 64 · blocks − size). */
  readonly wastedSlots: number;
  /** The same n elements as a tuple, bytes (no over-allocation). */
  readonly tupleBytes: number;
  readonly curves: readonly CurveView[];
  readonly extras: Extras;
  readonly sources: readonly string[];
}

function curvesFor(structure: StructureId, curveN: number): CurveView[] {
  const ops: [BigOOp, string][] =
    structure === 'list'
      ? [
          ['append', 'n × append'],
          ['insert0', 'n × insert(0, x)'],
          ['pop0', 'n × pop(0)'],
        ]
      : [
          ['append', 'n × append'],
          ['appendleft', 'n × appendleft'],
          ['popleft', 'n × popleft'],
        ];
  return ops.map(([op, label]) => {
    const points = costCurve(structure, op, curveN);
    return { op, label, points, slope: logLogSlope(points, FIT_FROM_N) };
  });
}

function extrasFor(): Extras {
  const ns = [10, 100, 1000, 10_000];
  return {
    strings: ns.map((n) => ({ n, ...stringCost(n) })),
    sizes: [0, 1, 10, 100, 1000].map(containerSizes),
    anagrams: [3, 5, 8, 10, 12].map(anagramCost),
  };
}

const STEP_NS = nanos(NS_PER_US);

/** The model for a parameter set (the machine does not matter: counts, not times). */
export function bigoModel(params: BigOParams): Model<BigOState, BigOEvent, BigORecord> {
  const curves = curvesFor(params.structure, params.curveN);
  const extras = extrasFor();
  return {
    init(ctx) {
      const ops = mixOps(params, () => ctx.rng.next());
      if (ops.length) ctx.schedule(STEP_NS, { type: 'op', index: 0 });
      return { params, ops, list: new ListModel(), deque: new DequeModel(), items: [], last: null, totals: { ops: 0, moved: 0, reallocs: 0, copied: 0, cost: 0 }, curves, extras };
    },
    handle,
    clone: (s) => ({ ...s, list: s.list.clone(), deque: s.deque.clone(), items: s.items.slice() }),
  };
}

function handle(s: BigOState, ev: BigOEvent, ctx: SimContext<BigOEvent, BigORecord>): void {
  const op = s.ops[ev.index]!;
  const list = s.params.structure === 'list';
  const step = list ? s.list.apply(op as ListOp) : s.deque.apply(op as DequeOp);
  const id = ev.index;
  if (op === 'append') s.items.push(id);
  else if (op === 'insert0' || op === 'appendleft') s.items.unshift(id);
  else if (op === 'pop') s.items.pop();
  else s.items.shift();
  s.last = step;
  const t = s.totals;
  s.totals = { ops: t.ops + 1, moved: t.moved + step.moved, reallocs: t.reallocs + step.alloc, copied: t.copied + step.copied, cost: t.cost + 1 + step.moved + step.copied };
  ctx.emit({ t: ctx.now, kind: 'bigo.op', i: step.i, op, size: step.size, moved: step.moved, alloc: step.alloc, held: (list ? step.capacity : step.blocks)! });
  if (ev.index + 1 < s.ops.length) ctx.schedule(STEP_NS, { type: 'op', index: ev.index + 1 });
}

function view(s: BigOState): BigOView {
  const list = s.params.structure === 'list';
  const size = s.items.length;
  const bytes = s.last ? s.last.bytes : list ? 56 : 760;
  const blocks = list ? null : s.deque.blocks;
  return {
    structure: s.params.structure,
    mix: s.params.mix,
    mixLabel: mixLabel(s.params.mix, s.params.structure),
    spec: specOf(s.ops),
    opsTotal: s.ops.length,
    size,
    items: s.items,
    capacity: list ? s.list.allocated : null,
    blocks,
    leftindex: list ? null : s.deque.leftindex,
    last: s.last,
    totals: s.totals,
    bytes,
    wastedSlots: list ? s.list.allocated - size : blocks! * BLOCKLEN - size,
    tupleBytes: 40 + 8 * size,
    curves: s.curves,
    extras: s.extras,
    sources: [
      'CPython 3.11 Objects/listobject.c list_resize: no realloc while n fits and n ≥ allocated / 2; else allocated = (n + n/8 + 6) & ~3 (0 for an empty list)',
      'CPython 3.11 Modules/_collectionsmodule.c: 64-slot blocks, a new deque at CENTER (indices 32/31), re-centred when an op empties it across a block edge; deque_sizeof counts (leftindex + len + 63) / 64 blocks',
      'Checked against sys.getsizeof in CPython 3.11.7 (src/sim/bigo/fixtures/record.py): 68 op sequences, 38,943 steps',
      'Cost counted per op: 1 slot written or cleared + slots shifted + slots copied by a reallocation (the worst case: realloc moved the block; often it grows in place)',
    ],
  };
}


/** The Big O. */
export const bigoScene: SceneDefinition<BigOParams, BigOState, BigOEvent, BigORecord, BigOView, 'big-o'> = {
  ...bigoManifest,
  model: (params) => bigoModel(params),
  view,
};
