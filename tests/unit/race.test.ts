import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { FalseSharingResult, HostEvent, MeasurementRequest, RaceParams, RaceResult } from '../../src/shared/api';
import { validateArgs } from '../../src/shared/validateArgs';
import { MeasurementService } from '../../src/main/services/measurements';
import { expectedFinal } from '../../src/main/workers/race';
import { median } from '../../src/main/workers/falseSharing';
import { cli } from './cliHarness';

const cores = availableParallelism();

function measure<R>(request: MeasurementRequest): Promise<{ result: R; events: HostEvent[] }> {
  const service = new MeasurementService({ workers: { kind: 'source' } });
  const events: HostEvent[] = [];
  return new Promise<{ result: R; events: HostEvent[] }>((resolve, reject) => {
    service.onEvent((e) => {
      events.push(e);
      if (e.type === 'measurement.done') resolve({ result: e.result as R, events });
      if (e.type === 'measurement.failed') reject(new Error(e.error.message));
    });
    service.start(request);
  }).finally(() => service.dispose());
}

const race = (params: RaceParams) => measure<RaceResult>({ kind: 'race', params });


describe('race: expected values', () => {
  it('every thread adds K, except incdec where odd threads subtract K', () => {
    expect(expectedFinal('plain', 2, 1000)).toBe(2000);
    expect(expectedFinal('mutex', 3, 7)).toBe(21);
    expect(expectedFinal('incdec', 2, 10_000_000)).toBe(0); // the seed: +10 M and −10 M
    expect(expectedFinal('incdec', 3, 5)).toBe(5); // +5 −5 +5
    expect(expectedFinal('incdec', 4, 5)).toBe(0);
  });

  it('median of the false-sharing runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('race: real worker_threads on a SharedArrayBuffer', () => {
  // Two threads can only interleave a load and a store if they run at the same time.
  it.skipIf(cores < 2)('plain v[0] += 1: 2 threads × 10^6 lose updates', { timeout: 150_000 }, async () => {
    const { result, events } = await race({ workers: 2, iterations: 1_000_000, strategy: 'plain', repeat: 10 });
    expect(result.runs).toHaveLength(10);
    for (const run of result.runs) {
      expect(run.expected).toBe(2_000_000);
      expect(run.lost).toBe(2_000_000 - run.final);
      // Increments only: a lost update can lower the total, never raise it; and two threads
      // end at 2 at the very least (the scene's surprising lower bound).
      expect(run.final).toBeLessThanOrEqual(2_000_000);
      expect(run.final).toBeGreaterThanOrEqual(2);
      expect(run.ms).toBeGreaterThan(0);
    }
    // On a busy 2-core machine (other tests run beside this one) the OS may run the two loops one
    // after the other in every run of a batch; then more batches, up to four, until one loses.
    let lost = result.runs.some((run) => run.lost > 0);
    for (let batch = 0; batch < 3 && !lost; batch++) {
      const again = await race({ workers: 2, iterations: 1_000_000, strategy: 'plain', repeat: 10 });
      lost = again.result.runs.some((run) => run.lost > 0);
    }
    expect(lost).toBe(true);
    expect(result.cores).toBe(cores);
    expect(result.opsPerS).toBeGreaterThan(0);
    expect(result.params).toEqual({ workers: 2, iterations: 1_000_000, strategy: 'plain', repeat: 10 });
    const progress = events.filter((e) => e.type === 'measurement.progress');
    expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
    expect(progress.filter((e) => e.type === 'measurement.progress' && /^run \d+ of 10/.test(e.progress.message))).toHaveLength(10);
  });

  it.each(['atomic', 'cas', 'mutex'] as const)('%s: 3 threads × 200,000 lose nothing (exactly 600,000)', { timeout: 60_000 }, async (strategy) => {
    const { result } = await race({ workers: 3, iterations: 200_000, strategy, repeat: 2 });
    expect(result.runs.map((r) => [r.final, r.expected, r.lost])).toEqual([
      [600_000, 600_000, 0],
      [600_000, 600_000, 0],
    ]);
    for (const run of result.runs) {
      if (strategy === 'cas') expect(run.retries).toBeGreaterThanOrEqual(0);
      else expect(run.retries).toBeUndefined();
    }
  });

  it('incdec: expected 0, lost = |final|', { timeout: 60_000 }, async () => {
    const { result } = await race({ workers: 2, iterations: 500_000, strategy: 'incdec', repeat: 3 });
    for (const run of result.runs) {
      expect(run.expected).toBe(0);
      expect(run.lost).toBe(Math.abs(run.final));
      expect(Math.abs(run.final)).toBeLessThanOrEqual(500_000);
    }
  });

  it('one thread alone never loses an update, even plain', { timeout: 60_000 }, async () => {
    const { result } = await race({ workers: 1, iterations: 300_000, strategy: 'plain', repeat: 2 });
    expect(result.runs.map((r) => r.final)).toEqual([300_000, 300_000]);
  });

  it('cancel stops a long race at once', { timeout: 60_000 }, async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      const failed = new Promise<HostEvent>((resolve) =>
        service.onEvent((e) => {
          if (e.type === 'measurement.progress') service.cancel(jobId);
          if (e.type === 'measurement.failed' || e.type === 'measurement.done') resolve(e);
        }),
      );
      const { jobId } = service.start({ kind: 'race', params: { workers: 2, iterations: 100_000_000, strategy: 'mutex', repeat: 100 } });
      expect(await failed).toEqual({ type: 'measurement.failed', jobId, error: { code: 'cancelled', message: 'race measurement cancelled' } });
      expect(service.running()).toBeNull();
    } finally {
      await service.dispose();
    }
  });
});

