import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { c10kCosts, scalingLimit, serveC10k } from './c10k';

const costs = { cores: 8, contextSwitchNs: 3000, threadCreateNs: 25_000, threadStackBytes: 64 * 1024, connectionBytes: 4096, memoryBytes: 32 * 2 ** 30 };
const wait = { waitNs: 150e6, cpuNs: 5000 };

describe('C10k', () => {
  it('10,000 requests waiting 150 ms each: worked by hand', () => {
    const [blocking, threads, loop] = serveC10k({ ...wait, requests: 10_000 }, costs);
    // Blocking: 10,000 × (150 ms + 5 µs) = 1,500.05 s.
    expect(blocking?.totalNs).toBe(10_000 * 150_005_000);
    // Threads: the last is created at 9,999 × 25 µs = 249.975 ms, then 25 µs + 150 ms + 5 µs + 2 × 3 µs.
    expect(threads?.totalNs).toBeCloseTo(249.975e6 + 25_000 + 150e6 + 5000 + 6000, 0);
    expect(threads?.memoryBytes).toBe(10_000 * (64 + 4) * 1024);
    expect(threads?.contextSwitches).toBe(20_000);
    // Event loop: 150 ms + 10,000 × 5 µs = 200 ms; one stack plus 4 KiB per connection.
    expect(loop?.totalNs).toBe(200e6);
    expect(loop?.memoryBytes).toBe(64 * 1024 + 10_000 * 4096);
    expect(loop?.lanes).toHaveLength(24);
  });

  it('finds where a thread per request stops scaling', () => {
    // 2 × (25 µs + 150 ms + 11 µs) = 300.072 ms ≤ N × 25 µs + 150.011 ms → N ≥ 6,002.4, so 6,003.
    const n = scalingLimit('threads', wait, costs);
    expect(n).toBe(6003);
    expect(scalingLimit('blocking', wait, costs)).toBe(2);
    // The event loop: 150 ms + N × 5 µs ≥ 300.01 ms → N ≥ 30,002: not within 10,000.
    expect(scalingLimit('event-loop', wait, costs)).toBeNull();
  });

  it('refuses threads whose stacks do not fit in memory', () => {
    const small = { ...costs, memoryBytes: 256 * 2 ** 20 };
    expect(serveC10k({ ...wait, requests: 10_000 }, small)[1]?.failure).toBe('10000 stacks need more than the machine\'s memory');
  });

  it('takes the costs from the hardware model', () => {
    expect(c10kCosts(getPreset('2012') ?? null)).toMatchObject({ contextSwitchNs: 3000, threadCreateNs: 25_000 });
  });
});
