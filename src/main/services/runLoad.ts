/**
 * The machine's load around a real run, in the shared shape of issue 15 ("load"): load average
 * before and after, CPU steal from /proc/stat where Linux has it, and a plain-words note when the
 * machine was busy. (Issue 15's src/main/services/hostLoad.ts is the project-wide home; this is
 * the mapreduce run's own until the two are merged.)
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { HostLoad } from '../../shared/api';

/** Total and steal jiffies of the `cpu` line of /proc/stat, or null off Linux. */
export function readSteal(): { total: number; steal: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith('cpu '));
    if (!line) return null;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { total, steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Starts watching; call the returned function after the run. */
export function watchLoad(): () => HostLoad {
  const cores = availableParallelism();
  const loadBefore = loadavg()[0]!;
  const before = readSteal();
  return () => {
    const loadAfter = loadavg()[0]!;
    const after = readSteal();
    const stealPct = before && after && after.total > before.total ? Math.round(((after.steal - before.steal) / (after.total - before.total)) * 1000) / 10 : null;
    const busy = loadBefore > cores * 0.5 || (stealPct !== null && stealPct > 5);
    const note = busy
      ? `the machine was busy: ${loadBefore.toFixed(1)} of ${cores} cores in use before the run${stealPct !== null && stealPct > 5 ? `, ${stealPct}% of CPU time stolen by the hypervisor` : ''}; run again when idle`
      : null;
    return { cores, loadBefore: Math.round(loadBefore * 100) / 100, loadAfter: Math.round(loadAfter * 100) / 100, stealPct, busy, note };
  };
}