describe('race and false-sharing: argument checks', () => {
  const req = (params: Record<string, unknown>) => [{ kind: 'race', params }];
  const good = { workers: 2, iterations: 1000, strategy: 'plain', repeat: 1 };
  it('accepts the ranges of the contract', () => {
    expect(validateArgs('startMeasurement', req(good)).ok).toBe(true);
    expect(validateArgs('startMeasurement', req({ workers: 64, iterations: 33_554_431, strategy: 'incdec', repeat: 100 })).ok).toBe(true);
    expect(validateArgs('startMeasurement', req({ workers: 1, iterations: 100_000_000, strategy: 'mutex', repeat: 1 })).ok).toBe(true);
    expect(validateArgs('startMeasurement', [{ kind: 'false-sharing', params: {} }]).ok).toBe(true);
    expect(validateArgs('startMeasurement', [{ kind: 'false-sharing', params: { iterations: 100_000_000 } }]).ok).toBe(true);
  });

  it.each([
    [req({ ...good, workers: 0 }), 'startMeasurement: params.workers must be an integer from 1 to 64'],
    [req({ ...good, workers: 65 }), 'startMeasurement: params.workers must be an integer from 1 to 64'],
    [req({ ...good, iterations: 0 }), 'startMeasurement: params.iterations must be an integer from 1 to 100000000'],
    [req({ ...good, iterations: 100_000_001 }), 'startMeasurement: params.iterations must be an integer from 1 to 100000000'],
    [req({ ...good, strategy: 'lockfree' }), 'startMeasurement: params.strategy must be one of plain, atomic, cas, mutex, incdec'],
    [req({ ...good, repeat: 101 }), 'startMeasurement: params.repeat must be an integer from 1 to 100'],
    [req({ ...good, repeat: undefined }), 'startMeasurement: params.repeat must be an integer from 1 to 100'],
    [req({ ...good, threads: 2 }), 'startMeasurement: params.threads is not a known field (expected workers, iterations, strategy, repeat)'],
    // 64 × 33,554,432 = 2^31: one past the largest Int32.
    [req({ ...good, workers: 64, iterations: 33_554_432 }), 'startMeasurement: params.iterations must be at most 33554431 with 64 workers (the shared counter is a 32-bit integer)'],
    [[{ kind: 'false-sharing', params: { iterations: 0 } }], 'startMeasurement: params.iterations must be an integer from 1 to 100000000'],
    [[{ kind: 'false-sharing', params: { padding: 64 } }], 'startMeasurement: params.padding is not a known field (expected iterations)'],
  ])('%j → %s', (args, message) => {
    expect(validateArgs('startMeasurement', args)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });
});

describe('nanoscope measure race / false-sharing', () => {
  it('race --json: the contract shape, snake_case', { timeout: 60_000 }, async () => {
    const r = await cli('measure', 'race', '--workers', '2', '--iterations', '1000', '--strategy', 'atomic', '--repeat', '3', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { runs: { final: number; expected: number; lost: number; ms: number }[]; ops_per_s: number; cores: number };
    expect(out.runs.map(({ final, expected, lost }) => ({ final, expected, lost }))).toEqual(Array(3).fill({ final: 2000, expected: 2000, lost: 0 }));
    for (const run of out.runs) expect(typeof run.ms).toBe('number');
    expect(out.ops_per_s).toBeGreaterThan(0);
    expect(out.cores).toBe(cores);
    expect(r.stderr).toContain('[100%] run 3 of 3: 2,000 (expected 2,000, lost 0)');
  });

  it('race: a bad strategy → exit 1 naming the flag; an unknown flag → exit 2', async () => {
    const bad = await cli('measure', 'race', '--strategy', 'gil', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toEqual({ error: { code: 'bad-input', message: '--strategy must be one of plain, atomic, cas, mutex, incdec', exitCode: 1 } });
    const workers = await cli('measure', 'race', '--workers', '65', '--json');
    expect(JSON.parse(workers.stderr)).toEqual({ error: { code: 'bad-input', message: '--workers must be an integer from 1 to 64', exitCode: 1 } });
    const usage = await cli('measure', 'race', '--reads', '20', '--json');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toMatchObject({ error: { code: 'usage', message: 'nanoscope measure race: unknown flag --reads' } });
  });

  it('false-sharing --json: same_line_ms, padded_ms, ratio', { timeout: 60_000 }, async () => {
    const r = await cli('measure', 'false-sharing', '--iterations', '200000', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { same_line_ms: number; padded_ms: number; ratio: number };
    expect(out.same_line_ms).toBeGreaterThan(0);
    expect(out.padded_ms).toBeGreaterThan(0);
    expect(out.ratio).toBeCloseTo(out.same_line_ms / out.padded_ms, 1);
    expect(r.stderr.trim().split('\n')).toHaveLength(10); // 5 rounds × 2 layouts
  });

  it('false-sharing in the service: both layouts timed, the result stamped', { timeout: 60_000 }, async () => {
    const { result } = await measure<FalseSharingResult>({ kind: 'false-sharing', params: { iterations: 100_000 } });
    expect(result.kind).toBe('false-sharing');
    expect(result.sameLineMs).toBeGreaterThan(0);
    expect(result.paddedMs).toBeGreaterThan(0);
    expect(result.stamp.cores).toBe(cores);
  });
});
