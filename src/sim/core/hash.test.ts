import { describe, expect, it } from 'vitest';
import { fnv1a32, hashJson } from './hash';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // From the FNV reference test suite (Landon Curt Noll): "" → offset basis, "a", "foobar".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-8 bytes: "µ" is the two bytes C2 B5', () => {
    // Byte by byte: h = (h ^ byte) × prime mod 2^32.
    let h = 0x811c9dc5;
    for (const byte of [0xc2, 0xb5]) h = Number((BigInt((h ^ byte) >>> 0) * 0x01000193n) & 0xffffffffn);
    expect(fnv1a32('µ')).toBe(h);
    expect(hashJson({ a: 1 })).toBe(fnv1a32('{"a":1}'));
  });
});
