/**
 * The stacks an app can run on — bare metal, a type-1 or type-2 hypervisor, a microVM, a
 * container, a function platform — as layers on one host, with what each costs to start, what
 * it costs in memory per instance, and what a compromised app can reach.
 *
 * Figures come from /work/shared/docs/latency.md "Other useful magnitudes" where it gives one
 * (and say so in their `source`); the rest are round teaching figures, labelled as such. Every
 * boot figure can be overridden (the scene's `boot` parameter, the CLI's host file).
 */
import { GiB, MiB } from '../core/units';
import type { MachineModel } from '../hardware/types';

/** A stack id, as used in URLs and on the CLI. */
export type StackId = 'metal' | 'vm' | 'type2' | 'microvm' | 'container' | 'function';
/** Every stack, in menu order (the order of the evolution, roughly). */
export const STACK_IDS: readonly StackId[] = ['metal', 'vm', 'type2', 'microvm', 'container', 'function'];

/** One layer of a stack, drawn bottom (hardware) to top (app). */
export interface StackLayer {
  readonly name: string;
  readonly kind: 'hardware' | 'hypervisor' | 'host-os' | 'kernel' | 'guest-os' | 'runtime' | 'isolation' | 'platform' | 'app';
  /** True: one per host, shared by every instance. False: one per instance. */
  readonly shared: boolean;
}

/** What a compromised app on a stack can reach, and through which boundary. */
export interface Isolation {
  readonly boundary: string;
  readonly reaches: readonly string[];
  /** True when every instance runs on the one host kernel (a kernel bug reaches them all). */
  readonly sharedKernel: boolean;
}

/** A stack: its layers and the figures the model uses. */
export interface StackSpec {
  readonly id: StackId;
  readonly label: string;
  /** One line: what the stack is. */
  readonly description: string;
  readonly layers: readonly StackLayer[];
  /** Time from "start" to the app able to serve, per instance, ms (a boot or a cold start). */
  readonly bootMs: number;
  readonly bootSource: string;
  /** Memory each instance costs beyond the app itself (guest kernel + OS, VMM), bytes. */
  readonly overheadBytes: number;
  readonly overheadSource: string;
  /** Fraction of CPU time lost to the layers (virtualisation, accounting); 0..1. */
  readonly cpuOverhead: number;
  readonly cpuSource: string;
  readonly isolation: Isolation;
}

// The project's latency notes (docs/latency.md, 'Other useful magnitudes'); shown in the UI, so said in plain words.
const MAGNITUDES = 'typical magnitudes (teaching figures)';
const TEACHING = 'round teaching figure, not from a table';

const HW: StackLayer = { name: 'hardware', kind: 'hardware', shared: true };
const APP: StackLayer = { name: 'app', kind: 'app', shared: false };

