/**
 * A cluster's machines, built from the hardware model's tables (src/sim/hardware/presets.ts) and the
 * few figures those tables lack, each with its source. Rates are bytes per second; prices dollars per hour.
 */
import { NS_PER_S } from '../core/units';
import type { MachineModel } from '../hardware/types';

/** One kind of machine and how many of them, in racks. */
export interface ClusterSpec {
  /** Machines (not counting the driver). */
  readonly machines: number;
  readonly coresPerMachine: number;
  /** Machines per rack; racks = ⌈machines / machinesPerRack⌉. */
  readonly machinesPerRack: number;
  /** Sequential disk bandwidth per machine, bytes/s. */
  readonly diskBytesPerS: number;
  /** NIC bandwidth per machine (each direction), bytes/s. */
  readonly nicBytesPerS: number;
  /** A rack's uplink to the core switch (each direction), bytes/s. */
  readonly uplinkBytesPerS: number;
  /** Round trip within the datacenter, s. */
  readonly rttS: number;
  /** Core clock, cycles/s. */
  readonly clockHz: number;
  readonly ramBytes: number;
  /** Price of one machine-hour, dollars. */
  readonly pricePerHour: number;
  readonly label: string;
  /** Where each figure came from. */
  readonly sources: readonly string[];
}

/** Oversubscription of a rack's uplink: 4:1, a common datacenter design figure (a teaching figure). */
export const UPLINK_OVERSUBSCRIPTION = 4;
/** The tutorial's EC2 instance price (4 vCPU, 16 GB), dollars per hour. */
export const TUTORIAL_EC2_PRICE = 0.154;

const MB = 1e6;

/** Small machines like the tutorial's EC2 instance, with disk, NIC and clock from a hardware preset. */
export function smallMachine(machine: MachineModel, machines: number, coresPerMachine = 4, machinesPerRack = 20, pricePerHour = TUTORIAL_EC2_PRICE): ClusterSpec {
  const sources: string[] = [];
  const ssd = machine.ssd.read1MB;
  const diskBytesPerS = ssd ? Math.min(MB / (ssd.value / NS_PER_S), 2000 * MB) : 500 * MB;
  sources.push(ssd ? `disk: read 1 MB sequentially from SSD ${ssd.value / 1e3} µs (${ssd.source}), capped at 2 GB/s` : 'disk: 500 MB/s (a teaching figure: a SATA SSD)');
  const send = machine.network.send1KB;
  const nicBytesPerS = send ? 1000 / (send.value / NS_PER_S) : 1250 * MB;
  sources.push(send ? `NIC: send 1 KB in ${send.value / 1e3} µs (${send.source})` : 'NIC: 10 Gbit/s (a teaching figure; the table has no network bandwidth)');
  const rtt = machine.network.datacenterRoundTrip;
  sources.push(rtt ? `round trip ${rtt.value / 1e3} µs (${rtt.source})` : 'round trip 500 µs (teaching figure)');
  const clock = machine.cpu.clockGHz;
  sources.push(clock ? `clock ${clock.value} GHz (${clock.source})` : 'clock 2 GHz (teaching figure)');
  sources.push(`rack uplink: ${machinesPerRack} NICs at ${UPLINK_OVERSUBSCRIPTION}:1 oversubscription (teaching figure)`);
  sources.push(`price $${pricePerHour}/machine-hour${pricePerHour === TUTORIAL_EC2_PRICE ? ' (the tutorial: an EC2 instance at $0.154/hour)' : ''}`);
  return {
    machines,
    coresPerMachine,
    machinesPerRack,
    diskBytesPerS,
    nicBytesPerS,
    uplinkBytesPerS: (nicBytesPerS * machinesPerRack) / UPLINK_OVERSUBSCRIPTION,
    rttS: rtt ? rtt.value / NS_PER_S : 500e-6,
    clockHz: (clock?.value ?? 2) * 1e9,
    ramBytes: 16 * 2 ** 30,
    pricePerHour,
    label: `${machines} × ${coresPerMachine}-core machine${machines === 1 ? '' : 's'}`,
    sources,
  };
}

/** Cores, disks and price of the one big machine (vertical scaling): 24 small machines' worth of cores in one box. */
export const BIG_MACHINE = { cores: 96, disks: 8, ramGiB: 768, pricePerHour: 4.6 } as const;

/** One big machine: many cores, several disks striped, no network; priced like a large cloud instance. */
export function bigMachine(machine: MachineModel): ClusterSpec {
  const small = smallMachine(machine, 1);
  return {
    ...small,
    machines: 1,
    coresPerMachine: BIG_MACHINE.cores,
    diskBytesPerS: small.diskBytesPerS * BIG_MACHINE.disks,
    ramBytes: BIG_MACHINE.ramGiB * 2 ** 30,
    pricePerHour: BIG_MACHINE.pricePerHour,
    label: `1 big machine (${BIG_MACHINE.cores} cores, ${BIG_MACHINE.disks} disks, ${BIG_MACHINE.ramGiB} GiB)`,
    sources: [...small.sources.slice(0, -1), `big machine: ${BIG_MACHINE.cores} cores, ${BIG_MACHINE.disks} striped disks, $${BIG_MACHINE.pricePerHour}/hour (a teaching figure near a large cloud instance's list price)`],
  };
}
