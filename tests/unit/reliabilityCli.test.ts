import { describe, expect, it } from 'vitest';
import { cliWithEnv } from './cliHarness';

describe('spread and load in the CLI (issue 15)', () => {
  it('measure memory-latency --json: spread of the largest set, load, plain-word notes; no OS caches with NANOSCOPE_CACHE_SOURCES=none', async () => {
    const run = await cliWithEnv({ NANOSCOPE_CACHE_SOURCES: 'none' }, 'measure', 'memory-latency', '--max-bytes', '64K', '--repeats', '3', '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      points: { bytes: number; ns: number; spread: { min: number; median: number; max: number; repeats: number; unit: string } }[];
      caches: unknown[];
      cacheNotes: string[];
      spread: { min: number; median: number; max: number; repeats: number; unit: string };
      spreadFigure: string;
      load: { cores: number; loadBefore: number; loadAfter: number; stealPct: number | null; busy: boolean; note: string | null };
      reliability: string[];
    };
    expect(out.caches).toEqual([]);
    expect(out.cacheNotes).toEqual(["NANOSCOPE_CACHE_SOURCES=none: the OS's cache reports are switched off"]);
    const last = out.points.at(-1)!;
    expect(out.spread).toEqual(last.spread);
    expect([out.spread.repeats, out.spread.unit, out.spreadFigure]).toEqual([3, 'ns', 'ns per load at 64 KiB']);
    // The point's figure is the best repeat, so it is the spread's min (both rounded).
    expect(Math.abs(out.spread.min - last.ns)).toBeLessThan(0.01 * last.ns + 0.01);
    expect(out.spread.min <= out.spread.median && out.spread.median <= out.spread.max).toBe(true);
    expect(Object.keys(out.load)).toEqual(['cores', 'loadBefore', 'loadAfter', 'stealPct', 'busy', 'note']);
    expect(out.load.cores).toBeGreaterThan(0);
    // Whatever the host's load, the notes and `busy` agree.
    expect(out.reliability.includes(out.load.note ?? '')).toBe(out.load.busy);
  });
});
