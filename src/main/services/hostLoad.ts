/**
 * Samples the machine's load around a real run: the 1-minute load average and CPU time (busy,
 * total, and the time the hypervisor stole) from /proc/stat where Linux has it, else from
 * os.loadavg() and os.cpus(). Classification is src/shared/reliability.ts.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { classifyLoad, type HostLoad, type LoadSample } from '../../shared/reliability';

export const PROC_STAT = '/proc/stat';

/** The aggregate `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal …; null if absent or garbled. */
export function parseProcStat(text: string): { busy: number; total: number; steal: number } | null {
  const line = text.split('\n').find((l) => /^cpu\s/.test(l));
  if (!line) return null;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  if (f.length < 4 || f.some((v) => !Number.isFinite(v) || v < 0)) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  // guest and guest_nice are already counted in user and nice.
  return { busy: user + nice + system + irq + softirq, total: user + nice + system + idle + iowait + irq + softirq + steal, steal };
}

export interface SampleOptions {
  readonly platform?: NodeJS.Platform;
  readonly procStat?: () => string | undefined;
}

function readProcStat(): string | undefined {
  try {
    return readFileSync(PROC_STAT, 'utf8');
  } catch {
    return undefined;
  }
}

/** One sample now. */
export function sampleLoad(options: SampleOptions = {}): LoadSample {
  const platform = options.platform ?? process.platform;
  const cores = Math.max(1, availableParallelism());
  const avg = loadavg()[0] ?? 0;
  // Windows has no load average (os.loadavg() gives zeros): CPU time stands in.
  const loadAvg1 = platform === 'win32' ? null : avg;
  const stat = platform === 'linux' ? parseProcStat((options.procStat ?? readProcStat)() ?? '') : null;
  if (stat) return { cores, loadAvg1, busyTime: stat.busy, totalTime: stat.total, stealTime: stat.steal };
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { cores, loadAvg1, busyTime: busy, totalTime: total, stealTime: null };
}

/** Starts watching: call the returned function when the run ends to get its `load`. */
export function watchLoad(ownThreads = 1, options: SampleOptions = {}): () => HostLoad {
  const before = sampleLoad(options);
  return () => classifyLoad(before, sampleLoad(options), ownThreads);
}
