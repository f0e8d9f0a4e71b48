/**
 * The deterministic discrete-event engine. Virtual time (ns) is the only clock; the model's
 * randomness comes from the engine's seeded {@link Rng}; events leave the queue in
 * (time, priority, seq) order. Same model + same seed gives the same run, bit for bit.
 */
import { EventQueue, type QueueEntry } from './eventQueue';
import { Rng, type RngState } from './rng';
import type { Nanos } from './units';

/** Every trace record has a time (ns) and a kind, e.g. `'rung.enter'` or `'cache'`. */
export interface TraceRecord {
  /** Virtual time at which the record was emitted, ns. */
  readonly t: Nanos;
  readonly kind: string;
}

/** What a model sees while it builds its state or handles an event. */
export interface SimContext<E, R extends TraceRecord> {
  /** Current virtual time, ns. */
  readonly now: Nanos;
  /** The run's seeded generator; the only randomness a model may use. */
  readonly rng: Rng;
  /**
   * Schedule `event` `delay` ns from now.
   * @param delay - ns, finite and ≥ 0
   * @param priority - int32; lower fires first at equal times (default 0)
   */
  schedule(delay: Nanos, event: E, priority?: number): void;
  /** Emits a trace record (its `t` should be `now`). */
  emit(record: R): void;
}

/** A simulation model: state S, events E, trace records R. */
export interface Model<S, E, R extends TraceRecord> {
  /** Builds the initial state and schedules the first events. */
  init(ctx: SimContext<E, R>): S;
  /** Handles one event, mutating state. */
  handle(state: S, event: E, ctx: SimContext<E, R>): void;
  /** Deep copy of a state, for snapshots. Events are treated as immutable data. */
  clone(state: S): S;
}

/** Why {@link Engine.run} returned: queue empty, time limit reached, or event budget spent. */
export type StopReason = 'empty' | 'until' | 'maxEvents';

/** The outcome of {@link Engine.run}. */
export interface RunResult {
  readonly reason: StopReason;
  /** Events processed by this call. */
  readonly steps: number;
  /** Virtual time after the call, ns. */
  readonly now: Nanos;
}

/** Everything needed to resume an engine exactly where it was. */
export interface EngineSnapshot<S, E> {
  /** Virtual time, ns. */
  readonly now: Nanos;
  /** Events processed since init. */
  readonly steps: number;
  readonly rng: RngState;
  /** Pending events, in firing order. */
  readonly queue: readonly QueueEntry<E>[];
  /** The seq the next scheduled event will get. */
  readonly nextSeq: number;
  /** A deep copy of the model state (made with the model's `clone`). */
  readonly state: S;
}

/** The context handed to the model; one instance per engine, so scheduling allocates nothing. */
class EngineContext<S, E, R extends TraceRecord> implements SimContext<E, R> {
  constructor(private readonly engine: Engine<S, E, R>) {}
  get now(): Nanos {
    return this.engine.now;
  }
  get rng(): Rng {
    return this.engine.rng;
  }
  schedule(delay: Nanos, event: E, priority = 0): void {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`schedule: delay must be a finite number of ns ≥ 0, got ${delay}`);
    }
    this.engine.schedule((this.engine.now + delay) as Nanos, event, priority);
  }
  emit(record: R): void {
    this.engine.record(record);
  }
}

/** One simulation run. Engines are instances: two can run side by side. */
export class Engine<S, E, R extends TraceRecord> {
  private queue = new EventQueue<E>();
  private currentRng: Rng;
  private currentState: S;
  private currentNow = 0 as Nanos;
  private stepCount = 0;
  private readonly ctx: EngineContext<S, E, R>;

  /**
   * Builds the initial state with `model.init` (its records belong to step 0).
   * @param seed - 32-bit integer seed of the run's {@link Rng}
   * @param onRecord - receives every record with the step that emitted it (0 = init)
   */
  constructor(
    private readonly model: Model<S, E, R>,
    seed: number,
    private readonly onRecord?: (record: R, step: number) => void,
  ) {
    this.currentRng = new Rng(seed);
    this.ctx = new EngineContext(this);
    this.currentState = model.init(this.ctx);
  }

