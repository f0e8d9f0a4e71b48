import { describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { Timeline } from '../core/timeline';
import { GiB, MiB, nanos, NS_PER_MS } from '../core/units';
import { getPreset } from '../hardware/presets';
import { generateTrace, serveTrace, TRACE_KINDS } from './functions';
import { stacksScene, type StacksRecord, type StacksView } from './scene';
import { hostOf, planLaunch, STACK_IDS, STACKS } from './stacks';

const machine = getPreset('2020')!;

function run(raw: Record<string, string>): { view: StacksView; records: StacksRecord[] } {
  const { params, ignored } = stacksScene.parseParams(raw);
  expect(ignored).toEqual([]);
  const records: StacksRecord[] = [];
  const engine = new Engine(stacksScene.model(params, machine), 1, (r) => void records.push(r));
  expect(engine.run({ maxEvents: 100_000 }).reason).toBe('empty');
  return { view: stacksScene.view(engine.state), records };
}

const ms = (r: StacksRecord) => r.t / NS_PER_MS;

describe('stacks scene', () => {
  it('launches 3 VMs on a 2-core teaching host: two boot, then the third', () => {
    // Teaching machine: 2 cores, no RAM figure → 32 GiB; 3 × 1.5 GiB fit. Waves of 2 × 30 s.
    const { params } = stacksScene.parseParams({ stack: 'vm', instances: '3' });
    const records: StacksRecord[] = [];
    const engine = new Engine(stacksScene.model(params, getPreset('teaching')!), 1, (r) => void records.push(r));
    engine.run();
    expect(records.map((r) => `${ms(r)} ${r.kind} ${'instance' in r ? r.instance : ''}`)).toEqual([
      '0 boot-start 0',
      '0 boot-start 1',
      '30000 ready 0',
      '30000 ready 1',
      '30000 boot-start 2',
      '60000 ready 2',
    ]);
    const v = stacksScene.view(engine.state);
    expect(v).toMatchObject({ stack: 'vm', requested: 3, fit: 3, startMs: 60_000, memoryOverheadBytes: GiB, cpuOverhead: 0.05 });
    // Used: 1 GiB reserve + 3 × 1.5 GiB = 5.5 GiB.
    expect(v.host).toEqual({ cores: 2, memoryBytes: 32 * GiB, usedBytes: 5.5 * GiB });
    expect(v.instances.map((i) => [i.state, i.startMs, i.readyMs])).toEqual([
      ['running', 0, 30_000],
      ['running', 0, 30_000],
      ['running', 30_000, 60_000],
    ]);
  });

  it('rejects the VMs that do not fit and watches the host fill', () => {
    // 2020 preset: 8 cores, 32 GiB; VMs of 1.5 GiB: 20 of 40 fit (see stacks.test.ts).
    const { params } = stacksScene.parseParams({ stack: 'vm' });
    const records: StacksRecord[] = [];
    const engine = new Engine(stacksScene.model(params, machine), 1, (r) => void records.push(r));
    engine.run({ until: nanos(0) });
    const early = stacksScene.view(engine.state);
    expect(early.instances.filter((i) => i.state === 'rejected')).toHaveLength(20);
    expect(early.instances.filter((i) => i.state === 'booting')).toHaveLength(8);
    expect(early.host.usedBytes).toBe(GiB + 8 * 1536 * MiB);
    expect(records.filter((r) => r.kind === 'rejected')[0]).toMatchObject({ instance: 20, reason: 'memory: 20 × 1536 MiB fill 31744 MiB free of 32768 MiB' });
    engine.run();
    const done = stacksScene.view(engine.state);
    expect(done).toMatchObject({ requested: 40, fit: 20, startMs: 90_000 });
    expect(done.host.usedBytes).toBe(GiB + 20 * 1536 * MiB);
    expect(done.instances.filter((i) => i.state === 'running')).toHaveLength(20);
  });

  it('uses a boot override', () => {
    const { view, records } = run({ stack: 'container', instances: '9', boot: '100' });
    // 9 containers, 8 cores: 8 at 0 ms, one at 100 ms, ready at 200 ms.
    expect(view.startMs).toBe(200);
    expect(records.filter((r) => r.kind === 'boot-start').map(ms)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 100]);
    expect(view.sources[0]).toMatch(/^boot set to 100 ms/);
  });

  it('serves the idle trace: a cold start per group, scale to zero between', () => {
    // Groups of 5 requests 1 s apart at 0, 20 and 40 min; cold start 250 ms, 120 ms each;
    // keep-alive 10 min. Group 1: cold on instance 0 (ready 250, done 370), then 4 warm.
    // Last request of the group at 4,000 ms ends 4,120 → stops at 604,120.
    const { view, records } = run({ stack: 'function', trace: 'idle' });
    const fn = records.filter((r) => r.kind !== 'request' || r.cold || r.id === 1);
    expect(fn.slice(0, 5).map((r) => `${ms(r)} ${r.kind}`)).toEqual(['0 request', '0 boot-start', '250 ready', '1000 request', '604120 scale-to-zero']);
    expect(records.filter((r) => r.kind === 'request' && r.cold).map((r) => (r.kind === 'request' ? r.instance : -1))).toEqual([0, 1, 2]);
    expect(records.filter((r) => r.kind === 'scale-to-zero')).toHaveLength(3);
    expect(view.functions).toMatchObject({ requests: 15, coldStarts: 3, warmHits: 12, maxConcurrency: 1 });
    expect(view.instances.map((i) => i.state)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(view.host.usedBytes).toBe(GiB);
    // One always-on VM for a peak of 1: 0.154 × 730 = $112.42 a month.
    expect(view.functions!.vmCostPerMonth).toBeCloseTo(112.42, 9);
    // Functions: 3 cold × 370 ms + 12 warm × 120 ms = 2,550 ms at 0.5 GB = 1.275 GB-s ×
    // $0.0000166667 = $0.0000212500425, + 15 × $0.2/1e6 = $0.000003 → $0.0000242500425 an
    // hour × 730 = $0.017702531025 a month.
    expect(view.functions!.costPerMonth).toBeCloseTo(0.017702531025, 12);
  });

  it('counts function requests as the playhead moves', () => {
    const { params } = stacksScene.parseParams({ stack: 'function', trace: 'idle' });
    const engine = new Engine(stacksScene.model(params, machine), 1);
    engine.run({ until: nanos(2500 * NS_PER_MS) });
    const v = stacksScene.view(engine.state);
    // Requests at 0, 1000, 2000 ms have arrived; the third runs 2,000..2,120 → idle by 2,500.
    expect(v.functions).toMatchObject({ requests: 3, coldStarts: 1, warmHits: 2 });
    expect(v.instances.map((i) => i.state)).toEqual(['idle', 'waiting', 'waiting']);
    expect(v.host.usedBytes).toBe(GiB + 517 * MiB);
  });

  it('parses, reports and round-trips parameters', () => {
    const { params, ignored } = stacksScene.parseParams({ stack: 'kvm', instances: '501', trace: 'idle', vmHourly: '0.2', boot: '', foo: '1' });
    expect(params).toEqual({ ...stacksScene.defaults, trace: 'idle', vmHourly: 0.2 });
    expect(ignored.map((i) => i.key)).toEqual(['stack', 'instances', 'foo']);
    const p = { ...stacksScene.defaults, stack: 'microvm' as const, instances: 7, boot: 99, keepAlive: 1000, engineerHourly: 75.5 };
    expect(stacksScene.parseParams(stacksScene.serializeParams(p)).params).toEqual(p);
    expect(stacksScene.parseParams(stacksScene.serializeParams(stacksScene.defaults)).params).toEqual(stacksScene.defaults);
  });

  it('rebuilds any past state exactly (time travel)', () => {
    const { params } = stacksScene.parseParams({ stack: 'function', trace: 'bursty' });
    const timeline = new Timeline(stacksScene.model(params, machine), 1);
    expect(timeline.extend(100_000).done).toBe(true);
    // Second burst starts at 300,000 ms, 20 ms apart: by 300,390 ms its requests 0..19 arrived.
    const t = nanos(300_390 * NS_PER_MS);
    const engine = new Engine(stacksScene.model(params, machine), 1);
    engine.run({ until: t });
    const expected = stacksScene.view(engine.state);
    expect(expected.functions!.requests).toBe(30 + 20);
    const late = stacksScene.view(timeline.stateAt(timeline.length));
    expect(late.functions!.requests).toBe(360);
    expect(stacksScene.view(timeline.stateAt(timeline.stepAtTime(t)))).toEqual(expected);
  });

  it('runs every stack and trace to the end, its records agreeing with the pure plans', () => {
    for (const stack of STACK_IDS) {
      const { params } = stacksScene.parseParams({ stack });
      const plan = planLaunch(hostOf(machine), STACKS[stack], params.instances);
      if (stack === 'function') continue;
      const { view, records } = run({ stack });
      expect(records.filter((r) => r.kind === 'ready')).toHaveLength(plan.fit);
      expect(records.filter((r) => r.kind === 'rejected')).toHaveLength(40 - plan.fit);
      expect(view.startMs).toBe(plan.startMs);
      expect(view.instances.filter((i) => i.state === 'running')).toHaveLength(plan.fit);
    }
    for (const trace of TRACE_KINDS) {
      const served = serveTrace(generateTrace(trace), { coldStartMs: 250, keepAliveMs: 600_000 });
      const { view, records } = run({ stack: 'function', trace });
      expect(records.filter((r) => r.kind === 'request')).toHaveLength(served.requests.length);
      expect(records.filter((r) => r.kind === 'request' && r.cold)).toHaveLength(served.coldStarts);
      expect(records.filter((r) => r.kind === 'boot-start')).toHaveLength(served.coldStarts);
      expect(records.filter((r) => r.kind === 'scale-to-zero')).toHaveLength(served.scaleToZero);
      expect(view.functions).toMatchObject({ requests: served.requests.length, coldStarts: served.coldStarts, warmHits: served.warmHits });
      expect(view.instances.every((i) => i.state === 'stopped')).toBe(true);
    }
  });
});
