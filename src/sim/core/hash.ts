/**
 * FNV-1a, 32-bit, over the UTF-8 bytes of a string: a small stable fingerprint for
 * determinism tests ("same seed, same trace hash"). Not for security.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit hash of the UTF-8 encoding of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET;
  const mix = (byte: number): void => {
    h = Math.imul(h ^ byte, FNV_PRIME);
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 63));
      mix(0x80 | (cp & 63));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 63));
      mix(0x80 | ((cp >> 6) & 63));
      mix(0x80 | (cp & 63));
    }
  }
  return h >>> 0;
}

/** FNV-1a 32-bit hash of `JSON.stringify(value)` (key order matters, as in the JSON). */
export function hashJson(value: unknown): number {
  return fnv1a32(JSON.stringify(value) ?? 'undefined');
}
