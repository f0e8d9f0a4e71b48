/**
 * Animated GIF from RGBA frames (gifenc): one palette per frame (flat diagrams quantise well),
 * a fixed delay, looping forever. Pure: runs in a test without a DOM.
 */
import { GIFEncoder, applyPalette, quantize } from 'gifenc';

export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** An incremental encoder, so frames can be added as they are rendered (and the export cancelled). */
export function createGifWriter(delayMs: number) {
  const gif = GIFEncoder();
  let frames = 0;
  return {
    add(frame: RgbaFrame): void {
      const palette = quantize(frame.data, 256);
      gif.writeFrame(applyPalette(frame.data, palette), frame.width, frame.height, { palette, delay: delayMs, repeat: 0 });
      frames++;
    },
    get frames(): number {
      return frames;
    },
    finish(): Uint8Array {
      gif.finish();
      return gif.bytes();
    },
  };
}

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
