import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { planJob, STRAGGLER_SLOWDOWN } from './cluster';
import { smallMachine, type ClusterSpec } from './hardware';
import { presetJob, type JobSpec } from './jobs';
import { presetJobFor, scaling } from './scaling';

/** Round numbers so a plan can be worked by hand. */
const tiny: ClusterSpec = {
  machines: 1,
  coresPerMachine: 1,
  machinesPerRack: 20,
  diskBytesPerS: 100,
  nicBytesPerS: 50,
  uplinkBytesPerS: 1000,
  rttS: 0,
  clockHz: 100,
  ramBytes: 1e9,
  pricePerHour: 3.6,
  label: 'tiny',
  sources: [],
};

const job = (over: Partial<JobSpec> = {}): JobSpec => ({
  id: 'hand',
  label: 'hand',
  mapInputBytes: [1000, 1000],
  shuffleBytes: [[200], [200]],
  mapOutputBytes: [0, 0],
  reduceOutputBytes: [100],
  mapCyclesPerByte: 1,
  reduceCyclesPerByte: 1,
  setupS: 10,
  commitS: 5,
  replicas: 1,
  stages: [],
  combiner: false,
  notes: [],
  ...over,
});

const quiet = { seed: 1, straggler: false, speculative: false, failure: false };

describe('the cluster timing model, worked by hand', () => {
  it('one machine, one core, two map tasks and one reducer', () => {
    const p = planJob(tiny, job(), quiet);
    // map task: read 1000 B at 100 B/s = 10 s, compute 1000 cycles at 100 Hz = 10 s, spill 200 B = 2 s → 22 s
    // tasks one after the other from t = 10 (setup): 10–32, 32–54
    expect(p.attempts.filter((a) => a.phase === 'map').map((a) => [a.startS, a.endS, a.locality])).toEqual([
      [10, 32, 'node'],
      [32, 54, 'node'],
    ]);
    // shuffle: every byte stays on the one machine → 0 s; reduce: 400 B × 1 cycle / 100 Hz = 4 s, write 100 B = 1 s
    expect(p.phases.map((x) => [x.name, x.startS, x.endS])).toEqual([
      ['setup', 0, 10],
      ['map', 10, 54],
      ['shuffle', 54, 54],
      ['reduce', 54, 59],
      ['commit', 59, 64],
    ]);
    // one machine (no separate driver) × 64 s × $3.6/h = $0.064
    expect(p.costUsd).toBeCloseTo(0.064, 10);
    expect(p.linkBytes).toEqual([[400]]);
  });

  it('the shuffle over two machines is bound by a NIC', () => {
    const c = { ...tiny, machines: 2 };
    const p = planJob(c, job({ shuffleBytes: [[100, 300], [100, 300]], reduceOutputBytes: [0, 0] }), quiet);
    // reducer 0 on machine 0, reducer 1 on machine 1; map tasks run one per machine (both start at 10)
    const maps = p.attempts.filter((a) => a.phase === 'map');
    expect(new Set(maps.map((a) => a.machine)).size).toBe(2);
    // machine 0 sends 300 B to machine 1, machine 1 sends 100 B to machine 0: the busiest NIC moves 300 B at 50 B/s = 6 s
    expect(p.shuffleBound).toBe('nic');
    const shuffle = p.phases.find((x) => x.name === 'shuffle')!;
    expect(shuffle.endS - shuffle.startS).toBeCloseTo(6, 10);
    expect(p.shuffleBytes).toBe(800);
  });
});

