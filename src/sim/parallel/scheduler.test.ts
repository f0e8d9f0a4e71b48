import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import type { MachineModel } from '../hardware/types';
import { PRESETS, type JobSpec, type JobStep } from './jobs';
import { runParallel, summarize } from './run';
import { STYLES, type ParallelRecord, type RunConfig, type Segment, type Style } from './runConfig';
import type { ParallelState } from './scheduler';

/** The teaching machine has no OS figures: the documented defaults apply (switch 3 µs, thread 25 µs, process 1.2 ms, 1 MB read 250 µs). */
const teaching = getPreset('teaching')!;
const m2020 = getPreset('2020')!;
const MS = 1e6;
const US = 1e3;

function go(job: JobSpec, style: Style, workers: number, cores: number, machine: MachineModel = teaching, switchMs = 5) {
  const records: ParallelRecord[] = [];
  const config: RunConfig = { job, style, workers, cores, switchIntervalNs: switchMs * MS };
  const run = runParallel(config, machine, { onRecord: (r) => void records.push(r) });
  expect(run.finished).toBe(true);
  return { state: run.state, summary: summarize(run.state), records };
}

const job = (tasks: number, steps: JobStep[], dataBytes = 0): JobSpec => ({ label: 't', description: 't', tasks, steps, dataBytes });

