/**
 * Branded units. A plain number does not type-check where a unit is expected, so a
 * byte count cannot be passed as a latency by mistake. Convert with the constructors below.
 */

/** A duration or an instant of virtual time, in nanoseconds. */
export type Nanos = number & { readonly __unit: 'ns' };
/** A size in bytes. */
export type Bytes = number & { readonly __unit: 'bytes' };
/** A byte address in a simulated memory. */
export type Addr = number & { readonly __unit: 'addr' };

/** Brands a number of nanoseconds. */
export const nanos = (value: number): Nanos => value as Nanos;
/** Brands a number of bytes. */
export const bytes = (value: number): Bytes => value as Bytes;
/** Brands a byte address. */
export const addr = (value: number): Addr => value as Addr;

/** 1 KiB, 1 MiB, 1 GiB in bytes. */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** Nanoseconds in one microsecond, millisecond and second. */
export const NS_PER_US = 1e3;
export const NS_PER_MS = 1e6;
export const NS_PER_S = 1e9;
