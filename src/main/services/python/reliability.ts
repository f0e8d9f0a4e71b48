/**
 * Spread of repeats and the machine's load around a run, in the shapes issue 15 names.
 * A minimal stand-in for src/shared/reliability.ts + src/main/services/hostLoad.ts, which
 * are being written in parallel; the lead unifies them at merge.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { HostLoad, Spread } from '../../../shared/python';

/** min / median / max of the samples (the median of an even count is the mean of the middle two). */
export function spreadOf(samples: readonly number[], unit: string): Spread {
  if (samples.length === 0) return { min: NaN, median: NaN, max: NaN, repeats: 0, unit };
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s[s.length - 1]!, repeats: s.length, unit };
}

/** The aggregate "cpu" line of /proc/stat: [total, steal] jiffies, or null off Linux. */
function cpuTimes(): [number, number] | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    if (f.length < 8 || f.some((x) => !Number.isFinite(x))) return null;
    return [f.slice(0, 8).reduce((a, b) => a + b, 0), f[7]!];
  } catch {
    return null;
  }
}

/** Call before a run; the returned function, called after it, gives the load record. */
export function watchLoad(): () => HostLoad {
  const cores = availableParallelism();
  const loadBefore = loadavg()[0]!;
  const t0 = cpuTimes();
  return () => {
    const loadAfter = loadavg()[0]!;
    const t1 = cpuTimes();
    const stealPct = t0 && t1 && t1[0] > t0[0] ? Math.round(((t1[1] - t0[1]) / (t1[0] - t0[0])) * 1000) / 10 : null;
    return loadRecord(cores, loadBefore, loadAfter, stealPct);
  };
}

/** busy: more than 3/4 of the cores were in use before the run, or 5% or more stolen by a hypervisor. */
export function loadRecord(cores: number, loadBefore: number, loadAfter: number, stealPct: number | null): HostLoad {
  const busyLoad = loadBefore > cores * 0.75;
  const busySteal = stealPct !== null && stealPct >= 5;
  const r = (x: number): number => Math.round(x * 100) / 100;
  let note: string | null = null;
  if (busyLoad) note = `the machine was busy: ${r(loadBefore)} of ${cores} cores in use; run again when idle`;
  else if (busySteal) note = `the hypervisor took ${stealPct}% of the CPU time during the run; figures may be low`;
  return { cores, loadBefore: r(loadBefore), loadAfter: r(loadAfter), stealPct, busy: busyLoad || busySteal, note };
}