describe('stragglers, backups and a failure', () => {
  // the ~2020 table's machines have a 10 Gbit/s NIC: remote reads are cheap, so a straggler decides the tail
  const machine = getPreset('2020')!;
  const c = smallMachine(machine, 10, 2);
  const wc = presetJob('wordcount', { combiner: true, reducers: 20, inputBytes: 20e9 });

  it('a straggler slows the job; a backup task wins it back', () => {
    const base = planJob(c, wc, quiet).makespanS;
    const slow = planJob(c, wc, { ...quiet, straggler: true });
    const saved = planJob(c, wc, { ...quiet, straggler: true, speculative: true });
    expect(slow.makespanS).toBeGreaterThan(base);
    expect(saved.backups).toBeGreaterThan(0);
    expect(saved.makespanS).toBeLessThan(slow.makespanS);
    // every backup is of a task that started on the straggler, and one of the two copies was killed
    for (const b of saved.attempts.filter((a) => a.kind === 'backup')) {
      const twin = saved.attempts.find((a) => a.task === b.task && a.phase === 'map' && a !== b && a.endS >= b.startS)!;
      expect(twin.machine).toBe(saved.stragglerMachine);
      expect([b.outcome, twin.outcome].sort()).toEqual(['killed', 'won']);
    }
    // the straggler's tasks take STRAGGLER_SLOWDOWN times as long as the same task elsewhere (same locality)
    const onIt = slow.attempts.find((a) => a.machine === slow.stragglerMachine && a.locality === 'node' && a.phase === 'map')!;
    const other = slow.attempts.find((a) => a.machine !== slow.stragglerMachine && a.locality === 'node' && a.phase === 'map')!;
    expect((onIt.endS - onIt.startS) / (other.endS - other.startS)).toBeCloseTo(STRAGGLER_SLOWDOWN, 6);
  });

  it('a machine failure: its work is run again elsewhere, every task wins once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.boolean(), fc.boolean(), (seed, straggler, speculative) => {
        const p = planJob(c, wc, { seed, straggler, speculative, failure: true });
        expect(p.failedMachine).not.toBeNull();
        const won = p.attempts.filter((a) => a.phase === 'map' && a.outcome === 'won');
        expect(won.map((a) => a.task).sort((a, b) => a - b)).toEqual(wc.mapInputBytes.map((_, i) => i));
        for (const a of won) expect(a.machine !== p.failedMachine || a.endS <= p.failAtS!).toBe(true);
        // outputs on the failed machine are lost and their tasks re-run
        expect(won.some((a) => a.machine === p.failedMachine)).toBe(false);
        expect(p.reruns).toBeGreaterThan(0);
        expect(p.reducerMachine).not.toContain(p.failedMachine);
        // the shuffle moves exactly the job's bytes
        const total = wc.shuffleBytes.flat().reduce((s, b) => s + b, 0);
        expect(p.linkBytes.flat().reduce((s, b) => s + b, 0)).toBeCloseTo(total, 0);
        // same seed, same plan
        expect(planJob(c, wc, { seed, straggler, speculative, failure: true })).toEqual(p);
      }),
      { numRuns: 15, seed: 3 },
    );
  });
});

describe('scaling', () => {
  const machine = getPreset('2012')!;

  it('follows Amdahl for word count with the combiner; the network leaves it behind', () => {
    const s = scaling(machine, presetJobFor('wordcount', true), 4, 0.154, [1, 2, 8, 32]);
    expect(s.points[0]!.seconds).toBeCloseTo(s.points[0]!.amdahlS, 10);
    // never faster than Amdahl's law allows (the serial part and the network only add)
    for (const p of s.points) expect(p.seconds).toBeGreaterThanOrEqual(p.amdahlS * 0.999);
    expect(s.points[3]!.seconds).toBeLessThan(s.points[1]!.seconds);
  });

  it('150 TB streaming: one machine is cheapest, and bounded by its disk', () => {
    const s = scaling(machine, presetJobFor('etl', false), 4, 0.154, [1, 16]);
    // 150 TB read at the 2012 table's SSD (1 MB per ms = 1 GB/s) is at least 150,000 s on one machine
    expect(s.points[0]!.seconds).toBeGreaterThan(150_000);
    expect(s.points[0]!.costUsd).toBeLessThan(s.points[1]!.costUsd);
  });

  it("the Beam preset: 62 machines in under 30 minutes for about $2.50 (the tutorial's figures)", () => {
    const beam = presetJob('beam', { combiner: false, reducers: 62 * 4 });
    const p = planJob(smallMachine(machine, 62, 4, 20, 0.08), beam, quiet);
    expect(p.makespanS).toBeLessThan(30 * 60);
    expect(p.costUsd).toBeGreaterThan(1.5);
    expect(p.costUsd).toBeLessThan(3);
  });
});