  /** Current virtual time, ns. */
  get now(): Nanos {
    return this.currentNow;
  }
  /** The live model state (mutated by each step; clone it to keep it). */
  get state(): S {
    return this.currentState;
  }
  /** Events processed since init. */
  get steps(): number {
    return this.stepCount;
  }
  /** The run's generator. */
  get rng(): Rng {
    return this.currentRng;
  }

  /**
   * Schedules an event at an absolute time.
   * @param at - virtual time in ns, ≥ now (throws RangeError otherwise)
   * @param priority - int32; lower fires first at equal times (default 0)
   */
  schedule(at: Nanos, event: E, priority = 0): void {
    if (!(at >= this.currentNow) || at === Infinity) {
      throw new RangeError(`schedule: time ${at} ns is before now (${this.currentNow} ns) or not finite`);
    }
    this.queue.push(at, priority, event);
  }

  /** Time (ns) of the next event, or undefined when none is pending. */
  peek(): Nanos | undefined {
    return this.queue.peekTime();
  }

  /** Processes one event. @returns false (and does nothing) when the queue is empty. */
  step(): boolean {
    const queue = this.queue;
    if (queue.size === 0) return false;
    const event = queue.pop() as E;
    this.currentNow = queue.lastTime;
    this.stepCount++;
    this.model.handle(this.currentState, event, this.ctx);
    return true;
  }

  /**
   * Processes events until the queue is empty, the next event is later than `until`, or
   * `maxEvents` events have been processed by this call — checked in that order before each
   * event. When `until` is given and no event at or before it remains, `now` becomes `until`
   * (reason `'until'`, or `'empty'` if the queue ran dry).
   * @param opts.until - virtual time limit in ns, ≥ now
   * @param opts.maxEvents - event budget for this call (a runaway guard)
   */
  run(opts: { until?: Nanos; maxEvents?: number } = {}): RunResult {
    const until = opts.until;
    const maxEvents = opts.maxEvents ?? Infinity;
    if (until !== undefined && !(until >= this.currentNow)) {
      throw new RangeError(`run: until (${until} ns) is before now (${this.currentNow} ns)`);
    }
    const limit = until ?? Infinity;
    const queue = this.queue;
    const model = this.model;
    const ctx = this.ctx;
    let processed = 0;
    let reason: StopReason;
    for (;;) {
      if (queue.size === 0) {
        reason = 'empty';
        break;
      }
      if ((queue.peekTime() as number) > limit) {
        reason = 'until';
        break;
      }
      if (processed >= maxEvents) {
        reason = 'maxEvents';
        break;
      }
      const event = queue.pop() as E;
      this.currentNow = queue.lastTime;
      this.stepCount++;
      processed++;
      model.handle(this.currentState, event, ctx);
    }
    if (until !== undefined && reason !== 'maxEvents') this.currentNow = until;
    return { reason, steps: processed, now: this.currentNow };
  }

  /** A self-contained copy of the run's position (state cloned with the model's `clone`). */
  snapshot(): EngineSnapshot<S, E> {
    return {
      now: this.currentNow,
      steps: this.stepCount,
      rng: this.currentRng.getState(),
      queue: this.queue.entries(),
      nextSeq: this.queue.nextSeq,
      state: this.model.clone(this.currentState),
    };
  }

  /** Returns to a snapshot's position; the snapshot stays usable (its state is cloned again). */
  restore(snapshot: EngineSnapshot<S, E>): void {
    this.currentNow = snapshot.now;
    this.stepCount = snapshot.steps;
    this.currentRng = Rng.fromState(snapshot.rng);
    this.queue = EventQueue.fromEntries(snapshot.queue, snapshot.nextSeq);
    this.currentState = this.model.clone(snapshot.state);
  }

  /** @internal Called by the context when the model emits. */
  record(record: R): void {
    this.onRecord?.(record, this.stepCount);
  }
}
