import { describe, expect, it } from 'vitest';
import { parseAddress, splitAddress } from './addressSplit';

describe('splitAddress', () => {
  it('splits a teaching-L1 address by hand', () => {
    // 0x1234 = 4660; L1: 16-byte lines, 4 sets.
    // line = 4660 ÷ 16 = 291 (291 × 16 = 4656), offset = 4660 − 4656 = 4
    // set = 291 mod 4 = 3, tag = 291 ÷ 4 = 72
    const s = splitAddress('0x1234', 16, 4);
    expect([s.addr, s.line, s.set, s.tag, s.offset]).toEqual([4660n, 291n, 3, 72n, 4]);
    // 0x1234 = 0001 0010 0011 0100: offset = low 4 bits 0100, index = next 2 bits 11, tag = the 10 above.
    expect(s.bits).toEqual({ tag: '0001001000', index: '11', offset: '0100' });
    expect(parseInt(s.bits!.tag, 2)).toBe(72);
  });

  it('agrees with the arithmetic for every address of a small space (brute force)', () => {
    for (const [line, sets] of [[16, 4], [32, 16], [64, 1], [8, 2]] as const) {
      for (let a = 0; a < 2048; a += 7) {
        const s = splitAddress(BigInt(a), line, sets);
        expect(Number(s.tag) * sets * line + s.set * line + s.offset).toBe(a);
        const b = s.bits!;
        expect(parseInt(b.tag + b.index + b.offset, 2)).toBe(a);
        expect(b.offset.length).toBe(Math.log2(line));
        expect(b.index.length).toBe(Math.log2(sets));
        expect(parseInt(b.index || '0', 2)).toBe(s.set);
      }
    }
  });

  it('has no bit fields when the set count is not a power of two, and reads 64-bit addresses', () => {
    // 1000 = 62 × 16 + 8: line 62, offset 8; 62 = 5 × 12 + 2: set 2, tag 5.
    const s = splitAddress(1000n, 16, 12);
    expect([s.line, s.set, s.tag, s.offset, s.bits]).toEqual([62n, 2, 5n, 8, null]);
    expect(parseAddress('0xFFFFFFFFFFFFFFFF')).toBe(2n ** 64n - 1n);
    expect(splitAddress('ffffffffffffffff', 64, 64).tag).toBe((2n ** 64n - 1n) / 4096n);
    expect(() => parseAddress('12g')).toThrow(RangeError);
  });
});
