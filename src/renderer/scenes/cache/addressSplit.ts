/**
 * How a cache reads an address: line = addr ÷ line size, offset = addr mod line size,
 * set (index) = line mod sets, tag = line ÷ sets. When line size and sets are powers of two
 * these are bit fields of the address, and the split also gives them as binary strings.
 */

export interface AddressSplit {
  readonly addr: bigint;
  readonly line: bigint;
  readonly set: number;
  readonly tag: bigint;
  readonly offset: number;
  /** The address in binary, cut into tag | index | offset; null when a size is not a power of two. */
  readonly bits: { readonly tag: string; readonly index: string; readonly offset: string } | null;
}

const isPowerOfTwo = (v: number): boolean => Number.isInteger(v) && v > 0 && (v & (v - 1)) === 0;

/** Parses "0x1f40", "1f40" (hex, as traces and the model write them) or a bigint. */
export function parseAddress(addr: string | bigint): bigint {
  if (typeof addr === 'bigint') return addr;
  const text = addr.trim().toLowerCase();
  const hex = text.startsWith('0x') ? text.slice(2) : text;
  if (!/^[0-9a-f]+$/.test(hex)) throw new RangeError(`not a hex address: "${addr}"`);
  return BigInt(`0x${hex}`);
}

/**
 * Splits an address for a cache of `sets` sets of `lineBytes`-byte lines.
 * @param minBits - the binary form is at least this wide (padded with zeros)
 */
export function splitAddress(address: string | bigint, lineBytes: number, sets: number, minBits = 16): AddressSplit {
  const addr = parseAddress(address);
  const lineSize = BigInt(lineBytes);
  const setCount = BigInt(sets);
  const line = addr / lineSize;
  const offset = Number(addr % lineSize);
  const set = Number(line % setCount);
  const tag = line / setCount;
  let bits: AddressSplit['bits'] = null;
  if (isPowerOfTwo(lineBytes) && isPowerOfTwo(sets)) {
    const offsetBits = Math.log2(lineBytes);
    const indexBits = Math.log2(sets);
    const width = Math.max(minBits, Math.ceil(addr.toString(2).length / 4) * 4, offsetBits + indexBits + 1);
    const binary = addr.toString(2).padStart(width, '0');
    bits = {
      tag: binary.slice(0, width - offsetBits - indexBits),
      index: binary.slice(width - offsetBits - indexBits, width - offsetBits),
      offset: binary.slice(width - offsetBits),
    };
  }
  return { addr, line, set, tag, offset, bits };
}
