/**
 * WebM from canvas frames: WebCodecs' VideoEncoder, frame by frame with timestamps from the
 * frame index (not wall time), muxed by webm-muxer. Headless Chromium builds can lack a VP8/VP9
 * encoder; `webmSupport` says so before any work starts.
 */
import { ArrayBufferTarget, Muxer } from 'webm-muxer';

const CODECS = [
  { webcodecs: 'vp09.00.10.08', webm: 'V_VP9' },
  { webcodecs: 'vp8', webm: 'V_VP8' },
] as const;

export type WebmSupport = { readonly ok: true; readonly codec: (typeof CODECS)[number] } | { readonly ok: false; readonly reason: string };

/** Video dimensions must be even for VP8/VP9. */
export function evenSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.max(2, Math.floor(width / 2) * 2), height: Math.max(2, Math.floor(height / 2) * 2) };
}

export async function webmSupport(width: number, height: number): Promise<WebmSupport> {
  if (typeof VideoEncoder === 'undefined') return { ok: false, reason: 'This browser has no WebCodecs VideoEncoder, so WebM cannot be encoded here. Export a GIF instead.' };
  for (const codec of CODECS) {
    try {
      const { supported } = await VideoEncoder.isConfigSupported({ codec: codec.webcodecs, width, height, bitrate: 4_000_000 });
      if (supported) return { ok: true, codec };
    } catch {
      // An unknown codec string throws in some builds: try the next one.
    }
  }
  return { ok: false, reason: 'This browser has no VP8 or VP9 encoder (some Linux Chromium builds ship without one), so WebM cannot be encoded here. Export a GIF instead.' };
}

export function createWebmWriter(codec: (typeof CODECS)[number], width: number, height: number, fps: number) {
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({ target, video: { codec: codec.webm, width, height, frameRate: fps } });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (error) => {
      failure = error instanceof Error ? error : new Error(String(error));
    },
  });
  encoder.configure({ codec: codec.webcodecs, width, height, bitrate: 4_000_000, framerate: fps });
  let frames = 0;
  return {
    async add(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<void> {
      if (failure) throw failure;
      const frame = new VideoFrame(canvas, { timestamp: Math.round((frames * 1_000_000) / fps), duration: Math.round(1_000_000 / fps) });
      encoder.encode(frame, { keyFrame: frames % 30 === 0 });
      frame.close();
      frames++;
      // Keep the encoder's queue short so memory stays bounded on long exports.
      while (encoder.encodeQueueSize > 4) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    async finish(): Promise<Uint8Array> {
      await encoder.flush();
      encoder.close();
      if (failure) throw failure;
      muxer.finalize();
      return new Uint8Array(target.buffer);
    },
    abort(): void {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}
