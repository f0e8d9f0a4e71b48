/**
 * The rungs of the Latency Ladder: the classic latency table as rows read from one machine
 * description. A rung the machine does not give stays on the ladder with `ns: null`, so the
 * gap is visible rather than filled in.
 */
import { nanos, type Nanos } from '../core/units';
import type { CacheLevelSpec, Figure, MachineModel } from '../hardware/types';

/** Every rung, named for what it measures. */
export type RungId =
  | 'cpu-cycle'
  | 'l1'
  | 'branch-mispredict'
  | 'l2'
  | 'l3'
  | 'mutex'
  | 'ram'
  | 'compress-1kb'
  | 'send-1kb'
  | 'ssd-random-4k'
  | 'ram-seq-1mb'
  | 'datacenter-rtt'
  | 'ssd-seq-1mb'
  | 'disk-seek'
  | 'hdd-seq-1mb'
  | 'intercontinental-rtt';

/** Which part of the machine a rung belongs to (for colour and filtering). */
export type RungGroup = 'cpu' | 'memory' | 'os' | 'storage' | 'network';

/** One rung: its latency in ns (null when the machine does not give it) and its source. */
export interface LadderRung {
  readonly id: RungId;
  readonly label: string;
  readonly ns: Nanos | null;
  readonly source: string | null;
  readonly group: RungGroup;
}

interface RungDef {
  readonly id: RungId;
  readonly label: string;
  readonly group: RungGroup;
  readonly read: (m: MachineModel) => Figure | undefined;
}

/** The data-path (Data or Unified) cache at a level. */
function dataCache(m: MachineModel, level: number): CacheLevelSpec | undefined {
  return m.caches.find((c) => c.level === level && c.type !== 'Instruction');
}

/** One CPU cycle lasts 1 / f ns for a clock of f GHz. */
function cycle(m: MachineModel): Figure | undefined {
  const clock = m.cpu.clockGHz;
  return clock === undefined ? undefined : { value: 1 / clock.value, source: `1 / clock (${clock.source})` };
}

/** All rungs in canonical (table) order. */
const RUNGS: readonly RungDef[] = [
  { id: 'cpu-cycle', label: 'One CPU cycle', group: 'cpu', read: cycle },
  { id: 'l1', label: 'L1 cache reference', group: 'memory', read: (m) => dataCache(m, 1)?.latency },
  { id: 'branch-mispredict', label: 'Branch mispredict', group: 'cpu', read: (m) => m.cpu.branchMispredict },
  { id: 'l2', label: 'L2 cache reference', group: 'memory', read: (m) => dataCache(m, 2)?.latency },
  { id: 'l3', label: 'L3 cache reference', group: 'memory', read: (m) => dataCache(m, 3)?.latency },
  { id: 'mutex', label: 'Mutex lock/unlock', group: 'os', read: (m) => m.os.mutexLockUnlock },
  { id: 'ram', label: 'Main memory reference', group: 'memory', read: (m) => m.memory.latency },
  { id: 'compress-1kb', label: 'Compress 1 KB', group: 'cpu', read: (m) => m.compression.compress1KB },
  { id: 'send-1kb', label: 'Send 1 KB over the network', group: 'network', read: (m) => m.network.send1KB },
  { id: 'ssd-random-4k', label: 'Read 4 KB randomly from SSD', group: 'storage', read: (m) => m.ssd.randomRead4K },
  { id: 'ram-seq-1mb', label: 'Read 1 MB sequentially from memory', group: 'memory', read: (m) => m.memory.read1MB },
  { id: 'datacenter-rtt', label: 'Round trip within the same datacenter', group: 'network', read: (m) => m.network.datacenterRoundTrip },
  { id: 'ssd-seq-1mb', label: 'Read 1 MB sequentially from SSD', group: 'storage', read: (m) => m.ssd.read1MB },
  { id: 'disk-seek', label: 'Disk seek', group: 'storage', read: (m) => m.hdd.seek },
  { id: 'hdd-seq-1mb', label: 'Read 1 MB sequentially from disk', group: 'storage', read: (m) => m.hdd.read1MB },
  {
    id: 'intercontinental-rtt',
    label: 'Packet California → Netherlands → California',
    group: 'network',
    read: (m) => m.network.intercontinentalRoundTrip,
  },
];

/** Every rung id in canonical (table) order. */
export const RUNG_IDS: readonly RungId[] = RUNGS.map((r) => r.id);

/**
 * The ladder for a machine: the rungs it gives, fastest first (ties in canonical order), then
 * the rungs it does not give (ns null), in canonical order.
 */
export function ladderRungs(machine: MachineModel): LadderRung[] {
  const all: LadderRung[] = RUNGS.map((def) => {
    const figure = def.read(machine);
    return {
      id: def.id,
      label: def.label,
      group: def.group,
      ns: figure === undefined ? null : nanos(figure.value),
      source: figure === undefined ? null : figure.source,
    };
  });
  const present = all.filter((r) => r.ns !== null).sort((a, b) => (a.ns as number) - (b.ns as number));
  return [...present, ...all.filter((r) => r.ns === null)];
}