describe('parallel scheduler: hand-worked runs', () => {
  it('runs two threads on one core with switches and I/O overlap', () => {
    // Tasks [cpu 1 ms, wait 2 ms, cpu 0.5 ms]; 2 threads, 1 core; thread creation 25 µs, switch 3 µs.
    // w0: create 0–25 µs, t0 cpu 25–1025, I/O 1025–3025.
    // w1: switch 1025–1028, create 1028–1053, t1 cpu 1053–2053, I/O 2053–4053.
    // w0: switch 3025–3028, cpu 3028–3528 (t0 done); w1: switch 4053–4056, cpu 4056–4556 (t1 done).
    // CPU: 25 + 1000 + 3 + 25 + 1000 + 3 + 500 + 3 + 500 = 3059 µs.
    const { summary, records } = go(job(2, [{ cpu: 1 * MS }, { wait: 2 * MS, what: 'db' }, { cpu: 0.5 * MS }]), 'threads', 2, 1);
    expect(summary.wall_ns).toBe(4556 * US);
    expect(summary.cpu_ns).toBe(3059 * US);
    expect(summary.context_switches).toBe(3);
    expect(summary.tasks).toEqual([
      { id: 0, worker: 0, start_ns: 25 * US, end_ns: 3528 * US },
      { id: 1, worker: 1, start_ns: 1053 * US, end_ns: 4556 * US },
    ]);
    expect(records.map((r) => `${r.t / US}:${r.kind}`)).toEqual([
      '0:run', // w0 created
      '25:run',
      '1025:block',
      '1025:switch',
      '1028:run', // w1 created
      '1053:run',
      '2053:block',
      '3025:switch',
      '3028:run',
      '3528:done',
      '4053:switch',
      '4056:run',
      '4556:done',
    ]);
  });

  it('hands the GIL over every switch interval between two CPU-bound threads', () => {
    // Tasks [cpu 12 ms] × 2, 2 threads on 2 cores, interval 5 ms, slice 4 ms (renewed: nobody waits for a core).
    // w0 holds the GIL: create 0–0.025, t0 runs. At 5 ms w1 has waited an interval → w0 drops it
    // (t0 has 12 − 4.975 = 7.025 ms left); w1: switch 5–5.003, create –5.028, t1 runs. At 10 → w0
    // (t1 left 12 − 4.972 = 7.028): switch, t0 10.003–15 (left 2.028). At 15 → w1: t1 15.003–20
    // (left 2.031). At 20 → w0: switch, t0 20.003–22.031 done, releases → w1: switch 22.031–22.034,
    // t1 –24.065 done. 24 ms of work + 2 × 25 µs + 5 switches × 3 µs = 24.065 ms.
    const { summary, records } = go(job(2, [{ cpu: 12 * MS }]), 'gil', 2, 2);
    expect(summary.wall_ns).toBe(24_065 * US);
    expect(summary.cpu_ns).toBe(24_065 * US);
    expect(summary.context_switches).toBe(5);
    expect(records.filter((r) => r.kind === 'gil').map((r) => (r.kind === 'gil' ? r.worker : -1))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(summary.tasks.map((t) => t.end_ns)).toEqual([22_031 * US, 24_065 * US]);
    expect(summary.gil_handoffs).toBe(6);
  });

  it('a single thread has no switches and no overheads', () => {
    // 3 tasks × (2 ms cpu + 1 ms wait) one after another: 9 ms wall, 6 ms CPU.
    const { summary } = go(job(3, [{ cpu: 2 * MS }, { wait: 1 * MS }]), 'single', 8, 4);
    expect(summary).toMatchObject({ wall_ns: 9 * MS, cpu_ns: 6 * MS, context_switches: 0, workers: 1 });
    expect(summary.per_core.map((c) => c.busy_ns)).toEqual([6 * MS, 0, 0, 0]);
  });

  it('async overlaps the waits of its tasks on one thread', () => {
    // 4 tasks [cpu 1 ms, wait 10 ms], 4 in flight: cpu 0–1, 1–2, 2–3, 3–4 ms; last wait ends at 14 ms.
    const { summary } = go(job(4, [{ cpu: 1 * MS }, { wait: 10 * MS }]), 'async', 4, 4);
    expect(summary.wall_ns).toBe(14 * MS);
    expect(summary.tasks.map((t) => [t.start_ns / MS, t.end_ns / MS])).toEqual([
      [0, 11],
      [1, 12],
      [2, 13],
      [3, 14],
    ]);
    expect(summary.context_switches).toBe(0);
  });

  it('processes pay a spawn each and copy every task’s data twice', () => {
    // 2 processes, 2 cores, 2 tasks [cpu 1 ms] with 1 MiB each: spawn 1.2 ms, copy 2 × 250 µs, cpu 1 ms.
    const { summary } = go(job(2, [{ cpu: 1 * MS }], 2 ** 20), 'processes', 2, 2);
    expect(summary.wall_ns).toBe(2700 * US);
    expect(summary.cpu_ns).toBe(2 * 2700 * US);
    expect(summary.memory_bytes).toBe(2 * 30 * 2 ** 20);
  });
});

describe('parallel scheduler: the lesson', () => {
  const cpu = PRESETS['cpu-bound'];
  const io = PRESETS['io-bound'];
  it('the GIL makes 4 CPU-bound threads no faster than 1', () => {
    const single = go(cpu, 'single', 1, 4, m2020).summary.wall_ns;
    const gil = go(cpu, 'gil', 4, 4, m2020).summary.wall_ns;
    expect(gil).toBeGreaterThanOrEqual(single);
    expect(gil / single).toBeLessThan(1.01);
    // threads and processes: about a quarter, plus creation / spawn and copies
    const threads = go(cpu, 'threads', 4, 4, m2020).summary.wall_ns;
    const processes = go(cpu, 'processes', 4, 4, m2020).summary.wall_ns;
    expect(threads / single).toBeGreaterThan(0.25);
    expect(threads / single).toBeLessThan(0.26);
    expect(processes / single).toBeGreaterThan(0.25);
    expect(processes / single).toBeLessThan(0.27);
  });

  it('but 4 IO-bound threads under the GIL about 4× faster', () => {
    const single = go(io, 'single', 1, 4, m2020).summary.wall_ns;
    const gil = go(io, 'gil', 4, 4, m2020).summary.wall_ns;
    expect(single / gil).toBeGreaterThan(3.3);
    expect(single / gil).toBeLessThanOrEqual(4);
  });

  it('a thread back from I/O waits for the GIL behind a computing thread: the convoy', () => {
    // 2 tasks [cpu 3 ms, wait 1 ms, cpu 0.1 ms], 2 threads, 2 cores, interval 5 ms.
    // gil: w0 creates 0–0.025, t0 computes –3.025, waits –4.025, and releases the GIL to w1
    // (switch 3.025–3.028, create –3.053, t1 computes –6.053). t0 is back at 4.025 but t1 holds
    // the GIL until its own wait at 6.053: t0 gets it then (switch –6.056) and ends at 6.156 ms.
    // threads: t0 resumes on its own core at 4.025 and ends at 4.125 ms.
    const j = job(2, [{ cpu: 3 * MS }, { wait: 1 * MS }, { cpu: 0.1 * MS }]);
    const gil = go(j, 'gil', 2, 2).summary;
    const threads = go(j, 'threads', 2, 2).summary;
    expect(gil.tasks[0]!.end_ns).toBe(6156 * US);
    expect(threads.tasks[0]!.end_ns).toBe(4125 * US);
    expect(gil.wall_ns).toBe(7156 * US);
  });
});

/** Independent of the scheduler: total CPU a job needs, from its description. */
function cpuOfJob(j: JobSpec): number {
  let sum = 0;
  for (const s of j.steps) if ('cpu' in s) sum += s.cpu;
  return sum * j.tasks;
}

function allSegments(s: ParallelState): (Segment & { core: number })[] {
  return s.segments.flatMap((list, core) => list.map((seg) => ({ ...seg, core })));
}

function noOverlap(list: readonly { start: number; end: number }[]): boolean {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return false;
  return true;
}

const stepArb: fc.Arbitrary<JobStep> = fc.oneof(
  fc.integer({ min: 1, max: 8000 }).map((us) => ({ cpu: us * US })),
  fc.integer({ min: 1, max: 8000 }).map((us) => ({ wait: us * US })),
);
const configArb = fc.record({
  tasks: fc.integer({ min: 1, max: 10 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
  dataBytes: fc.integer({ min: 0, max: 2 ** 20 }),
  style: fc.constantFrom(...STYLES),
  workers: fc.integer({ min: 1, max: 6 }),
  cores: fc.integer({ min: 1, max: 4 }),
  switchUs: fc.integer({ min: 100, max: 10_000 }),
});

describe('parallel scheduler: invariants', () => {
  it('conserves work, never runs two things on a core or one worker twice, and the GIL is exclusive', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const j = job(c.tasks, c.steps, c.dataBytes);
        const config: RunConfig = { job: j, style: c.style, workers: c.workers, cores: c.cores, switchIntervalNs: c.switchUs * US };
        const run = runParallel(config, teaching);
        expect(run.finished).toBe(true);
        const s = run.state;
        const segs = allSegments(s);
        const sum = (kind: Segment['kind']) => segs.filter((g) => g.kind === kind).reduce((a, g) => a + g.end - g.start, 0);
        // Work conserved: CPU time = bursts + switches + creations + copies, each priced independently.
        const os = c.style === 'single' || c.style === 'async' ? 1 : c.workers;
        const spawnEach = c.style === 'threads' || c.style === 'gil' ? 25 * US : c.style === 'processes' ? 1.2 * MS : 0;
        const copyEach = c.style === 'processes' ? Math.round((2 * c.dataBytes * 250 * US) / 2 ** 20) : 0;
        expect(sum('cpu')).toBe(cpuOfJob(j));
        expect(sum('switch')).toBe(s.contextSwitches * 3 * US);
        expect(sum('spawn')).toBe(os * spawnEach);
        expect(sum('copy')).toBe(c.tasks * copyEach);
        expect(s.cpuNs).toBe(cpuOfJob(j) + s.contextSwitches * 3 * US + os * spawnEach + c.tasks * copyEach);
        expect(Array.from(s.coreBusy).reduce((a, b) => a + b, 0)).toBe(s.cpuNs);
        // Per task: its CPU segments add up to its bursts; its waits last what they should.
        const perTask = cpuOfJob(job(1, c.steps));
        for (let t = 0; t < c.tasks; t++) {
          expect(segs.filter((g) => g.task === t && g.kind === 'cpu').reduce((a, g) => a + g.end - g.start, 0)).toBe(perTask);
          expect(s.io.filter((e) => e.task === t).map((e) => e.end! - e.start)).toEqual(c.steps.flatMap((st) => ('wait' in st ? [st.wait] : [])));
        }
        // No core runs two things at once; no worker is on two cores at once.
        for (const list of s.segments) expect(noOverlap(list)).toBe(true);
        for (let w = 0; w < s.workerCount; w++) expect(noOverlap(segs.filter((g) => g.worker === w))).toBe(true);
        // With a GIL at most one thread runs bytecode at any instant (across all cores).
        if (c.style === 'gil') expect(noOverlap(segs.filter((g) => g.kind !== 'switch'))).toBe(true);
        // Wall time: the last task's end or the last busy instant of a core (an idle worker's
        // creation), and no less than the CPU spread over the cores allows.
        const sm = summarize(s);
        expect(sm.wall_ns).toBe(Math.max(...sm.tasks.map((t) => t.end_ns), ...segs.map((g) => g.end)));
        expect(sm.wall_ns * c.cores).toBeGreaterThanOrEqual(s.cpuNs);
        for (const t of sm.tasks) expect(t.start_ns).toBeLessThanOrEqual(t.end_ns);
        expect(Math.max(...segs.map((g) => g.end), 0)).toBeLessThanOrEqual(sm.wall_ns);
        // Same configuration, same run.
        expect(summarize(runParallel(config, teaching).state)).toEqual(sm);
      }),
      { numRuns: 150 },
    );
  });
});
