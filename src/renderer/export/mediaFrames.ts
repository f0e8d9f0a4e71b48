/** Frame counts of exported GIF and WebM files, read from their bytes: what the tests check. Pure. */

/**
 * Counts the images in a GIF by walking its blocks (header, colour tables, extensions, image
 * descriptors): the check the tests use, written from the GIF89a specification.
 */
export function countGifFrames(bytes: Uint8Array): { frames: number; width: number; height: number } {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF89a' && text !== 'GIF87a') throw new Error('not a GIF');
  const width = bytes[6]! | (bytes[7]! << 8);
  const height = bytes[8]! | (bytes[9]! << 8);
  const packed = bytes[10]!;
  let i = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);
  const skipSubBlocks = () => {
    while (bytes[i] !== 0) {
      if (i >= bytes.length) throw new Error('truncated GIF');
      i += bytes[i]! + 1;
    }
    i++;
  };
  let frames = 0;
  for (;;) {
    const block = bytes[i];
    if (block === 0x3b) return { frames, width, height };
    if (block === 0x21) {
      i += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = bytes[i + 9]!;
      i += 10 + (local & 0x80 ? 3 * (1 << ((local & 7) + 1)) : 0);
      i++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${(block ?? 0).toString(16)} at byte ${i}`);
    }
  }
}

/** Counts SimpleBlocks (one per frame here) by walking the EBML tree; for tests. */
export function countWebmFrames(bytes: Uint8Array): number {
  const readVint = (at: number, keepMarker: boolean): { value: number; length: number } => {
    const first = bytes[at]!;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let k = 1; k < length; k++) value = value * 256 + bytes[at + k]!;
    return { value, length };
  };
  const containers = new Set([0x18538067, 0x1f43b675, 0xa0]); // Segment, Cluster, BlockGroup
  let count = 0;
  const walk = (start: number, end: number) => {
    let i = start;
    while (i < end) {
      const id = readVint(i, true);
      const size = readVint(i + id.length, false);
      const body = i + id.length + size.length;
      const unknown = size.value === 2 ** (7 * size.length) - 1;
      const stop = unknown ? end : Math.min(end, body + size.value);
      if (id.value === 0xa3 || id.value === 0xa1) count++;
      else if (containers.has(id.value)) walk(body, stop);
      i = stop;
    }
  };
  walk(0, bytes.length);
  return count;
}