/** Every stack, keyed by id. */
export const STACKS: Readonly<Record<StackId, StackSpec>> = {
  metal: {
    id: 'metal',
    label: 'Bare metal',
    description: 'One OS on the hardware; each instance is an OS process of the app.',
    layers: [HW, { name: 'OS (kernel + userland)', kind: 'host-os', shared: true }, APP],
    bootMs: 48,
    bootSource: `${MAGNITUDES}: a \`node -e 0\` process, 48 ms (median of 15, a development machine); the host is already up`,
    overheadBytes: 0,
    overheadSource: 'none: processes share the one OS',
    cpuOverhead: 0,
    cpuSource: 'none: nothing between the app and the hardware but the OS',
    isolation: {
      boundary: 'an OS process (same kernel, same users, same filesystem)',
      reaches: ['every process of the same user', 'the whole filesystem the user can read', 'the host kernel (system calls)', 'the network of the host'],
      sharedKernel: true,
    },
  },
  vm: {
    id: 'vm',
    label: 'Virtual machine (type 1)',
    description: 'A hypervisor on the hardware runs a full guest kernel and OS per VM.',
    layers: [
      HW,
      { name: 'hypervisor (type 1)', kind: 'hypervisor', shared: true },
      { name: 'guest kernel', kind: 'kernel', shared: false },
      { name: 'guest OS', kind: 'guest-os', shared: false },
      APP,
    ],
    bootMs: 30_000,
    bootSource: `${MAGNITUDES}: "VM boot: tens of seconds for a full OS" (30 s taken)`,
    overheadBytes: 1 * GiB,
    overheadSource: `guest kernel + OS, 1 GiB per VM: ${TEACHING}`,
    cpuOverhead: 0.05,
    cpuSource: `5 % with hardware-assisted virtualisation: ${TEACHING}`,
    isolation: {
      boundary: 'the VM: its own guest kernel, the hypervisor below',
      reaches: ['its guest OS and guest kernel', 'its virtual disk', 'its virtual network card'],
      sharedKernel: false,
    },
  },
  type2: {
    id: 'type2',
    label: 'Virtual machine (type 2)',
    description: 'A hypervisor app on a host OS runs a full guest kernel and OS per VM.',
    layers: [
      HW,
      { name: 'host OS', kind: 'host-os', shared: true },
      { name: 'hypervisor app (type 2)', kind: 'hypervisor', shared: true },
      { name: 'guest kernel', kind: 'kernel', shared: false },
      { name: 'guest OS', kind: 'guest-os', shared: false },
      APP,
    ],
    bootMs: 30_000,
    bootSource: `${MAGNITUDES}: "VM boot: tens of seconds for a full OS" (30 s taken, as type 1)`,
    overheadBytes: 1 * GiB,
    overheadSource: `guest kernel + OS, 1 GiB per VM: ${TEACHING}`,
    cpuOverhead: 0.1,
    cpuSource: `10 %: the host OS schedules the hypervisor app like any other: ${TEACHING}`,
    isolation: {
      boundary: 'the VM, inside a hypervisor app on a host OS',
      reaches: ['its guest OS and guest kernel', 'its virtual disk', 'its virtual network card', 'an escape lands in the host OS, not a thin hypervisor'],
      sharedKernel: false,
    },
  },
  microvm: {
    id: 'microvm',
    label: 'MicroVM (Firecracker-like)',
    description: 'A minimal VM monitor on KVM: a tiny guest kernel, no BIOS, a few virtio devices.',
    layers: [
      HW,
      { name: 'host kernel + KVM', kind: 'hypervisor', shared: true },
      { name: 'VMM (jailed, one per microVM)', kind: 'runtime', shared: false },
      { name: 'minimal guest kernel', kind: 'kernel', shared: false },
      APP,
    ],
    bootMs: 125,
    bootSource: `${MAGNITUDES}: Firecracker ~125 ms to user space (Agache et al., NSDI 2020)`,
    overheadBytes: 5 * MiB,
    overheadSource: `${MAGNITUDES}: < 5 MiB overhead per microVM (Agache et al., NSDI 2020); guest memory counted as the app's`,
    cpuOverhead: 0.03,
    cpuSource: `3 %: ${TEACHING}`,
    isolation: {
      boundary: 'a microVM: its own guest kernel, a jailed VMM below',
      reaches: ['its guest kernel', 'its few virtio devices (block, net)'],
      sharedKernel: false,
    },
  },
  container: {
    id: 'container',
    label: 'Containers',
    description: 'Processes on the one host kernel, fenced by namespaces and cgroups.',
    layers: [
      HW,
      { name: 'host kernel', kind: 'kernel', shared: true },
      { name: 'container runtime', kind: 'runtime', shared: true },
      { name: 'namespaces + cgroups', kind: 'isolation', shared: false },
      APP,
    ],
    bootMs: 500,
    bootSource: `${MAGNITUDES}: "container start: ~0.5–1 s through a runtime, the process itself in ms" (0.5 s taken)`,
    overheadBytes: 0,
    overheadSource: 'none: no guest kernel, the container is processes on the host kernel',
    cpuOverhead: 0.01,
    cpuSource: `1 % (cgroup accounting): ${TEACHING}`,
    isolation: {
      boundary: 'namespaces + cgroups on the shared host kernel',
      reaches: ["its namespaces: its processes, its filesystem view, its network namespace", 'the shared host kernel (every system call): a kernel bug reaches every container'],
      sharedKernel: true,
    },
  },
  function: {
    id: 'function',
    label: 'Functions (serverless)',
    description: 'A platform starts a microVM or container per instance on demand and scales to zero.',
    layers: [
      HW,
      { name: 'platform (scheduler, router)', kind: 'platform', shared: true },
      { name: 'microVM (on demand)', kind: 'hypervisor', shared: false },
      { name: 'language runtime', kind: 'runtime', shared: false },
      APP,
    ],
    bootMs: 250,
    bootSource: `${MAGNITUDES}: "serverless cold start: ~100 ms to several seconds" (250 ms taken: a 125 ms microVM + runtime start)`,
    overheadBytes: 5 * MiB,
    overheadSource: `${MAGNITUDES}: runs in a microVM, < 5 MiB overhead each (Agache et al., NSDI 2020)`,
    cpuOverhead: 0.03,
    cpuSource: `3 % (as a microVM): ${TEACHING}`,
    isolation: {
      boundary: "a microVM per function instance (as AWS Lambda's Firecracker)",
      reaches: ['its microVM: its guest kernel and its sandboxed filesystem', "the platform's event API, nothing of other tenants"],
      sharedKernel: false,
    },
  },
};

/** Memory each instance's app uses, bytes (a small web service). */
export const DEFAULT_APP_BYTES = 512 * MiB;
/** Host memory when the machine model has none (presets give no RAM size), bytes. */
export const DEFAULT_HOST_MEMORY_BYTES = 32 * GiB;
/** Host disk (the hardware model has none), bytes. Not a limit in this model: images are shared or thin. */
export const DEFAULT_HOST_DISK_BYTES = 1024 * GiB;
/** Memory the host keeps for itself (host OS, hypervisor, runtime), bytes. */
export const HOST_RESERVE_BYTES = 1 * GiB;

