import { describe, expect, it } from 'vitest';
import type { HostEvent, MemoryMountainResult } from '../../src/shared/api';
import { MeasurementService } from '../../src/main/services/measurements';
import { elementsRead, sumStride } from '../../src/main/workers/memoryMountain';
import { validateArgs } from '../../src/shared/validateArgs';
import { cli } from './cliHarness';

function runToEnd(service: MeasurementService, params: { maxBytes: number; strides?: number[] }): Promise<{ events: HostEvent[]; result: MemoryMountainResult }> {
  const events: HostEvent[] = [];
  return new Promise((resolve, reject) => {
    service.onEvent((e) => {
      events.push(e);
      if (e.type === 'measurement.done' && e.result.kind === 'memory-mountain') resolve({ events, result: e.result });
      if (e.type === 'measurement.failed') reject(new Error(e.error.message));
    });
    service.start({ kind: 'memory-mountain', params });
  });
}



const mountain = (params: Record<string, unknown>) => [{ kind: 'memory-mountain', params }];

describe('memory mountain', () => {
  it('sums exactly every stride-th element (brute force against a plain loop)', () => {
    // a[k] = k + 1, so a wrong index shows up in the sum.
    for (const length of [1, 2, 3, 7, 8, 9, 64, 100, 513]) {
      const a = Float64Array.from({ length }, (_, k) => k + 1);
      for (const stride of [1, 2, 3, 4, 5, 8, 16, 32, 64]) {
        let expected = 0;
        let count = 0;
        for (let k = 0; k < length; k += stride) {
          expected += k + 1;
          count++;
        }
        expect(sumStride(a, stride)).toBe(expected);
        expect(elementsRead(length, stride)).toBe(count);
      }
    }
    // Hand-worked: 10 elements at stride 4 read a[0], a[4], a[8] → 1 + 5 + 9 = 15.
    expect(sumStride(Float64Array.from({ length: 10 }, (_, k) => k + 1), 4)).toBe(15);
  });

  it('measures every (working set, stride) cell for real in a worker', async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      const strides = [1, 4, 16];
      const { events, result } = await runToEnd(service, { maxBytes: 64 * 1024, strides });
      const sizes = [4096, 8192, 16384, 32768, 65536];
      expect(result.points.map((p) => [p.bytes, p.stride])).toEqual(sizes.flatMap((b) => strides.map((s) => [b, s])));
      for (const p of result.points) {
        expect(p.gbPerS).toBeGreaterThan(0);
        expect(Number.isFinite(p.gbPerS)).toBe(true);
      }
      expect(result.elementBytes).toBe(8);
      expect(result.stamp.cores).toBeGreaterThan(0);
      expect(Date.parse(result.startedAt)).not.toBeNaN();
      const progress = events.filter((e) => e.type === 'measurement.progress');
      // One step per working set, then the quick pointer chase behind the prediction's latencies.
      expect(progress).toHaveLength(sizes.length + 1);
      expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
    } finally {
      await service.dispose();
    }
  });

  it('uses the default strides 1, 2, 4, 8, 16, 32', async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      const { result } = await runToEnd(service, { maxBytes: 4096 });
      expect(result.points.map((p) => p.stride)).toEqual([1, 2, 4, 8, 16, 32]);
    } finally {
      await service.dispose();
    }
  });

  it.each([
    [mountain({ maxBytes: 4095 }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mountain({ maxBytes: 2 ** 31 + 1 }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mountain({}), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mountain({ maxBytes: 4096, strides: [0] }), 'startMeasurement: params.strides[0] must be an integer from 1 to 64'],
    [mountain({ maxBytes: 4096, strides: [1, 65] }), 'startMeasurement: params.strides[1] must be an integer from 1 to 64'],
    [mountain({ maxBytes: 4096, strides: [1.5] }), 'startMeasurement: params.strides[0] must be an integer from 1 to 64'],
    [mountain({ maxBytes: 4096, strides: [] }), 'startMeasurement: params.strides must be an array of 1 to 16 integers'],
    [mountain({ maxBytes: 4096, strides: Array.from({ length: 17 }, () => 1) }), 'startMeasurement: params.strides must be an array of 1 to 16 integers'],
    [mountain({ maxBytes: 4096, strides: '1,2' }), 'startMeasurement: params.strides must be an array of 1 to 16 integers'],
    [mountain({ maxBytes: 4096, budgetMs: 999 }), 'startMeasurement: params.budgetMs must be an integer from 1000 to 600000'],
    [mountain({ maxBytes: 4096, budgetMs: 600_001 }), 'startMeasurement: params.budgetMs must be an integer from 1000 to 600000'],
    [mountain({ maxBytes: 4096, repeats: 3 }), 'startMeasurement: params.repeats is not a known field (expected maxBytes, strides, budgetMs)'],
  ])('startMeasurement %j → bad-request', (args, message) => {
    expect(validateArgs('startMeasurement', args)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });

  it('accepts the limits themselves', () => {
    expect(validateArgs('startMeasurement', mountain({ maxBytes: 4096, strides: Array.from({ length: 16 }, (_, i) => i + 1), budgetMs: 1000 })).ok).toBe(true);
    expect(validateArgs('startMeasurement', mountain({ maxBytes: 2 ** 31, strides: [64], budgetMs: 600_000 })).ok).toBe(true);
  });

  it('nanoscope measure memory-mountain --json: the documented shape, real numbers; bad flags → 1', async () => {
    const r = await cli('measure', 'memory-mountain', '--max-bytes', '16K', '--strides', '1,8', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { points: { bytes: number; stride: number; gbPerS: number }[]; elementBytes: number; caches: unknown[]; stamp: { cores: number } };
    // The documented fields first, then (issue 15) the run's spread and the machine's load.
    expect(Object.keys(out).slice(0, 6)).toEqual(['points', 'elementBytes', 'caches', 'stamp', 'startedAt', 'wallMs']);
    const { spread, load } = out as unknown as { spread: { min: number; median: number; max: number; repeats: number; unit: string }; load: { cores: number; busy: boolean } };
    expect(spread.unit).toBe('GB/s');
    expect(spread.repeats).toBe(3);
    expect(spread.min <= spread.median && spread.median <= spread.max).toBe(true);
    expect(typeof load.busy).toBe('boolean');
    expect(out.elementBytes).toBe(8);
    expect(out.points.map((p) => `${p.bytes}/${p.stride}`)).toEqual(['4096/1', '4096/8', '8192/1', '8192/8', '16384/1', '16384/8']);
    for (const p of out.points) expect(p.gbPerS).toBeGreaterThan(0);
    expect(r.stderr).toContain('[100%] 16 KiB:');
    const bad = await cli('measure', 'memory-mountain', '--strides', '1,99', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toEqual({ error: { code: 'bad-input', message: '--strides must be an integer from 1 to 64 (got 99)', exitCode: 1 } });
    const many = await cli('measure', 'memory-mountain', '--strides', Array.from({ length: 17 }, () => '1').join(','), '--json');
    expect(many.code).toBe(1);
    expect(JSON.parse(many.stderr).error.message).toBe('--strides must be an array of 1 to 16 integers');
    const usage = await cli('measure', 'memory-mountain', '--repeats', '3');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('nanoscope measure memory-mountain: unknown flag --repeats');
  });

  it('a budget that cannot be met → budget error, exit 3', async () => {
    const r = await cli('measure', 'memory-mountain', '--max-bytes', '1G', '--budget-ms', '1000', '--json');
    expect(r.code).toBe(3);
    const err = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: { code: string; exitCode: number; message: string } };
    expect(err.error).toMatchObject({ code: 'budget', exitCode: 3 });
    expect(err.error.message).toMatch(/^memory-mountain: budget exceeded: 1000 ms (would be exceeded|passed) at \d+ [KMG]iB/);
  });
});
