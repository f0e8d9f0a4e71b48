/**
 * The one machine description every scene reads. Later scenes extend it with optional
 * fields; they never fork it. Every number carries the source it came from, and a number a
 * table does not give is absent (`undefined`) — never invented.
 */
import type { Bytes, Nanos } from '../core/units';

/** A figure with where it came from (a table, a paper, a measurement on this machine). */
export interface Figure<T extends number = number> {
  readonly value: T;
  /** Short citation shown in the UI, e.g. "Dean/Norvig ~2012" or "measured: pointer chase". */
  readonly source: string;
}

/** Replacement policy of a cache level. `tree-plru` needs a power-of-two number of ways. */
export type Replacement = 'lru' | 'fifo' | 'random' | 'tree-plru';
export type WritePolicy = 'write-back' | 'write-through';
export type AllocatePolicy = 'write-allocate' | 'no-write-allocate';
/** What a cache holds, with the names Linux uses in sysfs. */
export type CacheType = 'Data' | 'Instruction' | 'Unified';

export interface CacheLevelSpec {
  /** 1 for L1, 2 for L2, ... */
  readonly level: number;
  readonly type: CacheType;
  readonly sizeBytes: Bytes;
  /** Associativity; `'full'` is fully associative (one set). 1 is direct-mapped. */
  readonly ways: number | 'full';
  readonly lineBytes: Bytes;
  readonly replacement: Replacement;
  readonly write: WritePolicy;
  readonly allocate: AllocatePolicy;
  /** Load-to-use latency of a hit at this level. */
  readonly latency?: Figure<Nanos>;
  /** Shared by all cores (true for a typical L3) or private per core. */
  readonly shared: boolean;
  readonly source: string;
}

export interface MachineModel {
  /** Stable id used in URLs and on the CLI: `2012`, `2020`, `teaching`, `this-machine`. */
  readonly id: string;
  readonly name: string;
  /** Where the table as a whole comes from, shown beside the preset name. */
  readonly source: string;
  /** True when the figures were measured on the user's machine (missing = "not measured"). */
  readonly measured: boolean;
  readonly cpu: {
    readonly cores: number;
    readonly clockGHz?: Figure;
    readonly branchMispredict?: Figure<Nanos>;
  };
  /** Ordered from L1 outwards. L1 may be split into Data and Instruction. */
  readonly caches: readonly CacheLevelSpec[];
  readonly coherence: {
    /** Moving a modified cache line from one core's cache to another's. */
    readonly lineTransfer?: Figure<Nanos>;
  };
  readonly os: {
    readonly mutexLockUnlock?: Figure<Nanos>;
    readonly contextSwitch?: Figure<Nanos>;
    readonly threadCreate?: Figure<Nanos>;
    readonly processSpawn?: Figure<Nanos>;
  };
  readonly memory: {
    readonly sizeBytes?: Figure<Bytes>;
    readonly latency?: Figure<Nanos>;
    /** Bytes per second. */
    readonly bandwidth?: Figure;
    readonly read1MB?: Figure<Nanos>;
  };
  readonly ssd: {
    readonly randomRead4K?: Figure<Nanos>;
    readonly read1MB?: Figure<Nanos>;
  };
  readonly hdd: {
    readonly seek?: Figure<Nanos>;
    readonly read1MB?: Figure<Nanos>;
  };
  readonly network: {
    readonly send1KB?: Figure<Nanos>;
    readonly datacenterRoundTrip?: Figure<Nanos>;
    readonly intercontinentalRoundTrip?: Figure<Nanos>;
  };
  readonly compression: {
    readonly compress1KB?: Figure<Nanos>;
  };
}

/** One problem found by validation; `path` names the field, e.g. `caches[1].ways`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };
