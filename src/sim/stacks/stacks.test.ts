import { describe, expect, it } from 'vitest';
import { GiB, MiB } from '../core/units';
import { getPreset } from '../hardware/presets';
import { EVOLUTION, fitOnHost, hostOf, instanceBytes, planLaunch, STACK_IDS, STACKS, type HostSpec } from './stacks';

const host64: HostSpec = { cores: 8, memoryBytes: 64 * GiB, diskBytes: 1024 * GiB, reserveBytes: 1 * GiB, source: 'test' };

describe('density', () => {
  it('fits VMs of 512 MiB app + 1 GiB guest on a 64 GiB host: 42', () => {
    // One VM = 512 MiB + 1024 MiB = 1536 MiB. Room = 64 GiB − 1 GiB reserve = 63 GiB = 64,512 MiB.
    // 64,512 / 1,536 = 42 exactly, so 42 of 50 fit; and 40 requested all fit.
    const vm = instanceBytes(STACKS.vm, 512 * MiB);
    expect(vm).toBe(1536 * MiB);
    expect(fitOnHost(host64, vm, 50)).toBe(42);
    expect(fitOnHost(host64, vm, 40)).toBe(40);
    // One byte less room and the 42nd no longer fits.
    expect(fitOnHost({ ...host64, memoryBytes: 64 * GiB - 1 }, vm, 50)).toBe(41);
  });

  it('fits containers of 512 MiB with no guest: 126 on the same host', () => {
    // 64,512 MiB / 512 MiB = 126.
    expect(fitOnHost(host64, instanceBytes(STACKS.container, 512 * MiB), 500)).toBe(126);
    // microVMs add 5 MiB each: 64,512 / 517 = 124.78 → 124.
    expect(fitOnHost(host64, instanceBytes(STACKS.microvm, 512 * MiB), 500)).toBe(124);
  });

  it('fits nothing when the reserve eats the host', () => {
    expect(fitOnHost({ ...host64, memoryBytes: 512 * MiB }, 512 * MiB, 3)).toBe(0);
  });
});

describe('launch timeline', () => {
  it('boots VMs 8 at a time (one per core), the rest rejected', () => {
    // 32 GiB host (the 2020 preset has no RAM figure): room 31 GiB = 31,744 MiB; a VM 1,536 MiB;
    // 31,744 / 1,536 = 20.67 → 20 fit. 8 cores: waves 0-7 at 0 s, 8-15 at 30 s, 16-19 at 60 s;
    // the last is ready at 90 s.
    const host = hostOf(getPreset('2020')!);
    expect(host).toMatchObject({ cores: 8, memoryBytes: 32 * GiB, reserveBytes: GiB });
    const plan = planLaunch(host, STACKS.vm, 40);
    expect(plan.fit).toBe(20);
    expect(plan.startMs).toBe(90_000);
    expect(plan.timeline.map((e) => e.startMs)).toEqual([...Array<number>(8).fill(0), ...Array<number>(8).fill(30_000), ...Array<number>(4).fill(60_000)]);
    expect(plan.timeline.every((e) => e.readyMs === e.startMs + 30_000)).toBe(true);
  });

  it('starts 40 containers in 5 waves of 0.5 s', () => {
    // 40 × 512 MiB = 20 GiB ≤ 31 GiB: all fit; ⌈40 / 8⌉ = 5 waves × 500 ms = 2,500 ms.
    const plan = planLaunch(hostOf(getPreset('2020')!), STACKS.container, 40);
    expect(plan.fit).toBe(40);
    expect(plan.startMs).toBe(2500);
    expect(plan.timeline[39]).toEqual({ instance: 39, startMs: 2000, readyMs: 2500 });
  });
});

describe('stacks data', () => {
  it('gives every stack layers from hardware to app, a sourced boot figure, and an isolation story', () => {
    for (const id of STACK_IDS) {
      const s = STACKS[id];
      expect(s.id).toBe(id);
      expect(s.layers[0]!.kind).toBe('hardware');
      expect(s.layers.at(-1)!.kind).toBe('app');
      expect(s.bootMs).toBeGreaterThan(0);
      expect(s.bootSource).not.toBe('');
      expect(s.isolation.reaches.length).toBeGreaterThan(0);
    }
    // Containers share the host kernel; VMs bring their own, one per instance.
    expect(STACKS.container.isolation.sharedKernel).toBe(true);
    expect(STACKS.container.layers.find((l) => l.kind === 'kernel')!.shared).toBe(true);
    expect(STACKS.vm.isolation.sharedKernel).toBe(false);
    expect(STACKS.vm.layers.find((l) => l.kind === 'kernel')!.shared).toBe(false);
    // latency.md: Firecracker ~125 ms and < 5 MiB.
    expect(STACKS.microvm.bootMs).toBe(125);
    expect(STACKS.microvm.overheadBytes).toBe(5 * MiB);
  });

  it('walks the evolution hardware → co-location → VM → container → function', () => {
    expect(EVOLUTION.map((e) => e.label)).toEqual(['Hardware', 'Co-location', 'Virtualization', 'Container', 'Function']);
    expect(EVOLUTION.map((e) => e.stack)).toEqual(['metal', 'metal', 'vm', 'container', 'function']);
  });
});
