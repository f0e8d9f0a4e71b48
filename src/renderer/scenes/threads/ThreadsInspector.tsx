/** The threads scene's settings, and the exhaustive explorer of every interleaving. */
import { useApp } from '../../state/store';
import { THREADS_PARAMS } from '../../../sim/threads/scene';
import { ParamRange, ParamSelect } from '../../components/ParamControls';
import { ExplorerPanel } from './ExplorerPanel';
import { threadsViewOf } from './stepReadout';

const STRATEGIES = [
  { id: 'nonatomic', label: 'Non-atomic: load, add, store' },
  { id: 'atomic', label: 'Atomic fetch-and-add' },
  { id: 'cas', label: 'Compare-and-swap loop' },
  { id: 'mutex', label: 'Mutex (sleeping lock)' },
  { id: 'spinlock', label: 'Spinlock' },
];
const WORKLOADS = [
  { id: 'inc', label: 'Every thread: counter += 1' },
  { id: 'incdec', label: 'Incrementer vs decrementer (the tutorial)' },
  { id: 'appendpop', label: 'l2.append(l1.pop()) both ways (the tutorial)' },
];
const SCHEDULERS = [
  { id: 'user', label: 'You are the scheduler' },
  { id: 'round-robin', label: 'Round-robin with a quantum' },
  { id: 'random', label: 'Random preemption (seeded)' },
  { id: 'parallel', label: 'Truly parallel on N cores' },
];
const SHARING = [
  { id: 'none', label: 'Off: the workload above' },
  { id: 'same-line', label: 'Own counters, same 64-byte line' },
  { id: 'padded', label: 'Own counters, padded apart' },
];

type Choice = 'strategy' | 'workload' | 'scheduler' | 'sharing';

/** A select bound to the scene's schema (its values), in the scene's own words. */
function Select({ id, label, value, options }: { id: Choice; label: string; value: string; options: readonly { id: string; label: string }[] }) {
  const labels = Object.fromEntries(options.map((o) => [o.id, o.label]));
  return <ParamSelect name={id} spec={THREADS_PARAMS[id]} value={value} label={label} labels={labels} testId={`threads.param.${id}`} />;
}

/** A slider bound to the scene's schema (its range). */
function Range({ id, label, value }: { id: 'threads' | 'iterations' | 'quantum' | 'cores'; label: string; value: string | undefined }) {
  return <ParamRange name={id} spec={THREADS_PARAMS[id]} value={value} label={label} testId={`threads.param.${id}`} />;
}

export function ThreadsInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => threadsViewOf(s.frame));
  const scheduler = params.scheduler ?? 'random';
  const sharing = params.sharing ?? 'none';
  return (
    <div className="inspector threads-inspector" data-testid="threads.inspector">
      <Select id="strategy" label="How the counter is updated" value={params.strategy ?? 'nonatomic'} options={STRATEGIES} />
      <Select id="workload" label="What the threads do" value={params.workload ?? 'incdec'} options={WORKLOADS} />
      <Range id="threads" label="Threads" value={params.threads} />
      <Range id="iterations" label="Iterations per thread" value={params.iterations} />
      <Select id="scheduler" label="Scheduler" value={scheduler} options={SCHEDULERS} />
      {(scheduler === 'round-robin' || scheduler === 'random' || scheduler === 'parallel') && (
        <Range id="quantum" label={scheduler === 'random' ? 'Quantum (a switch after each step with chance 1/quantum)' : 'Quantum (steps per turn)'} value={params.quantum} />
      )}
      {scheduler === 'parallel' && <Range id="cores" label="Cores" value={params.cores} />}
      <Select id="sharing" label="False sharing demo (best seen truly parallel)" value={sharing} options={SHARING} />
      {scheduler === 'user' && (
        <p className="muted" data-testid="threads.user-hint">
          Run a thread one micro-op with its button, a click on its card or its number key. Step back (←) undoes a step; picking another thread then rewrites
          the story from there.
        </p>
      )}
      {view && (
        <dl className="stats" data-testid="threads.stats">
          <dt>Steps</dt>
          <dd>{view.schedule.length}</dd>
          <dt>Lost updates</dt>
          <dd>{view.lostUpdates}</dd>
          <dt>Machine time</dt>
          <dd>{view.elapsed.toFixed(1)} ns</dd>
        </dl>
      )}
      <ExplorerPanel />
    </div>
  );
}
