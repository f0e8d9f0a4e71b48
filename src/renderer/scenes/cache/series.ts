/**
 * Per-side series for the charts under the stage, computed from the scene's access records
 * (exact at every access, so the charts do not depend on which frames the playhead visited).
 */

/** The fields of an access record the charts read. */
export interface AccessRecordLike {
  readonly t: number;
  readonly kind: string;
  readonly side?: number;
  readonly level?: string;
  readonly ns?: number;
}

/** One point after an access: machine time, accesses done, L1 hit rate, mean time per access so far. */
export interface SeriesPoint {
  readonly t: number;
  readonly accesses: number;
  readonly l1HitRate: number;
  readonly amatNs: number;
}

/** Accumulates access records into per-side series, keeping at most `maxPoints` per side (evenly thinned, last kept). */
export class SeriesBuilder {
  private readonly all: SeriesPoint[][] = [[], []];
  private readonly totals = [
    { accesses: 0, l1Hits: 0, ns: 0 },
    { accesses: 0, l1Hits: 0, ns: 0 },
  ];

  add(record: AccessRecordLike): void {
    if (record.kind !== 'access' || (record.side !== 0 && record.side !== 1)) return;
    const total = this.totals[record.side]!;
    total.accesses++;
    if (record.level === 'L1') total.l1Hits++;
    total.ns += record.ns ?? 0;
    this.all[record.side]!.push({
      t: record.t + (record.ns ?? 0),
      accesses: total.accesses,
      l1HitRate: total.l1Hits / total.accesses,
      amatNs: total.ns / total.accesses,
    });
  }

  series(maxPoints = 600): [SeriesPoint[], SeriesPoint[]] {
    return [thin(this.all[0]!, maxPoints), thin(this.all[1]!, maxPoints)];
  }
}

/** At most `max` points, evenly spaced by index, always keeping the first and the last. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const every = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * every)]!);
  return out;
}
