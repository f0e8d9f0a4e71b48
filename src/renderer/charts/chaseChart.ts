/** Scales and paths of the pointer-chase chart (log-log), pure: d3 computes, React renders. */
import { line, scaleLog } from 'd3';
import type { MachineModel } from '../../sim/hardware/types';

export interface ChasePoint {
  readonly bytes: number;
  readonly ns: number;
}

export interface ChaseChartGeometry {
  readonly x: ReturnType<typeof scaleLog<number, number>>;
  readonly y: ReturnType<typeof scaleLog<number, number>>;
  readonly measuredPath: string;
  readonly predictedPath: string;
}

/** The latency a machine description predicts for a working set: the first data cache it fits in, else RAM. */
export function predictedNs(machine: MachineModel, bytes: number): number | null {
  const levels = machine.caches.filter((c) => c.type !== 'Instruction').sort((a, b) => a.level - b.level);
  for (const level of levels) if (bytes <= level.sizeBytes) return level.latency?.value ?? null;
  return machine.memory.latency?.value ?? null;
}

export function chaseGeometry(
  points: readonly ChasePoint[],
  machine: MachineModel,
  box: { width: number; height: number; left: number; right: number; top: number; bottom: number },
): ChaseChartGeometry {
  const minBytes = Math.min(4096, ...points.map((p) => p.bytes));
  const maxBytes = Math.max(1 << 20, ...points.map((p) => p.bytes));
  const predicted = points.map((p) => ({ bytes: p.bytes, ns: predictedNs(machine, p.bytes) }));
  const values = [...points.map((p) => p.ns), ...predicted.map((p) => p.ns ?? NaN)].filter((v) => Number.isFinite(v) && v > 0);
  const x = scaleLog().base(2).domain([minBytes, maxBytes]).range([box.left, box.width - box.right]);
  const y = scaleLog()
    .domain([Math.min(0.5, ...values) * 0.8, Math.max(10, ...values) * 1.25])
    .range([box.height - box.bottom, box.top])
    .nice();
  const measuredPath =
    line<ChasePoint>()
      .x((p) => x(p.bytes))
      .y((p) => y(p.ns))(points as ChasePoint[]) ?? '';
  const stepped = line<{ bytes: number; ns: number | null }>()
    .defined((p) => p.ns !== null)
    .x((p) => x(p.bytes))
    .y((p) => y(p.ns ?? 1));
  const predictedPath = stepped(predicted) ?? '';
  return { x, y, measuredPath, predictedPath };
}

