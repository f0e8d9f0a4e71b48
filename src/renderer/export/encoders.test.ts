import { describe, expect, it } from 'vitest';
import { createGifWriter } from './gif';
import { countGifFrames, countWebmFrames } from './mediaFrames';
import { evenSize, webmSupport } from './webm';
import { countsCsv, sampleSteps } from './csv';

function frame(width: number, height: number, shade: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([shade, (i * 7) % 256, 255 - shade, 255], i * 4);
  return { width, height, data };
}

describe('GIF export', () => {
  it('writes one image per frame, at the frame size, and the parser counts them', () => {
    const gif = createGifWriter(250);
    for (const shade of [0, 80, 160, 240, 30]) gif.add(frame(24, 10, shade));
    const bytes = gif.finish();
    expect(gif.frames).toBe(5);
    expect(countGifFrames(bytes)).toEqual({ frames: 5, width: 24, height: 10 });
  });

  it('the parser rejects what is not a GIF', () => {
    expect(() => countGifFrames(new TextEncoder().encode('PNG...'))).toThrow('not a GIF');
  });
});

describe('WebM frame counting', () => {
  it('counts SimpleBlocks in a hand-built EBML tree (Segment > Cluster > 3 SimpleBlocks, and a BlockGroup > Block)', () => {
    const el = (id: number[], body: number[]) => [...id, 0x80 | body.length, ...body];
    const block = el([0xa3], [0x81, 0, 0, 0x80, 1, 2]);
    const group = el([0xa0], el([0xa1], [0x81, 0, 0, 0, 9]));
    const cluster = el([0x1f, 0x43, 0xb6, 0x75], [...el([0xe7], [0]), ...block, ...block, ...block, ...group]);
    const segment = el([0x18, 0x53, 0x80, 0x67], cluster);
    const header = el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x82], [0x77, 0x65, 0x62, 0x6d]));
    expect(countWebmFrames(new Uint8Array([...header, ...segment]))).toBe(4);
  });

  it('says plainly when there is no encoder: no WebCodecs, or no VP9/VP8 in this build', async () => {
    const global = globalThis as { VideoEncoder?: unknown };
    expect(global.VideoEncoder).toBeUndefined();
    expect(await webmSupport(640, 360)).toEqual({ ok: false, reason: 'This browser has no WebCodecs VideoEncoder, so WebM cannot be encoded here. Export a GIF instead.' });
    const asked: string[] = [];
    global.VideoEncoder = {
      isConfigSupported: async (config: { codec: string }) => {
        asked.push(config.codec);
        if (config.codec === 'vp8') return { supported: false };
        throw new TypeError('unknown codec');
      },
    };
    try {
      const support = await webmSupport(640, 360);
      expect(asked).toEqual(['vp09.00.10.08', 'vp8']);
      expect(support.ok ? '' : support.reason).toContain('no VP8 or VP9 encoder');
      global.VideoEncoder = { isConfigSupported: async (config: { codec: string }) => ({ supported: config.codec === 'vp8' }) };
      expect(await webmSupport(640, 360)).toEqual({ ok: true, codec: { webcodecs: 'vp8', webm: 'V_VP8' } });
    } finally {
      delete global.VideoEncoder;
    }
  });

  it('rounds video sizes down to even numbers', () => {
    expect(evenSize(1601, 901)).toEqual({ width: 1600, height: 900 });
    expect(evenSize(1, 1)).toEqual({ width: 2, height: 2 });
  });
});

describe('CSV export', () => {
  it('writes a header of the union of counters and quotes what needs it', () => {
    const csv = countsCsv([
      { step: 0, t: 0, counts: { hits: 0 } },
      { step: 1, t: 1.5, counts: { hits: 1, 'misses, L1': 2 } },
    ]);
    expect(csv).toBe('step,t_ns,hits,"misses, L1"\n0,0,0,\n1,1.5,1,2\n');
  });

  it('samples steps evenly with both ends', () => {
    expect(sampleSteps(3, 10)).toEqual([0, 1, 2, 3]);
    expect(sampleSteps(100, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});
