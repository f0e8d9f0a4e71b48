/**
 * Time travel over one run. The timeline runs a model forward, keeps every trace record, the
 * virtual time after each step and an engine snapshot every `snapshotEvery` steps. Any past
 * state is rebuilt exactly by restoring the nearest snapshot at or before it and replaying —
 * determinism makes the replay identical to the original run.
 */
import { Engine, type EngineSnapshot, type Model, type TraceRecord } from './engine';
import type { Nanos } from './units';

const DEFAULT_SNAPSHOT_EVERY = 256;

/** A recorded run that can be read at any step. Step 0 is the state right after init. */
export class Timeline<S, E, R extends TraceRecord> {
  private readonly frontier: Engine<S, E, R>;
  private readonly cursor: Engine<S, E, R>;
  private readonly snapshotEvery: number;
  private readonly snapshots: EngineSnapshot<S, E>[] = [];
  private readonly records: R[] = [];
  /** times[s] = virtual time after step s, ns. */
  private times = new Float64Array(1024);
  /** recordEnd[s] = number of records emitted by steps 0..s. */
  private recordEnd = new Int32Array(1024);
  /** For each kind, the step of each of its records, in order (non-decreasing). */
  private readonly kindSteps = new Map<string, number[]>();

  /**
   * @param seed - 32-bit seed of the run
   * @param opts.snapshotEvery - steps between snapshots (default 256): memory vs replay length
   */
  constructor(
    private readonly model: Model<S, E, R>,
    seed: number,
    opts: { snapshotEvery?: number } = {},
  ) {
    const every = opts.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    if (!Number.isInteger(every) || every < 1) {
      throw new RangeError(`Timeline: snapshotEvery must be a positive integer, got ${every}`);
    }
    this.snapshotEvery = every;
    this.frontier = new Engine(model, seed, (record, step) => this.keep(record, step));
    this.cursor = new Engine(model, seed);
    this.times[0] = this.frontier.now;
    this.recordEnd[0] = this.records.length;
    this.snapshots.push(this.frontier.snapshot());
  }

  /** Number of steps recorded; valid step indices are 0..length. */
  get length(): number {
    return this.frontier.steps;
  }

  /** True when the run has ended (no pending events). */
  get done(): boolean {
    return this.frontier.peek() === undefined;
  }

  /**
   * Runs up to `maxEvents` more events, recording them.
   * @returns how many were added and whether the run has ended
   */
  extend(maxEvents: number): { added: number; done: boolean } {
    let added = 0;
    while (added < maxEvents && this.frontier.step()) {
      added++;
      const step = this.frontier.steps;
      if (step >= this.times.length) this.grow();
      this.times[step] = this.frontier.now;
      this.recordEnd[step] = this.records.length;
      if (step % this.snapshotEvery === 0) this.snapshots.push(this.frontier.snapshot());
    }
    return { added, done: this.done };
  }

  /** Virtual time (ns) after `step` events (0 for step 0). */
  timeAt(step: number): Nanos {
    return this.times[this.checkStep(step)] as Nanos;
  }

  /**
   * The greatest step with `timeAt(step) <= t`, by binary search; 0 when `t` is before
   * every step.
   * @param t - virtual time, ns
   */
  stepAtTime(t: Nanos): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.times[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The exact state after `step` events, as a copy. Restores the nearest snapshot at or
   * before `step` and replays, unless the cached position already lies between them (so
   * stepping forward is one event; stepping back replays at most `snapshotEvery` events).
   */
  stateAt(step: number): S {
    this.checkStep(step);
    const base = Math.floor(step / this.snapshotEvery);
    const baseStep = base * this.snapshotEvery;
    const at = this.cursor.steps;
    if (at > step || at < baseStep) {
      const snapshot = this.snapshots[base];
      if (snapshot === undefined) throw new Error(`Timeline: no snapshot for step ${baseStep}`);
      this.cursor.restore(snapshot);
    }
    while (this.cursor.steps < step) this.cursor.step();
    return this.model.clone(this.cursor.state);
  }

  /**
   * Records emitted by steps in (fromStep, toStep]. Init's records belong to step 0, so
   * they are included when fromStep < 0. Steps are clamped to the recorded range.
   */
  recordsBetween(fromStep: number, toStep: number): R[] {
    const to = Math.min(Math.floor(toStep), this.length);
    if (to < 0) return [];
    const start = fromStep < 0 ? 0 : (this.recordEnd[Math.min(Math.floor(fromStep), this.length)] as number);
    const end = this.recordEnd[to] as number;
    return start >= end ? [] : this.records.slice(start, end);
  }

  /** Cumulative number of records of each kind emitted by steps 0..step (kinds not yet seen are absent). */
  countsAt(step: number): Readonly<Record<string, number>> {
    this.checkStep(step);
    const counts: Record<string, number> = {};
    for (const [kind, steps] of this.kindSteps) {
      const n = upperBound(steps, step);
      if (n > 0) counts[kind] = n;
    }
    return counts;
  }

  private keep(record: R, step: number): void {
    this.records.push(record);
    let steps = this.kindSteps.get(record.kind);
    if (steps === undefined) {
      steps = [];
      this.kindSteps.set(record.kind, steps);
    }
    steps.push(step);
  }

  private checkStep(step: number): number {
    if (!Number.isInteger(step) || step < 0 || step > this.length) {
      throw new RangeError(`Timeline: step ${step} is outside 0..${this.length}`);
    }
    return step;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const recordEnd = new Int32Array(this.recordEnd.length * 2);
    recordEnd.set(this.recordEnd);
    this.recordEnd = recordEnd;
  }
}

/** Number of elements ≤ value in a non-decreasing array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
