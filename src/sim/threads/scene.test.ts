import { describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { Timeline } from '../core/timeline';
import { getPreset } from '../hardware/presets';
import { explore } from './explore';
import { threadsScene, type ThreadsRecord, type ThreadsView } from './scene';

const machine = getPreset('2020')!;

function run(raw: Record<string, string>, seed = 1): { view: ThreadsView; records: ThreadsRecord[]; ignored: { key: string; reason: string }[] } {
  const { params, ignored } = threadsScene.parseParams(raw);
  const records: ThreadsRecord[] = [];
  const engine = new Engine(threadsScene.model(params, machine), seed, (r) => void records.push(r));
  expect(engine.run({ maxEvents: 1_000_000 }).reason).toBe('empty');
  return { view: threadsScene.view(engine.state), records, ignored };
}

const counter = (v: ThreadsView) => v.memory.find((m) => m.name === 'counter')!.value;

describe('threads scene', () => {
  it('replays a user schedule exactly and points at the lost update', () => {
    // incdec, 1 iteration: thread 0 loads 0 and adds 1 (r0 = 1); thread 1 loads 0, adds -1,
    // stores -1; thread 0 stores its stale 1 over it. Final 1 instead of 0; one lost update.
    const { view, records, ignored } = run({ scheduler: 'user', iterations: '1', workload: 'incdec', schedule: '0,0,1,1,1,0' });
    expect(ignored).toEqual([]);
    expect(view.schedule).toEqual([0, 0, 1, 1, 1, 0]);
    expect(counter(view)).toBe(1);
    expect(view.expected).toBe(0);
    expect(view.finished).toBe(true);
    expect(view.lostUpdates).toBe(1);
    expect(view.last).toEqual({ thread: 0, op: 'store [counter], r0', lost: true });
    expect(records.filter((r) => r.kind === 'op').map((r) => (r.kind === 'op' ? `${r.thread}:${r.op}` : ''))).toEqual([
      '0:load r0, [counter]',
      '0:add r0, 1',
      '1:load r0, [counter]',
      '1:add r0, -1',
      '1:store [counter], r0',
      '0:store [counter], r0',
    ]);
    expect(records.find((r) => r.kind === 'lost-update')).toMatchObject({ thread: 0, word: 'counter', overwritten: 1, value: 1 });
  });

  it('stops a schedule at a step whose thread cannot run, and says why', () => {
    // mutex: thread 0 takes m, so thread 1's lock is not schedulable.
    const blocked = threadsScene.parseParams({ scheduler: 'user', strategy: 'mutex', schedule: '0,1,0' });
    expect(blocked.params.schedule).toEqual([0]);
    expect(blocked.ignored).toEqual([{ key: 'schedule', reason: 'step 2: thread 1 is blocked on mutex m (held by thread 0); replay stops there' }]);
    const done = threadsScene.parseParams({ scheduler: 'user', strategy: 'atomic', iterations: '1', schedule: '0,0' });
    expect(done.params.schedule).toEqual([0]);
    expect(done.ignored[0]!.reason).toBe('step 2: thread 0 has finished; replay stops there');
    const { view } = run({ scheduler: 'user', strategy: 'mutex', schedule: '0,1,0' });
    expect(view.schedule).toEqual([0]);
    expect(view.runnable).toEqual([0]);
    expect(view.threads[1]!.state).toBe('blocked');
  });

  it('replays every explorer witness to its final value', () => {
    for (const workload of ['inc', 'incdec'] as const) {
      const r = explore({ threads: 2, iterations: 3, strategy: 'nonatomic', workload });
      for (const value of r.finalValues) {
        const { view } = run({ scheduler: 'user', workload, iterations: '3', schedule: r.witnesses[String(value)]!.join(',') });
        expect(view.finished).toBe(true);
        expect(counter(view)).toBe(value);
      }
    }
  });

  it('is deterministic under a seed, and seeds change the interleaving', () => {
    const a = run({ scheduler: 'random', iterations: '10' }, 42);
    const b = run({ scheduler: 'random', iterations: '10' }, 42);
    expect(b.records).toEqual(a.records);
    const schedules = new Set([1, 2, 3, 4, 5].map((seed) => run({ scheduler: 'random', iterations: '10' }, seed).view.schedule.join()));
    expect(schedules.size).toBeGreaterThan(1);
  });

  it('never loses an update with atomic, cas, mutex or spinlock', () => {
    for (const strategy of ['atomic', 'cas', 'mutex', 'spinlock']) {
      for (const scheduler of ['round-robin', 'random', 'parallel']) {
        const { view } = run({ strategy, scheduler, threads: '3', iterations: '6', workload: 'incdec', quantum: '1' }, 3);
        expect(counter(view)).toBe(view.expected);
        expect(view.lostUpdates).toBe(0);
      }
    }
  });

  it('round-robin with quantum 3 runs each whole non-atomic increment in one turn: nothing lost', () => {
    const { view, records } = run({ scheduler: 'round-robin', quantum: '3', workload: 'inc', threads: '2', iterations: '4' });
    expect(view.schedule).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    expect(counter(view)).toBe(8);
    // 7 switches, each a context switch of the 2020 preset (3 µs), plus 24 L1 hits of 1 ns.
    expect(records.filter((r) => r.kind === 'switch')).toHaveLength(7);
    expect(view.elapsed).toBe(7 * 3000 + 24 * 1);
  });

  it('shows false sharing as line ping-pong: same line transfers, padded does not', () => {
    const same = run({ sharing: 'same-line', scheduler: 'parallel', cores: '2', iterations: '20' });
    const padded = run({ sharing: 'padded', scheduler: 'parallel', cores: '2', iterations: '20' });
    expect(same.view.memory).toEqual([
      { name: 'c0', value: 20 },
      { name: 'c1', value: 20 },
    ]);
    expect(padded.view.coherence).toEqual({ transfers: 0, invalidations: 0, ns: 0 });
    expect(same.view.coherence!.transfers).toBeGreaterThan(10);
    expect(same.view.coherence!.ns).toBe(same.view.coherence!.transfers * 60); // the default transfer cost
    expect(same.view.elapsed).toBeGreaterThan(padded.view.elapsed);
    expect(same.view.cores!.map((c) => c.lines.map((l) => l.name))).toEqual([['c0+c1'], ['c0+c1']]);
    expect(same.records.some((r) => r.kind === 'coherence' && r.bus === 'BusUpgr' || r.kind === 'coherence' && r.bus === 'BusRdX')).toBe(true);
  });

  it('duplicates and loses list items in the unsynchronised append/pop, never under the mutex', () => {
    const counts = (v: ThreadsView) => {
      const items = v.memory.flatMap((m) => (Array.isArray(m.value) ? (m.value as number[]) : []));
      return { total: items.length, distinct: new Set(items).size };
    };
    let raced = false;
    for (let seed = 1; seed <= 10 && !raced; seed++) {
      const c = counts(run({ workload: 'appendpop', iterations: '6', quantum: '1' }, seed).view);
      raced = c.total !== 12 || c.distinct !== 12;
    }
    expect(raced).toBe(true);
    for (let seed = 1; seed <= 5; seed++) expect(counts(run({ workload: 'appendpop', strategy: 'mutex', iterations: '6', quantum: '1' }, seed).view)).toEqual({ total: 12, distinct: 12 });
  });

  it('flags the append that overwrites a pop’s length as a lost update (hand-worked)', () => {
    // l1 = [10], l2 = [20]. Thread 0 pops 20 and reads l1.len = 1; thread 1 pops 10 from l1
    // (l1.len = 0) and appends it to l2; thread 0 stores 20 at l1[1] and l1.len = 2 over
    // thread 1's 0: the pop is undone, 10 is in both lists.
    const { view, records } = run({ scheduler: 'user', workload: 'appendpop', iterations: '1', schedule: '0,0,0,0,0,1,1,1,1,1,1,1,1,0,0,0' });
    expect(view.memory).toEqual([
      { name: 'l1', value: [10, 20] },
      { name: 'l2', value: [10] },
    ]);
    expect(records.filter((r) => r.kind === 'lost-update')).toEqual([{ t: expect.any(Number), kind: 'lost-update', thread: 0, word: 'l1.len', overwritten: 1, value: 2 }]);
    expect(view.lostUpdates).toBe(1);
  });

  it('parses with reasons and round-trips its parameters', () => {
    const { params, ignored } = threadsScene.parseParams({ threads: '9', strategy: 'magic', bogus: '1', workload: 'appendpop', scheduler: 'parallel', cores: '3' });
    expect(ignored.map((i) => i.key)).toEqual(['threads', 'strategy', 'bogus']);
    expect(params).toMatchObject({ threads: 2, strategy: 'nonatomic', workload: 'appendpop', scheduler: 'parallel', cores: 3 });
    expect(threadsScene.parseParams({ workload: 'appendpop', strategy: 'cas' }).ignored[0]!.key).toBe('strategy');
    expect(threadsScene.parseParams({ schedule: '0,1' }).ignored).toEqual([{ key: 'schedule', reason: 'schedule applies to scheduler=user only' }]);
    const p = threadsScene.parseParams({ scheduler: 'user', schedule: '1,0,1', strategy: 'cas', iterations: '7', quantum: '5' }).params;
    expect(threadsScene.parseParams(threadsScene.serializeParams(p))).toEqual({ params: p, ignored: [] });
  });

  it('steps back and forward to the same view (time travel)', () => {
    const { params } = threadsScene.parseParams({ scheduler: 'parallel', strategy: 'cas', threads: '3', iterations: '5' });
    const timeline = new Timeline(threadsScene.model(params, machine), 9, { snapshotEvery: 4 });
    timeline.extend(1000);
    const views = Array.from({ length: timeline.length + 1 }, (_, k) => threadsScene.view(timeline.stateAt(k)));
    for (let k = timeline.length; k >= 0; k -= 3) expect(threadsScene.view(timeline.stateAt(k))).toEqual(views[k]);
  });
});
