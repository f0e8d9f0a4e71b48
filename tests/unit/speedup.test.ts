import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { HostEvent, SpeedupResult } from '../../src/shared/api';
import { validateArgs } from '../../src/shared/validateArgs';
import { MeasurementService } from '../../src/main/services/measurements';
import { countPrimesShare, fitSerialFraction, IO_CONCURRENCY, ioRun, PRIME_LIMIT, speedupPoints } from '../../src/main/workers/speedup';
import { cli } from './cliHarness';

const cores = availableParallelism();

/** Primes below n by the sieve of Eratosthenes: independent of the trial division under test. */
function sievePi(n: number): number {
  const composite = new Uint8Array(n);
  let count = 0;
  for (let i = 2; i < n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j < n; j += i) composite[j] = 1;
  }
  return count;
}

describe('speedup: the kernel and the fit', () => {
  it('the shares of k threads together count exactly the primes below the limit', () => {
    for (const limit of [2, 3, 4, 10, 100, 1000, 10_007]) {
      for (let k = 1; k <= 5; k++) {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += countPrimesShare(limit, i, k);
        expect(sum, `limit ${limit}, ${k} threads`).toBe(sievePi(limit));
      }
    }
    // Hand check: below 10 the primes are 2, 3, 5, 7; thread 0 of 2 tests 3, 7 (+ the prime 2),
    // thread 1 tests 5, 9.
    expect([countPrimesShare(10, 0, 2), countPrimesShare(10, 1, 2)]).toEqual([3, 1]);
  });

  it('π(PRIME_LIMIT) by sieve matches one thread of the kernel', () => {
    expect(countPrimesShare(PRIME_LIMIT, 0, 1)).toBe(sievePi(PRIME_LIMIT));
  });

  it('fits Amdahl exactly on Amdahl data, and clamps', () => {
    // s = 0.2: S(2) = 1/(0.2 + 0.8/2) = 1/0.6; S(4) = 1/(0.2 + 0.8/4) = 1/0.4 = 2.5.
    const amdahl = [
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1 / 0.6 },
      { workers: 4, speedup: 2.5 },
    ];
    expect(fitSerialFraction(amdahl, 4)).toBeCloseTo(0.2, 12);
    // Perfect scaling: s = 0. No scaling at all: s = 1.
    expect(fitSerialFraction([{ workers: 2, speedup: 2 }, { workers: 4, speedup: 4 }], 4)).toBeCloseTo(0, 12);
    expect(fitSerialFraction([{ workers: 2, speedup: 1 }, { workers: 4, speedup: 1 }], 4)).toBeCloseTo(1, 12);
    // Past the cores p = cores: 4 workers on 2 cores at S = 2 is perfect, not serial.
    expect(fitSerialFraction([{ workers: 2, speedup: 2 }, { workers: 4, speedup: 2 }], 2)).toBeCloseTo(0, 12);
    // Slower than serial clamps to 1; superlinear clamps to 0; nothing to fit gives 0.
    expect(fitSerialFraction([{ workers: 2, speedup: 0.5 }], 2)).toBe(1);
    expect(fitSerialFraction([{ workers: 2, speedup: 3 }], 2)).toBe(0);
    expect(fitSerialFraction([{ workers: 1, speedup: 1 }, { workers: 4, speedup: 1 }], 1)).toBe(0);
  });

  it('points: speedup = t1 / t, efficiency = speedup / workers', () => {
    expect(speedupPoints([2, 1, 0.8])).toEqual([
      { workers: 1, seconds: 2, speedup: 1, efficiency: 1 },
      { workers: 2, seconds: 1, speedup: 2, efficiency: 1 },
      { workers: 3, seconds: 0.8, speedup: 2.5, efficiency: 2.5 / 3 },
    ]);
  });

  it('IO: waits in flight overlap on one thread (lower bounds only: a timer never fires early)', async () => {
    // 6 waits of 5 ms one at a time take at least 6 × 5 ms; 3 at a time at least 2 × 5 ms.
    expect(await ioRun(1, 6, 5)).toBeGreaterThanOrEqual(0.029);
    expect(await ioRun(3, 6, 5)).toBeGreaterThanOrEqual(0.009);
  });
});

function measure(params: { maxWorkers: number; repeat?: number; budgetMs?: number }, cancelAfterProgress = false): Promise<{ result: SpeedupResult; events: HostEvent[] }> {
  const service = new MeasurementService({ workers: { kind: 'source' } });
  const events: HostEvent[] = [];
  return new Promise<{ result: SpeedupResult; events: HostEvent[] }>((resolve, reject) => {
    let jobId = '';
    service.onEvent((e) => {
      events.push(e);
      if (e.type === 'measurement.progress' && cancelAfterProgress && e.progress.fraction > 0) service.cancel(jobId);
      if (e.type === 'measurement.done') resolve({ result: e.result as SpeedupResult, events });
      if (e.type === 'measurement.failed') reject(Object.assign(new Error(e.error.message), { code: e.error.code }));
    });
    ({ jobId } = service.start({ kind: 'speedup', params }));
  }).finally(() => service.dispose());
}

