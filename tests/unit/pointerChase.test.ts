import { describe, expect, it } from 'vitest';
import type { HostEvent, MemoryLatencyResult } from '../../src/shared/api';
import { MeasurementService } from '../../src/main/services/measurements';
import { buildCycle, workingSets } from '../../src/main/workers/pointerChase';

function runToEnd(service: MeasurementService, maxBytes: number): Promise<{ events: HostEvent[]; result: MemoryLatencyResult }> {
  const events: HostEvent[] = [];
  return new Promise((resolve, reject) => {
    service.onEvent((e) => {
      events.push(e);
      if (e.type === 'measurement.done' && e.result.kind === 'memory-latency') resolve({ events, result: e.result });
      if (e.type === 'measurement.failed') reject(new Error(e.error.message));
    });
    service.start({ kind: 'memory-latency', params: { maxBytes, repeats: 2 } });
  });
}

describe('pointer chase', () => {
  it('builds one cycle through every line (Sattolo)', () => {
    const bytes = 64 * 1024;
    const a = buildCycle(bytes);
    const lines = bytes / 64;
    const seen = new Set<number>();
    let p = 0;
    for (let i = 0; i < lines; i++) {
      expect(p % 16).toBe(0);
      seen.add(p);
      p = a[p]!;
    }
    expect(p).toBe(0); // back at the start after exactly `lines` steps
    expect(seen.size).toBe(lines);
    expect(workingSets(4 * 1024 * 1024)).toEqual([4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4194304]);
    expect(workingSets(100_000)).toEqual([4096, 8192, 16384, 32768, 65536]);
  });

  it('measures 4 KiB … 4 MiB for real in a worker; 4 MiB is slower than 4 KiB', async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      const { events, result } = await runToEnd(service, 4 * 1024 * 1024);
      expect(result.points.map((p) => p.bytes)).toEqual(workingSets(4 * 1024 * 1024));
      for (const p of result.points) expect(p.ns).toBeGreaterThan(0);
      const first = result.points[0]!.ns;
      const last = result.points.at(-1)!.ns;
      expect(last).toBeGreaterThan(first * 1.5);
      const progress = events.filter((e) => e.type === 'measurement.progress');
      expect(progress).toHaveLength(11);
      expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
      expect(result.kind).toBe('memory-latency');
      expect(result.stamp.cores).toBeGreaterThan(0);
      expect(Date.parse(result.startedAt)).not.toBeNaN();
      expect(result.wallMs).toBeGreaterThan(0);
    } finally {
      await service.dispose();
    }
  });

  it('reports a budget error', async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    try {
      await expect(
        new Promise((resolve, reject) => {
          service.onEvent((e) => {
            if (e.type === 'measurement.failed') reject(new Error(`${e.error.code}: ${e.error.message}`));
            if (e.type === 'measurement.done') resolve(e);
          });
          service.start({ kind: 'memory-latency', params: { maxBytes: 2 ** 31, repeats: 9, budgetMs: 1000 } });
        }),
      ).rejects.toThrow(/^failed: budget exceeded: 1000 ms/);
      expect(service.running()).toBeNull();
    } finally {
      await service.dispose();
    }
  });
});
