/**
 * The engine's pending events: a binary min-heap ordered by (time, priority, seq). Lower
 * priority numbers go first at equal times; `seq`, the insertion number, breaks the remaining
 * ties so equal events leave in the order they were scheduled (SimPy's rule).
 *
 * Struct-of-arrays storage: push and pop allocate nothing except when the arrays double.
 */
import type { Nanos } from './units';

/** One pending event, as listed for a snapshot. */
export interface QueueEntry<E> {
  /** Virtual time at which the event fires, ns. */
  readonly time: Nanos;
  /** Integer in the int32 range; lower fires first at equal times. */
  readonly priority: number;
  /** Insertion number; lower fires first at equal time and priority. */
  readonly seq: number;
  readonly payload: E;
}

const INITIAL_CAPACITY = 64;

/** A priority queue of events keyed by (time ns, priority, insertion seq). */
export class EventQueue<E> {
  private times: Float64Array;
  private priorities: Int32Array;
  private seqs: Float64Array;
  private payloads: (E | undefined)[];
  private count = 0;
  private seqCounter = 0;

  /** Time (ns) of the event last returned by {@link EventQueue.pop}. */
  lastTime: Nanos = 0 as Nanos;
  /** Priority of the event last returned by {@link EventQueue.pop}. */
  lastPriority = 0;
  /** Seq of the event last returned by {@link EventQueue.pop}; -1 before any pop. */
  lastSeq = -1;

  /** @param capacity - initial number of slots; the arrays double when full. */
  constructor(capacity: number = INITIAL_CAPACITY) {
    const n = Math.max(1, Math.floor(capacity));
    this.times = new Float64Array(n);
    this.priorities = new Int32Array(n);
    this.seqs = new Float64Array(n);
    this.payloads = new Array<E | undefined>(n);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** The seq the next push will receive (saved in snapshots). */
  get nextSeq(): number {
    return this.seqCounter;
  }

  /**
   * Adds an event.
   * @param time - virtual time in ns at which it fires
   * @param priority - integer in the int32 range; lower first at equal times
   * @returns the event's seq (insertion number)
   */
  push(time: Nanos, priority: number, payload: E): number {
    if ((priority | 0) !== priority) {
      throw new RangeError(`EventQueue.push: priority must be an int32 integer, got ${priority}`);
    }
    const seq = this.seqCounter++;
    this.insert(time, priority, seq, payload);
    return seq;
  }

  /** Time (ns) of the next event, or undefined when empty. */
  peekTime(): Nanos | undefined {
    return this.count === 0 ? undefined : (this.times[0] as Nanos);
  }

  /**
   * Removes and returns the next event's payload, and sets {@link EventQueue.lastTime},
   * {@link EventQueue.lastPriority} and {@link EventQueue.lastSeq}. Undefined when empty.
   */
  pop(): E | undefined {
    if (this.count === 0) return undefined;
    const times = this.times;
    const priorities = this.priorities;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    this.lastTime = times[0] as Nanos;
    this.lastPriority = priorities[0] as number;
    this.lastSeq = seqs[0] as number;
    const n = --this.count;
    if (n > 0) {
      // Sift the last element down from the root, moving a hole instead of swapping.
      const t = times[n] as number;
      const p = priorities[n] as number;
      const s = seqs[n] as number;
      const e = payloads[n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && before(times, priorities, seqs, r, l)) c = r;
        const ct = times[c] as number;
        const cp = priorities[c] as number;
        if (ct > t || (ct === t && (cp > p || (cp === p && (seqs[c] as number) > s)))) break;
        times[i] = ct;
        priorities[i] = cp;
        seqs[i] = seqs[c] as number;
        payloads[i] = payloads[c];
        i = c;
      }
      times[i] = t;
      priorities[i] = p;
      seqs[i] = s;
      payloads[i] = e;
    }
    payloads[n] = undefined;
    return top;
  }

  /** All pending events in firing order (allocates; for snapshots and debugging). */
  entries(): QueueEntry<E>[] {
    const out: QueueEntry<E>[] = [];
    for (let i = 0; i < this.count; i++) {
      out.push({
        time: this.times[i] as Nanos,
        priority: this.priorities[i] as number,
        seq: this.seqs[i] as number,
        payload: this.payloads[i] as E,
      });
    }
    return out.sort((x, y) => x.time - y.time || x.priority - y.priority || x.seq - y.seq);
  }

  /**
   * Rebuilds a queue from {@link EventQueue.entries}, keeping each entry's seq.
   * @param nextSeq - the seq the next push gets; must exceed every entry's seq
   */
  static fromEntries<E>(entries: readonly QueueEntry<E>[], nextSeq: number): EventQueue<E> {
    const q = new EventQueue<E>(Math.max(INITIAL_CAPACITY, entries.length));
    for (const entry of entries) {
      if (entry.seq >= nextSeq) {
        throw new RangeError(`EventQueue.fromEntries: seq ${entry.seq} is not below nextSeq ${nextSeq}`);
      }
      q.insert(entry.time, entry.priority, entry.seq, entry.payload);
    }
    q.seqCounter = nextSeq;
    return q;
  }

  /** Drops every pending event (the seq counter keeps counting). */
  clear(): void {
    this.payloads.fill(undefined, 0, this.count);
    this.count = 0;
  }

  private insert(time: number, priority: number, seq: number, payload: E): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const priorities = this.priorities;
    const seqs = this.seqs;
    const payloads = this.payloads;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      const pp = priorities[parent] as number;
      if (pt < time || (pt === time && (pp < priority || (pp === priority && (seqs[parent] as number) < seq)))) break;
      times[i] = pt;
      priorities[i] = pp;
      seqs[i] = seqs[parent] as number;
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    priorities[i] = priority;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    const priorities = new Int32Array(n);
    priorities.set(this.priorities);
    const seqs = new Float64Array(n);
    seqs.set(this.seqs);
    this.times = times;
    this.priorities = priorities;
    this.seqs = seqs;
    this.payloads.length = n;
  }
}

function before(times: Float64Array, priorities: Int32Array, seqs: Float64Array, i: number, j: number): boolean {
  const ti = times[i] as number;
  const tj = times[j] as number;
  if (ti !== tj) return ti < tj;
  const pi = priorities[i] as number;
  const pj = priorities[j] as number;
  if (pi !== pj) return pi < pj;
  return (seqs[i] as number) < (seqs[j] as number);
}