describe('speedup: the real measurement', () => {
  it('runs 1..3 workers and its numbers are consistent', { timeout: 120_000 }, async () => {
    const { result, events } = await measure({ maxWorkers: 3, repeat: 1 });
    expect(result.kind).toBe('speedup');
    expect(result.points.map((p) => p.workers)).toEqual([1, 2, 3]);
    expect(result.points[0]!.speedup).toBe(1);
    for (const p of result.points) {
      expect(p.seconds).toBeGreaterThan(0);
      expect(p.speedup).toBeCloseTo(result.points[0]!.seconds / p.seconds, 12);
      expect(p.efficiency).toBeCloseTo(p.speedup / p.workers, 12);
    }
    expect(result.serialFraction).toBeGreaterThanOrEqual(0);
    expect(result.serialFraction).toBeLessThanOrEqual(1);
    expect(result.serialFraction).toBeCloseTo(fitSerialFraction(result.points, result.cores), 12);
    expect(result.cores).toBe(cores);
    expect(result.workerStartMs).toBeGreaterThan(0);
    expect(result.spawnMs).toBeGreaterThan(0);
    expect(result.spawnCommand).toMatch(/\/bin\/true| -e 0$/);
    // IO-bound: 64 waits of 10 ms need ≥ 640 ms one at a time and ≥ 10 ms all at once.
    expect(result.io.map((p) => p.concurrency)).toEqual([...IO_CONCURRENCY]);
    expect(result.io[0]!.seconds).toBeGreaterThanOrEqual(0.639);
    for (let i = 1; i < result.io.length; i++) expect(result.io[i]!.seconds).toBeLessThan(result.io[i - 1]!.seconds);
    const progress = events.filter((e) => e.type === 'measurement.progress');
    expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
    expect(result.stamp.cores).toBe(cores);
  });

  it('stops at its budget with a budget error', { timeout: 60_000 }, async () => {
    // 2 workers × 20 repeats of ~0.2 s each cannot fit in 1 s (the crew's start alone nearly does).
    await expect(measure({ maxWorkers: 2, repeat: 20, budgetMs: 1000 })).rejects.toThrow(/^budget exceeded: 1000 ms passed/);
  });

  it('can be cancelled mid-run', { timeout: 60_000 }, async () => {
    await expect(measure({ maxWorkers: 2, repeat: 20 }, true)).rejects.toMatchObject({ code: 'cancelled', message: 'speedup measurement cancelled' });
  });
});

describe('speedup: arguments', () => {
  const check = (params: unknown) => validateArgs('startMeasurement', [{ kind: 'speedup', params }]);
  it('accepts the documented ranges', () => {
    expect(check({ maxWorkers: 1 }).ok).toBe(true);
    expect(check({ maxWorkers: 64, repeat: 20, budgetMs: 600_000 }).ok).toBe(true);
  });
  it.each([
    [{}, 'startMeasurement: params.maxWorkers must be an integer from 1 to 64'],
    [{ maxWorkers: 0 }, 'startMeasurement: params.maxWorkers must be an integer from 1 to 64'],
    [{ maxWorkers: 65 }, 'startMeasurement: params.maxWorkers must be an integer from 1 to 64'],
    [{ maxWorkers: 2.5 }, 'startMeasurement: params.maxWorkers must be an integer from 1 to 64'],
    [{ maxWorkers: 2, repeat: 21 }, 'startMeasurement: params.repeat must be an integer from 1 to 20'],
    [{ maxWorkers: 2, budgetMs: 999 }, 'startMeasurement: params.budgetMs must be an integer from 1000 to 600000'],
    [{ maxWorkers: 2, workers: 2 }, 'startMeasurement: params.workers is not a known field (expected maxWorkers, repeat, budgetMs)'],
  ])('rejects %j', (params, message) => {
    expect(check(params)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });
});

describe('speedup: CLI', () => {
  it('measure speedup --max-workers 2 --repeat 1 --json has the contract shape', { timeout: 120_000 }, async () => {
    const run = await cli('measure', 'speedup', '--max-workers', '2', '--repeat', '1', '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & { points: Record<string, unknown>[] };
    expect(out.points.map((p) => Object.keys(p).sort())).toEqual([
      ['efficiency', 'seconds', 'speedup', 'workers'],
      ['efficiency', 'seconds', 'speedup', 'workers'],
    ]);
    expect(out.points.map((p) => p.workers)).toEqual([1, 2]);
    expect(out.points[0]!.speedup).toBe(1);
    expect(typeof out.serial_fraction).toBe('number');
    expect(out.cores).toBe(cores);
    expect(run.stderr).toMatch(/\[100%\] IO-bound/);
  });

  it('bad input exits 1 naming the flag; a missing --max-workers is a usage error (2)', async () => {
    const bad = await cli('measure', 'speedup', '--max-workers', '65', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--max-workers must be an integer from 1 to 64');
    const missing = await cli('measure', 'speedup');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--max-workers N is required');
  });
});
