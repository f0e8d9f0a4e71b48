import { describe, expect, it } from 'vitest';
import { classifyLoad, reliabilityNotes, spreadNote, spreadOf, widestSpread, type LoadSample } from '../../src/shared/reliability';
import { parseProcStat, sampleLoad, watchLoad } from '../../src/main/services/hostLoad';

const sample = (loadAvg1: number | null, busy: number, total: number, steal: number | null, cores = 2): LoadSample => ({ cores, loadAvg1, busyTime: busy, totalTime: total, stealTime: steal });

describe('spreadOf', () => {
  it('min, lower median and max of the finite repeats', () => {
    expect(spreadOf([3, 1, 2], 'ns')).toEqual({ min: 1, median: 2, max: 3, repeats: 3, unit: 'ns' });
    // Even count: the lower of the two middle values (2), as chaseAnalysis reads plateaus.
    expect(spreadOf([4, 1, 2, 3, NaN], 'ms')).toEqual({ min: 1, median: 2, max: 4, repeats: 4, unit: 'ms' });
    expect(spreadOf([227.123456], 'ns')).toEqual({ min: 227.1, median: 227.1, max: 227.1, repeats: 1, unit: 'ns' });
    expect(spreadOf([], 'ns')).toBeNull();
  });

  it('says when the repeats disagree by more than ×1.5', () => {
    expect(spreadNote(spreadOf([10, 14, 15], 'ms'))).toBeNull(); // 15 / 10 = 1.5: not more
    expect(spreadNote(spreadOf([10, 12, 16], 'ms'))).toBe('the repeats disagree: 10–16 ms (×1.6 apart); treat the figure as rough');
    expect(spreadNote(spreadOf([10], 'ms'))).toBeNull();
  });

  it('picks the least consistent of several figures', () => {
    const a = spreadOf([1, 1.1], 'ms');
    const b = spreadOf([2, 5], 'ms');
    expect(widestSpread([{ figure: 'a', spread: a }, { figure: 'b', spread: b }, { figure: 'c', spread: null }])).toEqual({ spread: b, spreadFigure: 'b' });
    expect(widestSpread([])).toEqual({ spread: null, spreadFigure: '' });
  });
});

describe('classifyLoad', () => {
  it('an idle 2-core machine is not busy; steal from /proc/stat deltas', () => {
    // 1000 ticks pass, 10 stolen → 1 %.
    const load = classifyLoad(sample(0.2, 100, 10_000, 50), sample(1.1, 600, 11_000, 60), 1);
    expect(load).toEqual({ cores: 2, loadBefore: 0.2, loadAfter: 1.1, stealPct: 1, busy: false, note: null });
  });

  it('the issue’s busy box: 2.3 of 2 cores in use', () => {
    const load = classifyLoad(sample(2.3, 0, 0, null), sample(3.3, 0, 0, null), 1);
    expect(load.busy).toBe(true);
    expect(load.note).toBe('the machine was busy: 2.3 of 2 cores in use; run again when idle');
    expect(load.stealPct).toBeNull();
    expect(reliabilityNotes(spreadOf([1, 3], 'ms'), load)).toEqual([
      'the machine was busy: 2.3 of 2 cores in use; run again when idle',
      'the repeats disagree: 1–3 ms (×3.0 apart); treat the figure as rough',
    ]);
  });

  it('the run’s own threads do not count; steal over 5 % does', () => {
    // Load after 2.4 with 2 own threads: others 0.4 → idle enough.
    expect(classifyLoad(sample(0.4, 0, 0, 0), sample(2.4, 0, 1000, 0), 2).busy).toBe(false);
    const stolen = classifyLoad(sample(0.1, 0, 0, 0), sample(0.1, 500, 1000, 120), 1);
    expect([stolen.stealPct, stolen.note]).toEqual([12, 'the hypervisor gave 12 % of the CPU time to other machines (steal); run again when idle']);
  });

  it('without a load average (Windows), CPU time in use × cores stands in', () => {
    // 1800 of 2000 ticks busy on 2 cores = 1.8 cores in use, > 1.5: busy.
    const load = classifyLoad(sample(null, 0, 0, null), sample(null, 1800, 2000, null), 0);
    expect([load.loadBefore, load.loadAfter, load.busy]).toEqual([1.8, 1.8, true]);
  });
});

describe('hostLoad', () => {
  it('reads the aggregate cpu line of /proc/stat', () => {
    const text = 'cpu  100 5 50 1000 20 1 2 30 0 0\ncpu0 50 2 25 500 10 0 1 15 0 0\nintr 1\n';
    expect(parseProcStat(text)).toEqual({ busy: 158, total: 1208, steal: 30 });
    expect(parseProcStat('cpu  1 x 3\n')).toBeNull();
    expect(parseProcStat('')).toBeNull();
  });

  it('samples through an injected /proc/stat and classifies a run', () => {
    const stats = ['cpu  0 0 0 1000 0 0 0 0\n', 'cpu  100 0 0 1800 0 0 0 100\n'];
    const finish = watchLoad(1, { platform: 'linux', procStat: () => stats.shift() });
    const load = finish();
    expect(load.stealPct).toBe(10); // 100 of 1000 ticks
    expect(sampleLoad({ platform: 'linux', procStat: () => undefined }).stealTime).toBeNull();
  });
});

describe('pointer chase timing on a busy machine', () => {
  it('takes the smaller of wall and process CPU time per load', async () => {
    const { timedNs } = await import('../../src/main/workers/pointerChase');
    // Descheduled: 1,000,000 loads took 2.0 s of wall time but 0.16 s of CPU → 160 ns, not 2000 ns.
    expect(timedNs(2000, { user: 150_000, system: 10_000 }, 1_000_000)).toBe(160);
    // Other threads busy: CPU 0.3 s > wall 0.2 s → the wall's 200 ns.
    expect(timedNs(200, { user: 300_000, system: 0 }, 1_000_000)).toBe(200);
    // No CPU time recorded (too coarse a clock): the wall.
    expect(timedNs(1.5, { user: 0, system: 0 }, 1_000_000)).toBe(1.5);
  });
});
