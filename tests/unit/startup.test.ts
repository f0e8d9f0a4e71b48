import { describe, expect, it } from 'vitest';
import type { HostEvent, StartupResult } from '../../src/shared/api';
import { validateArgs } from '../../src/shared/validateArgs';
import { MeasurementService } from '../../src/main/services/measurements';
import { median, quantile } from '../../src/main/workers/startup';
import { cli } from './cliHarness';

function startup(repeat: number): Promise<{ result: StartupResult; events: HostEvent[] }> {
  const service = new MeasurementService({ workers: { kind: 'source' } });
  const events: HostEvent[] = [];
  return new Promise<{ result: StartupResult; events: HostEvent[] }>((resolve, reject) => {
    service.onEvent((e) => {
      events.push(e);
      if (e.type === 'measurement.done') resolve({ result: e.result as StartupResult, events });
      if (e.type === 'measurement.failed') reject(new Error(e.error.message));
    });
    service.start({ kind: 'startup', params: { repeat } });
  }).finally(() => service.dispose());
}

describe('startup: statistics', () => {
  it('median and nearest-rank p90 of hand-made samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // 10 samples 1..10: p90 is rank ceil(0.9 × 10) = 9 → 9; 3 samples: rank ceil(2.7) = 3 → the max.
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBe(9);
    expect(quantile([3, 1, 2], 0.9)).toBe(3);
    expect(quantile([7], 0.5)).toBe(7);
  });
});

describe('startup: validateArgs', () => {
  const check = (params: unknown) => validateArgs('startMeasurement', [{ kind: 'startup', params }]);
  it('accepts repeat 3..200 or none', () => {
    expect(check({}).ok).toBe(true);
    expect(check({ repeat: 3 }).ok).toBe(true);
    expect(check({ repeat: 200 }).ok).toBe(true);
  });
  it.each([2, 201, 1.5, '15'])('rejects repeat %s naming the field', (repeat) => {
    expect(check({ repeat })).toEqual({ ok: false, error: { code: 'bad-request', message: 'startMeasurement: params.repeat must be an integer from 3 to 200' } });
  });
  it('rejects unknown fields', () => {
    expect(check({ repeats: 5 })).toEqual({ ok: false, error: { code: 'bad-request', message: 'startMeasurement: params.repeats is not a known field (expected repeat)' } });
  });
});

describe('startup: real runs', () => {
  it('four kinds, medians > 0, a call far cheaper than a new isolate; progress per run; notes', { timeout: 60_000 }, async () => {
    const { result, events } = await startup(3);
    expect(result.kind).toBe('startup');
    expect(result.results.map((r) => r.kind)).toEqual(['call', 'worker', 'process', 'runtime']);
    for (const r of result.results) {
      expect(r.samples).toBe(3);
      expect(r.medianMs).toBeGreaterThan(0);
      expect(r.p90Ms).toBeGreaterThanOrEqual(r.medianMs);
    }
    const ms = Object.fromEntries(result.results.map((r) => [r.kind, r.medianMs]));
    // Orders of magnitude, not timings: a call is nanoseconds, any start-up at least tens of µs.
    expect(ms.call! * 100).toBeLessThan(ms.worker!);
    expect(ms.call! * 100).toBeLessThan(ms.process!);
    // A runtime is a process that must also boot a JavaScript engine.
    expect(ms.process!).toBeLessThan(ms.runtime!);
    const progress = events.filter((e) => e.type === 'measurement.progress');
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
    expect(result.notes.some((n) => /container/.test(n))).toBe(true);
    expect(result.notes.some((n) => /not measured/.test(n))).toBe(true);
  });

  it('cancel ends the job as cancelled', { timeout: 60_000 }, async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      const failed = new Promise<HostEvent>((resolve) => {
        service.onEvent((e) => {
          if (e.type === 'measurement.progress' && e.progress.message.startsWith('worker_thread')) service.cancel(jobId);
          if (e.type === 'measurement.failed' || e.type === 'measurement.done') resolve(e);
        });
      });
      const { jobId } = service.start({ kind: 'startup', params: { repeat: 200 } });
      expect(await failed).toMatchObject({ type: 'measurement.failed', error: { code: 'cancelled' } });
      expect(service.running()).toBeNull();
    } finally {
      await service.dispose();
    }
  });
});

describe('startup: CLI', () => {
  it('measure startup --repeat 3 --json: the contract shape (snake_case)', { timeout: 60_000 }, async () => {
    const run = await cli('measure', 'startup', '--repeat', '3', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { results: { kind: string; median_ms: number; p90_ms: number }[]; notes: string[] };
    expect(out.results.map((r) => r.kind)).toEqual(['call', 'worker', 'process', 'runtime']);
    for (const r of out.results) {
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.p90_ms).toBeGreaterThanOrEqual(r.median_ms);
    }
    expect(run.stderr).toMatch(/runtime \(node -e 0\): run 3 of 3/);
  });

  it('--repeat out of range: exit 1 naming the flag', { timeout: 30_000 }, async () => {
    const run = await cli('measure', 'startup', '--repeat', '2', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--repeat must be an integer from 3 to 200');
  });
});
