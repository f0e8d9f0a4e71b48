import { describe, expect, it } from 'vitest';
import { getPreset, PRESET_IDS, PRESETS } from './presets';
import { cacheSets, validateMachine } from './validate';

describe('presets', () => {
  it('all pass validation', () => {
    for (const p of PRESETS) expect(validateMachine(p)).toEqual({ ok: true, value: p });
  });

  it('has the ids 2012, 2020, teaching, and getPreset finds them', () => {
    expect(PRESET_IDS).toEqual(['2012', '2020', 'teaching']);
    expect(getPreset('2020')?.name).toBe('~2020 table');
    expect(getPreset('nope')).toBeUndefined();
  });

  it('maps every row of the Dean/Norvig table, and gives no L3 latency', () => {
    const m = getPreset('2012');
    if (m === undefined) throw new Error('missing');
    expect(m.source).toBe("Jeff Dean / Peter Norvig, 'Latency numbers every programmer should know' (~2012)");
    const l = (level: number) => m.caches.find((c) => c.level === level && c.type !== 'Instruction');
    expect([
      l(1)?.latency?.value,
      m.cpu.branchMispredict?.value,
      l(2)?.latency?.value,
      m.os.mutexLockUnlock?.value,
      m.memory.latency?.value,
      m.compression.compress1KB?.value,
      m.network.send1KB?.value,
      m.ssd.randomRead4K?.value,
      m.memory.read1MB?.value,
      m.network.datacenterRoundTrip?.value,
      m.ssd.read1MB?.value,
      m.hdd.seek?.value,
      m.hdd.read1MB?.value,
      m.network.intercontinentalRoundTrip?.value,
    ]).toEqual([0.5, 5, 7, 25, 100, 3e3, 10e3, 150e3, 250e3, 500e3, 1e6, 10e6, 20e6, 150e6]);
    expect(l(3)?.latency).toBeUndefined();
    expect(l(3)?.sizeBytes).toBe(8 * 1024 * 1024);
  });

  it("maps Colin Scott's ~2020 figures; his flawed send row is left out", () => {
    const m = getPreset('2020');
    if (m === undefined) throw new Error('missing');
    const l = (level: number) => m.caches.find((c) => c.level === level && c.type !== 'Instruction');
    expect([
      l(1)?.latency?.value,
      m.cpu.branchMispredict?.value,
      l(2)?.latency?.value,
      m.os.mutexLockUnlock?.value,
      m.memory.latency?.value,
      m.memory.read1MB?.value,
      m.compression.compress1KB?.value,
      m.ssd.randomRead4K?.value,
      m.ssd.read1MB?.value,
      m.network.datacenterRoundTrip?.value,
      m.hdd.read1MB?.value,
      m.hdd.seek?.value,
      m.network.intercontinentalRoundTrip?.value,
    ]).toEqual([1, 3, 4, 17, 100, 3e3, 2e3, 16e3, 49e3, 500e3, 825e3, 2e6, 150e6]);
    expect(m.network.send1KB).toBeUndefined();
    expect(l(3)?.latency).toBeUndefined();
  });

  it('teaching caches have the advertised geometry and round latencies', () => {
    const m = getPreset('teaching');
    if (m === undefined) throw new Error('missing');
    expect(m.caches.map((c) => [c.level, cacheSets(c), c.ways, c.lineBytes, c.sizeBytes, c.latency?.value])).toEqual([
      [1, 4, 2, 16, 128, 1],
      [2, 8, 4, 16, 512, 4],
      [3, 16, 4, 32, 2048, 12],
    ]);
    expect(m.memory.latency?.value).toBe(100);
  });

  it('every figure of every preset names a source', () => {
    const walk = (v: unknown, path: string, out: string[]): void => {
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      if ('value' in o && !(typeof o.source === 'string' && o.source.length > 0)) out.push(path);
      for (const [k, child] of Object.entries(o)) walk(child, `${path}.${k}`, out);
    };
    const missing: string[] = [];
    for (const p of PRESETS) walk(p, p.id, missing);
    expect(missing).toEqual([]);
  });
});
