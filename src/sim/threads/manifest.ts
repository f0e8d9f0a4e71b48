/** The threads scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { ParamIssue, LoadableManifest } from '../core/scene';
import type { threadsScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { initialState, step, whyNotRunnable } from './machine';
import { compile, STRATEGIES, WORKLOADS, type Programs, type Strategy, type Workload } from './program';

/** Who picks the next thread. */
export type Scheduler = 'user' | 'round-robin' | 'random' | 'parallel';
/** Every scheduler, in menu order. */
export const SCHEDULERS: readonly Scheduler[] = ['user', 'round-robin', 'random', 'parallel'];
/** The false-sharing demo: two threads with their own counters, in one cache line or padded apart. */
export type Sharing = 'none' | 'same-line' | 'padded';
/** Every sharing mode, in menu order. */
export const SHARINGS: readonly Sharing[] = ['none', 'same-line', 'padded'];

/** Parameters of the threads scene (URL strings parsed by {@link threadsScene}). */
export interface ThreadsParams {
  readonly strategy: Strategy;
  /** Ignored (two threads, own counters) when `sharing` is not 'none'. */
  readonly workload: Workload;
  /** 1..4; ignored (2) when `sharing` is not 'none'. */
  readonly threads: number;
  /** Loop iterations per thread, 1..50. */
  readonly iterations: number;
  readonly scheduler: Scheduler;
  /** Round-robin: ops per turn; random: a thread is preempted after each op with probability 1/quantum. 1..20. */
  readonly quantum: number;
  /** Cores in 'parallel' mode, 1..4; thread t runs on core t mod cores. */
  readonly cores: number;
  /** The user scheduler's steps (thread ids); replayed exactly, then the run stops. */
  readonly schedule: readonly number[];
  readonly sharing: Sharing;
}
/** The scene's parameters, declared once. */
export const THREADS_PARAMS = {
  strategy: { type: 'enum', default: 'nonatomic', values: STRATEGIES, label: 'Update', help: 'How each thread updates the counter: a plain load/add/store, an atomic, a CAS loop, a mutex or a spinlock.' },
  workload: { type: 'enum', default: 'incdec', values: WORKLOADS, label: 'Workload' },
  threads: { type: 'int', default: 2, min: 1, max: 4, label: 'Threads' },
  // Four iterations: with seed 1 the random scheduler interleaves a load and a store of the two
  // threads and loses two updates (counter −1, expected 0) — the scene's point, in its default.
  iterations: { type: 'int', default: 4, min: 1, max: 50, label: 'Iterations per thread' },
  scheduler: { type: 'enum', default: 'random', values: SCHEDULERS, label: 'Scheduler' },
  quantum: { type: 'int', default: 2, min: 1, max: 20, label: 'Quantum', unit: 'ops', help: 'Round-robin: ops per turn; random: a thread is preempted after each op with probability 1/quantum.' },
  cores: { type: 'int', default: 2, min: 1, max: 4, label: 'Cores', help: "Cores in 'parallel' mode; thread t runs on core t mod cores." },
  schedule: { type: 'int-list', default: [], min: 0, max: 3, maxItems: 10_000, label: 'Schedule', help: 'The user scheduler\'s steps (thread ids), replayed exactly; the longest valid prefix is kept.' },
  sharing: { type: 'enum', default: 'none', values: SHARINGS, label: 'Sharing', help: 'Two threads with their own counters, on one cache line or padded apart.' },
} satisfies ParamSchema<ThreadsParams>;

/** The programs a parameter set runs: sharing turns the workload into two threads with own counters. */
export function programsOf(params: ThreadsParams): Programs {
  if (params.sharing !== 'none') return compile(params.strategy, 'own', 2, params.iterations);
  return compile(params.strategy, params.workload, params.threads, params.iterations);
}

function parseParams(raw: Readonly<Record<string, string>>): { params: ThreadsParams; ignored: ParamIssue[] } {
  // The schedule is checked against the programs the other parameters make (its longest valid prefix is kept).
  const { schedule: scheduleText, ...rest } = raw;
  const parsed = parseWithSchema<ThreadsParams>(THREADS_PARAMS, rest);
  let p = parsed.params;
  const ignored = parsed.ignored;
  if (p.workload === 'appendpop' && p.sharing === 'none' && (p.strategy === 'atomic' || p.strategy === 'cas')) {
    ignored.push({ key: 'strategy', reason: 'appendpop has no single-word update: use nonatomic, mutex or spinlock' });
    p = { ...p, strategy: 'nonatomic' };
  }
  if (scheduleText !== undefined && scheduleText.trim() !== '') {
    if (p.scheduler !== 'user') ignored.push({ key: 'schedule', reason: 'schedule applies to scheduler=user only' });
    else {
      const { schedule, issue } = validSchedule(p, scheduleText);
      p = { ...p, schedule };
      if (issue) ignored.push({ key: 'schedule', reason: issue });
    }
  }
  return { params: p, ignored };
}

/** The longest valid prefix of a comma-separated schedule, and why the rest was dropped. */
function validSchedule(params: ThreadsParams, text: string): { schedule: number[]; issue: string | null } {
  const state = initialState(programsOf(params));
  const schedule: number[] = [];
  const entries = text.split(',');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!.trim();
    if (!/^\d+$/.test(entry)) return { schedule, issue: `step ${i + 1}: "${entry}" is not a thread id; replay stops there` };
    const t = Number(entry);
    const why = whyNotRunnable(state, t);
    if (why !== null) return { schedule, issue: `step ${i + 1}: ${why}; replay stops there` };
    step(state, t);
    schedule.push(t);
  }
  return { schedule, issue: null };
}

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const threadsManifest: LoadableManifest<ThreadsParams, 'threads', typeof threadsScene> = {
  id: 'threads',
  title: 'Threads and a Shared Counter',
  params: THREADS_PARAMS,
  defaults: defaultsOf<ThreadsParams>(THREADS_PARAMS),
  parseParams,
  serializeParams: (p) => serializeWithSchema<ThreadsParams>(THREADS_PARAMS, p),
  load: () => import('./scene').then((m) => m.threadsScene),
};