/** The one host instances are launched on. */
export interface HostSpec {
  readonly cores: number;
  readonly memoryBytes: number;
  readonly diskBytes: number;
  /** Memory kept by the host's shared layers, bytes. */
  readonly reserveBytes: number;
  readonly source: string;
}

/** The host of a machine model: its cores and RAM, with documented defaults where it gives none. */
export function hostOf(machine: MachineModel): HostSpec {
  const ram = machine.memory.sizeBytes;
  return {
    cores: machine.cpu.cores,
    memoryBytes: ram?.value ?? DEFAULT_HOST_MEMORY_BYTES,
    diskBytes: DEFAULT_HOST_DISK_BYTES,
    reserveBytes: HOST_RESERVE_BYTES,
    source: `${machine.name}: ${machine.cpu.cores} cores; ${ram ? `RAM ${ram.source}` : `RAM not in the model, ${DEFAULT_HOST_MEMORY_BYTES / GiB} GiB assumed`}; ${HOST_RESERVE_BYTES / GiB} GiB kept by the host's shared layers`,
  };
}

/** Memory one instance takes on the host: the app plus the stack's per-instance overhead, bytes. */
export function instanceBytes(stack: Pick<StackSpec, 'overheadBytes'>, appBytes = DEFAULT_APP_BYTES): number {
  return appBytes + stack.overheadBytes;
}

/**
 * How many of `requested` instances fit in the host's memory after its reserve. CPU is
 * overcommitted (instances share cores), so memory alone decides.
 */
export function fitOnHost(host: Pick<HostSpec, 'memoryBytes' | 'reserveBytes'>, perInstanceBytes: number, requested: number): number {
  if (perInstanceBytes <= 0) return requested;
  const room = Math.max(0, host.memoryBytes - host.reserveBytes);
  return Math.min(requested, Math.floor(room / perInstanceBytes));
}

/** One instance of a launch: when it starts booting and when it is ready, ms. */
export interface LaunchEntry {
  readonly instance: number;
  readonly startMs: number;
  readonly readyMs: number;
}

/** A launch of N instances: which fit, and when each starts and is ready. */
export interface LaunchPlan {
  readonly requested: number;
  readonly fit: number;
  /** At most this many instances boot at once (the host's cores: a boot keeps a core busy). */
  readonly parallel: number;
  readonly bootMs: number;
  readonly perInstanceBytes: number;
  /** The fitted instances 0..fit-1, in start order. */
  readonly timeline: readonly LaunchEntry[];
  /** Until the last fitted instance is ready, ms (0 when none fits). */
  readonly startMs: number;
}

/**
 * Launches `requested` instances: instances 0..fit-1 boot in waves of `host.cores` (instance i
 * in wave ⌊i / cores⌋, starting at wave × bootMs); the rest do not fit and never start.
 */
export function planLaunch(host: HostSpec, stack: Pick<StackSpec, 'overheadBytes' | 'bootMs'>, requested: number, appBytes = DEFAULT_APP_BYTES): LaunchPlan {
  const perInstanceBytes = instanceBytes(stack, appBytes);
  const fit = fitOnHost(host, perInstanceBytes, requested);
  const parallel = Math.max(1, host.cores);
  const timeline: LaunchEntry[] = [];
  for (let i = 0; i < fit; i++) {
    const startMs = Math.floor(i / parallel) * stack.bootMs;
    timeline.push({ instance: i, startMs, readyMs: startMs + stack.bootMs });
  }
  return { requested, fit, parallel, bootMs: stack.bootMs, perInstanceBytes, timeline, startMs: fit === 0 ? 0 : timeline[fit - 1]!.readyMs };
}

/** One step of the evolution strip: what changed, and the stack it sets up. */
export interface EvolutionStep {
  readonly label: string;
  /** Roughly when it became common. */
  readonly year: string;
  readonly changed: string;
  readonly stack: StackId;
}

/**
 * hardware → co-location → VM → container → function: the seed's strip (after
 * read.acloud.guru, "The evolution from servers to functions").
 */
export const EVOLUTION: readonly EvolutionStep[] = [
  { label: 'Hardware', year: '~1990s', changed: 'You buy a server, rack it in your own room and run one app per box on its OS.', stack: 'metal' },
  { label: 'Co-location', year: '~2000', changed: "Your server moves into someone else's data centre: they provide power, cooling and network.", stack: 'metal' },
  { label: 'Virtualization', year: '~2006', changed: 'You rent a VM by the hour (EC2): a hypervisor slices one host among tenants, each with its own guest OS.', stack: 'vm' },
  { label: 'Container', year: '~2013', changed: 'You ship an image (Docker): apps share one kernel, start in about a second, pack densely.', stack: 'container' },
  { label: 'Function', year: '~2014', changed: 'You upload a function (Lambda): the platform starts it per request and scales to zero; you pay per use.', stack: 'function' },
];
