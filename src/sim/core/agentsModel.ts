/**
 * A random model used by the core tests and benchmarks: a random multi-agent model
 * whose state depends on every draw, so any divergence in replay shows in the state.
 */
import type { Model, TraceRecord } from './engine';
import type { Nanos } from './units';

/** A record of the {@link agentsModel}: which agent woke and the counter it bumped. */
export interface AgentRecord extends TraceRecord {
  readonly kind: 'wake' | 'bump';
  readonly agent: number;
  readonly counter?: number;
}

/** State of the {@link agentsModel}: counters bumped by agents, and each agent's wake count. */
export interface AgentsState {
  counters: number[];
  wakes: number[];
  log: string[];
}

/**
 * `agents` agents each wake at random delays of 1..10 ns (random priority 0..2), bump a
 * random one of 4 counters by a random 1..3, and stop after `wakesEach` wakes.
 */
export function agentsModel(agents: number, wakesEach: number): Model<AgentsState, number, AgentRecord> {
  return {
    init(ctx) {
      for (let a = 0; a < agents; a++) ctx.schedule(ctx.rng.int(10) as Nanos, a, ctx.rng.int(3));
      return { counters: [0, 0, 0, 0], wakes: new Array<number>(agents).fill(0), log: [] };
    },
    handle(state, agent, ctx) {
      ctx.emit({ t: ctx.now, kind: 'wake', agent });
      state.wakes[agent] = (state.wakes[agent] ?? 0) + 1;
      const counter = ctx.rng.int(4);
      state.counters[counter] = (state.counters[counter] ?? 0) + 1 + ctx.rng.int(3);
      if (ctx.rng.next() < 0.5) ctx.emit({ t: ctx.now, kind: 'bump', agent, counter });
      state.log.push(`${ctx.now}:${agent}`);
      if ((state.wakes[agent] ?? 0) < wakesEach) ctx.schedule((1 + ctx.rng.int(10)) as Nanos, agent, ctx.rng.int(3));
    },
    clone: (s) => ({ counters: [...s.counters], wakes: [...s.wakes], log: [...s.log] }),
  };
}
