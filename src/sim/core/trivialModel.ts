/**
 * The smallest model that exercises the engine's hot path, for a benchmark that lives
 * outside src/sim (src/sim has no clock): each event draws one random number and schedules
 * the next event 1 ns later, until `eventsTotal` events have run.
 */
import type { Model, TraceRecord } from './engine';
import type { Nanos } from './units';

/** State of {@link trivialModel}: events handled and a running sum of random draws. */
export interface TrivialState {
  handled: number;
  /** Sum of the 0..7 draws, so the work cannot be optimised away. */
  checksum: number;
}

/** A chain of `eventsTotal` events 1 ns apart, each drawing `rng.int(8)`; emits no records. */
export function trivialModel(eventsTotal: number): Model<TrivialState, number, TraceRecord> {
  const oneNs = 1 as Nanos;
  return {
    init(ctx) {
      if (eventsTotal > 0) ctx.schedule(oneNs, 0);
      return { handled: 0, checksum: 0 };
    },
    handle(state, event, ctx) {
      state.handled++;
      state.checksum += ctx.rng.int(8);
      if (event + 1 < eventsTotal) ctx.schedule(oneNs, event + 1);
    },
    clone: (state) => ({ ...state }),
  };
}
