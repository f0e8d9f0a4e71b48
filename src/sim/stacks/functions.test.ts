import { describe, expect, it } from 'vitest';
import { GiB, MiB } from '../core/units';
import { costOfDeveloperTime, costOfMachineTime, DEFAULT_PRICES, generateTrace, monthlyCost, periodOf, serveTrace, type FunctionRequest } from './functions';

// A hand-made trace: keep-alive 10 min (600,000 ms), cold start 250 ms.
const HAND: FunctionRequest[] = [
  { tMs: 0, durationMs: 100 },
  { tMs: 50, durationMs: 100 },
  { tMs: 1000, durationMs: 100 },
  { tMs: 700_000, durationMs: 100 },
];
const config = { coldStartMs: 250, keepAliveMs: 600_000 };

describe('serving a trace', () => {
  it('counts cold starts, warm hits, concurrency and scale to zero by hand', () => {
    // r0 @0: no instance → cold, instance 0 runs 250..350.
    // r1 @50: instance 0 busy → cold, instance 1 runs 300..400. Two in flight.
    // r2 @1000: both idle (free at 350, 400) → warm on the lowest, instance 0, 1000..1100.
    // Instance 1 stops at 400 + 600,000 = 600,400; instance 0 at 1,100 + 600,000 = 601,100.
    // r3 @700,000: none warm → cold, a new instance 2, 700,250..700,350, stops at 1,300,350.
    const run = serveTrace(HAND, config);
    expect(run.requests.map((r) => [r.cold, r.instance, r.runMs, r.endMs, r.stopMs])).toEqual([
      [true, 0, 250, 350, null],
      [true, 1, 300, 400, 600_400],
      [false, 0, 1000, 1100, 601_100],
      [true, 2, 700_250, 700_350, 1_300_350],
    ]);
    expect(run).toMatchObject({ instances: 3, coldStarts: 3, warmHits: 1, maxConcurrency: 2, scaleToZero: 3, lastEndMs: 700_350 });
    // Without cold starts r0 [0, 100) and r1 [50, 150) overlap: a peak load of 2.
    expect(run.peakLoad).toBe(2);
  });

  it('reuses an instance freed at the very ms a request arrives, but not one stopping then', () => {
    // r0 runs 250..350; r1 @350 reuses it (warm). r1 ends 450; it stops at 450 + 1000 = 1450;
    // r2 @1450 finds it stopped → cold on instance 1.
    const run = serveTrace(
      [
        { tMs: 0, durationMs: 100 },
        { tMs: 350, durationMs: 100 },
        { tMs: 1450, durationMs: 10 },
      ],
      { coldStartMs: 250, keepAliveMs: 1000 },
    );
    expect(run.requests.map((r) => `${r.cold ? 'cold' : 'warm'}@${r.instance}`)).toEqual(['cold@0', 'warm@0', 'cold@1']);
  });

  it('sorts requests by arrival, keeping input order for ties', () => {
    const run = serveTrace([{ tMs: 10, durationMs: 5 }, { tMs: 0, durationMs: 7 }], config);
    expect(run.requests.map((r) => [r.tMs, r.durationMs])).toEqual([[0, 7], [10, 5]]);
  });

  it('generates the documented traces', () => {
    const steady = generateTrace('steady');
    const bursty = generateTrace('bursty');
    const idle = generateTrace('idle');
    expect([steady.length, bursty.length, idle.length]).toEqual([3600, 360, 15]);
    // steady: one instance serves everything (120 ms each second): 1 cold, 3,599 warm.
    expect(serveTrace(steady, config)).toMatchObject({ coldStarts: 1, warmHits: 3599, maxConcurrency: 1 });
    // bursty, first burst: arrivals 20 ms apart, a cold request holds its instance 370 ms, so
    // request i finds instance k free only if 20k + 370 ≤ 20i: ⌈370/20⌉ = 19 cold ones before
    // reuse starts at request 19 (instance 0 free at 370 ≤ 380). Later bursts (5 min apart <
    // 10 min keep-alive) run warm, each lasting 120 ms: 7 instances rotate (⌈120/20⌉ + 1 = 7).
    const b = serveTrace(bursty, config);
    expect(b.coldStarts).toBe(19);
    expect(b.maxConcurrency).toBe(19);
    // With no cold start, a request overlaps the 5 before it (120 / 20 = 6 running at once).
    expect(b.peakLoad).toBe(6);
    expect(monthlyCost(b, 512 * MiB, 3_600_000, DEFAULT_PRICES).vmsNeeded).toBe(2);
    // idle: groups 20 min apart > 10 min keep-alive: one cold start per group, then scale to zero.
    expect(serveTrace(idle, config)).toMatchObject({ coldStarts: 3, warmHits: 12, scaleToZero: 3 });
  });
});

describe('cost', () => {
  it('prices the hand trace by hand', () => {
    // Billed (cold start + run): 350 + 350 + 100 + 350 = 1,150 ms at 0.5 GB = 0.575 GB-s.
    // 0.575 × $0.0000166667 = $0.0000095833525; 4 requests × $0.20 / 1e6 = $0.0000008.
    // Per hour (the trace ends at 700,350 ms < 1 h): $0.0000103833525; × 730 h = $0.007579847325.
    // VMs: peak load ⌈2 / 4⌉ = 1 always on: $0.154 × 730 = $112.42.
    const run = serveTrace(HAND, config);
    expect(periodOf(run)).toBe(3_600_000);
    const cost = monthlyCost(run, 512 * MiB, periodOf(run), DEFAULT_PRICES);
    expect(cost.functionPerPeriod).toBeCloseTo(0.0000103833525, 15);
    expect(cost.function).toBeCloseTo(0.007579847325, 12);
    expect(cost.vmsNeeded).toBe(1);
    expect(cost.vm).toBeCloseTo(112.42, 9);
    // A 1 GiB function over a two-hour period: twice the GB, half the periods per month.
    const two = monthlyCost(run, 1 * GiB, 7_200_000, DEFAULT_PRICES);
    expect(two.function).toBeCloseTo(((1.15 * 0.0000166667 + 0.0000008) * 730) / 2, 9);
  });

  it("checks the seed's cost argument", () => {
    // "$50 / $0.154": 324.68 machine-hours per developer hour (the seed rounds to "300").
    const dev = costOfDeveloperTime(1, DEFAULT_PRICES);
    expect(dev.dollars).toBe(50);
    expect(dev.machineHours).toBeCloseTo(324.675, 3);
    // "A 40 hour week on EC2 would be $6": 40 × 0.154 = 6.16.
    expect(costOfMachineTime(40, DEFAULT_PRICES)).toBeCloseTo(6.16, 10);
    expect(costOfDeveloperTime(2, { vmHourly: 0.5, engineerHourly: 100 })).toEqual({ dollars: 200, machineHours: 400 });
  });
});
