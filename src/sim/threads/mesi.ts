/**
 * Private per-core caches for a few shared cache lines, kept coherent by MESI (snooping bus).
 * Each access by a core is a read (load), a write (store) or a read-modify-write (fetch_add,
 * cas, lock: it needs the line exclusively, like a write). Costs come from the hardware
 * model: a hit costs the L1 latency; a line moved from (or invalidated in) another core costs
 * one cross-core line transfer; a line nobody holds comes from memory.
 */
import type { MachineModel } from '../hardware/types';

/** A cache line's state in one core's cache. */
export type Mesi = 'M' | 'E' | 'S' | 'I';
/** State codes in a {@link CoherentCaches} array. */
export const MESI = { I: 0, S: 1, E: 2, M: 3 } as const;
const NAMES: readonly Mesi[] = ['I', 'S', 'E', 'M'];

/** What an access does to the line. */
export type AccessKind = 'read' | 'write' | 'rmw';

/** Bus transactions: read for sharing, read for ownership, upgrade (invalidate others), write-back. */
export type BusEvent = 'BusRd' | 'BusRdX' | 'BusUpgr' | 'Flush' | 'none';

/** One core's line changing state, and the bus transaction that did it. */
export interface CoherenceTransition {
  readonly core: number;
  readonly line: number;
  readonly from: Mesi;
  readonly to: Mesi;
  readonly bus: BusEvent;
  /** Cost charged to the requesting core for this transition, ns (0 for a snooping core). */
  readonly ns: number;
}

/** Costs of an access, ns. */
export interface CoherenceCosts {
  /** A hit in the core's own cache (L1). */
  readonly hit: number;
  /** Moving a line from, or invalidating it in, another core's cache. */
  readonly transfer: number;
  /** Fetching a line that no cache holds. */
  readonly memory: number;
  /** Where `transfer` comes from; says "default" when the machine has no figure. */
  readonly transferSource: string;
}

/** Used when a preset gives no cross-core transfer figure: latency.md's magnitudes put it between L3 and DRAM. */
export const DEFAULT_LINE_TRANSFER_NS = 60;
/** Used when a preset gives no L1 latency. */
export const DEFAULT_HIT_NS = 1;
/** Used when a preset gives no memory latency (Dean/Norvig's main memory reference). */
export const DEFAULT_MEMORY_NS = 100;

/** The coherence costs of a machine, with documented defaults for figures it lacks. */
export function coherenceCosts(machine: MachineModel): CoherenceCosts {
  const l1 = machine.caches.find((c) => c.level === 1 && c.type !== 'Instruction')?.latency?.value;
  const transfer = machine.coherence.lineTransfer;
  return {
    hit: l1 ?? DEFAULT_HIT_NS,
    transfer: transfer?.value ?? DEFAULT_LINE_TRANSFER_NS,
    memory: machine.memory.latency?.value ?? DEFAULT_MEMORY_NS,
    transferSource: transfer?.source ?? `default ~${DEFAULT_LINE_TRANSFER_NS} ns (the preset has no figure; a teaching figure between its L3 and DRAM latencies)`,
  };
}

/** The outcome of one access. */
export interface AccessResult {
  /** Cost to the requesting core, ns. */
  readonly ns: number;
  /** Every state change, the requester's last. */
  readonly transitions: CoherenceTransition[];
  /** True when the line moved between cores or copies were invalidated (a coherence miss). */
  readonly transfer: boolean;
  /** Copies invalidated in other cores. */
  readonly invalidations: number;
}

/** The caches of `cores` cores for `lines` lines; every line starts Invalid everywhere. */
export class CoherentCaches {
  /** states[line × cores + core], a {@link MESI} code. */
  readonly states: Uint8Array;
  constructor(
    readonly cores: number,
    readonly lines: number,
    states?: Uint8Array,
  ) {
    this.states = states ? states.slice() : new Uint8Array(cores * lines);
  }

  /** A copy. */
  clone(): CoherentCaches {
    return new CoherentCaches(this.cores, this.lines, this.states);
  }

  /** The state of `line` in `core`'s cache. */
  state(core: number, line: number): Mesi {
    return NAMES[this.states[line * this.cores + core]!]!;
  }

  /** Core `core` accesses `line`; updates every cache and says what it cost. */
  access(core: number, line: number, kind: AccessKind, costs: CoherenceCosts): AccessResult {
    const n = this.cores;
    const at = line * n;
    const s = this.states;
    const own = s[at + core]!;
    const transitions: CoherenceTransition[] = [];
    const set = (c: number, to: number, bus: BusEvent, ns: number) => {
      const from = s[at + c]!;
      s[at + c] = to;
      transitions.push({ core: c, line, from: NAMES[from]!, to: NAMES[to]!, bus, ns });
    };
    let others = 0;
    let modified = -1;
    for (let c = 0; c < n; c++) {
      if (c === core || s[at + c] === MESI.I) continue;
      others++;
      if (s[at + c] === MESI.M) modified = c;
    }
    if (kind === 'read') {
      if (own !== MESI.I) return { ns: costs.hit, transitions, transfer: false, invalidations: 0 };
      if (others === 0) {
        set(core, MESI.E, 'BusRd', costs.memory);
        return { ns: costs.memory, transitions, transfer: false, invalidations: 0 };
      }
      for (let c = 0; c < n; c++) {
        if (c === core) continue;
        // The owner of a modified line writes it back (Flush) and keeps a shared copy.
        if (s[at + c] === MESI.M) set(c, MESI.S, 'Flush', 0);
        else if (s[at + c] === MESI.E) set(c, MESI.S, 'BusRd', 0);
      }
      set(core, MESI.S, 'BusRd', costs.transfer);
      return { ns: costs.transfer, transitions, transfer: true, invalidations: 0 };
    }
    // write or read-modify-write: the line must be exclusive in this core.
    if (own === MESI.M) return { ns: costs.hit, transitions, transfer: false, invalidations: 0 };
    if (own === MESI.E) {
      set(core, MESI.M, 'none', costs.hit);
      return { ns: costs.hit, transitions, transfer: false, invalidations: 0 };
    }
    if (others === 0) {
      set(core, MESI.M, 'BusRdX', costs.memory);
      return { ns: costs.memory, transitions, transfer: false, invalidations: 0 };
    }
    const bus: BusEvent = own === MESI.S ? 'BusUpgr' : 'BusRdX';
    for (let c = 0; c < n; c++) {
      if (c === core || s[at + c] === MESI.I) continue;
      set(c, MESI.I, c === modified ? 'Flush' : bus, 0);
    }
    set(core, MESI.M, bus, costs.transfer);
    return { ns: costs.transfer, transitions, transfer: true, invalidations: others };
  }
}
