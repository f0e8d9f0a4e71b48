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
