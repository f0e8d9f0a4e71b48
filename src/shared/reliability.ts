/**
 * How far a real run's figure can be trusted: the spread of its repeats and the machine's load
 * around it, and the plain words that say when a figure is unreliable. Pure: the samples come
 * from src/main/services/hostLoad.ts (host) or the renderer's own clock (browser runs).
 * The JSON shapes `spread` and `load` are shared by every real run; add fields, never rename.
 */

/** Min–median–max of a figure's repeats, in `unit` ("ns", "ms", "GB/s", "ops/s", …). */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly repeats: number;
  readonly unit: string;
}

/** The machine's load before and after a run. */
export interface HostLoad {
  /** Logical CPUs. */
  readonly cores: number;
  /** Runnable tasks, 1-minute load average (or CPU time in use × cores where the OS has no load average). */
  readonly loadBefore: number;
  readonly loadAfter: number;
  /** Share of CPU time the hypervisor gave to others during the run, % (/proc/stat steal); null where unknown. */
  readonly stealPct: number | null;
  readonly busy: boolean;
  /** Plain words when busy, e.g. "the machine was busy: 2.3 of 2 cores in use; run again when idle". */
  readonly note: string | null;
}

/** One sample of the machine's load (hostLoad.ts takes it). */
export interface LoadSample {
  readonly cores: number;
  /** 1-minute load average; null where the OS has none (Windows reports 0). */
  readonly loadAvg1: number | null;
  /** Cumulative CPU time over all CPUs, any unit: busy (user+nice+system+irq), total, and steal (null where unknown). */
  readonly busyTime: number;
  readonly totalTime: number;
  readonly stealTime: number | null;
}

/** Repeats whose max is this many times their min disagree too much to quote one figure. */
export const SPREAD_LIMIT = 1.5;
/** Steal above this share of CPU time makes a run unreliable, %. */
export const STEAL_LIMIT = 5;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Significant-ish rounding for a spread: 4 significant digits. */
function sig(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v))));
  return round(v, Math.min(digits, 6));
}

/** Min, median (lower median for an even count) and max of the finite values; null when there are none. */
export function spreadOf(values: readonly number[], unit: string): Spread | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    min: sig(sorted[0] as number),
    median: sig(sorted[Math.floor((sorted.length - 1) / 2)] as number),
    max: sig(sorted[sorted.length - 1] as number),
    repeats: sorted.length,
    unit,
  };
}

/**
 * The load around a run. Others' load is the larger of the load before and the load after less
 * the run's own `ownThreads`; the machine is busy when that leaves less than half a core free
 * (others > cores − 0.5), or when the hypervisor stole more than STEAL_LIMIT % of the CPU time.
 */
export function classifyLoad(before: LoadSample, after: LoadSample, ownThreads = 1): HostLoad {
  const cores = Math.max(1, before.cores);
  const dTotal = after.totalTime - before.totalTime;
  const inUse = dTotal > 0 ? ((after.busyTime - before.busyTime) / dTotal) * cores : 0;
  const loadBefore = round(before.loadAvg1 ?? inUse, 2);
  const loadAfter = round(after.loadAvg1 ?? inUse, 2);
  const stealPct =
    before.stealTime === null || after.stealTime === null || dTotal <= 0 ? null : round(Math.max(0, ((after.stealTime - before.stealTime) / dTotal) * 100), 1);
  const others = Math.max(loadBefore, loadAfter - ownThreads);
  const reasons: string[] = [];
  if (others > cores - 0.5) reasons.push(`the machine was busy: ${others.toFixed(1)} of ${cores} cores in use`);
  if (stealPct !== null && stealPct > STEAL_LIMIT) reasons.push(`the hypervisor gave ${stealPct.toFixed(0)} % of the CPU time to other machines (steal)`);
  return {
    cores,
    loadBefore,
    loadAfter,
    stealPct,
    busy: reasons.length > 0,
    note: reasons.length > 0 ? `${reasons.join('; ')}; run again when idle` : null,
  };
}

/** Of several figures, the one whose repeats disagree most (max ÷ min): the run's weakest figure. */
export function widestSpread(figures: readonly { figure: string; spread: Spread | null | undefined }[]): { spread: Spread | null; spreadFigure: string } {
  let worst: { spread: Spread | null; spreadFigure: string } = { spread: null, spreadFigure: '' };
  let worstRatio = -1;
  for (const f of figures) {
    if (!f.spread) continue;
    const ratio = f.spread.min > 0 ? f.spread.max / f.spread.min : Infinity;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worst = { spread: f.spread, spreadFigure: f.figure };
    }
  }
  return worst;
}

/** Plain words when the repeats disagree (max > SPREAD_LIMIT × min), else null. */
export function spreadNote(spread: Spread | null | undefined, what = 'the repeats'): string | null {
  if (!spread || spread.repeats < 2 || !(spread.min > 0)) return null;
  const ratio = spread.max / spread.min;
  return ratio > SPREAD_LIMIT
    ? `${what} disagree: ${spread.min}–${spread.max} ${spread.unit} (×${ratio.toFixed(1)} apart); treat the figure as rough`
    : null;
}

/** Everything that makes a figure unreliable, in plain words; empty when it can be trusted. */
export function reliabilityNotes(spread: Spread | null | undefined, load: HostLoad | null | undefined): string[] {
  const notes: string[] = [];
  if (load?.note) notes.push(load.note);
  const s = spreadNote(spread);
  if (s) notes.push(s);
  return notes;
}
