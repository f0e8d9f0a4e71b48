import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { hierarchyFromMachine, parseCacheConfig } from './config';

describe('parseCacheConfig', () => {
  it('fills the documented defaults and the 2020 latencies by level index', () => {
    const r = parseCacheConfig({ levels: [{ size: 64, assoc: 2, line: 16 }, { size: 512, assoc: 'full', line: 32, policy: 'plru', write_policy: 'write-through', write_allocate: false }, { size: 4096, assoc: 4, line: 64 }], unknown: 1 });
    expect(r).toEqual({
      ok: true,
      config: {
        levels: [
          { name: 'L1', sizeBytes: 64, ways: 2, lineBytes: 16, replacement: 'lru', write: 'write-back', allocate: 'write-allocate', latencyNs: 1 },
          { name: 'L2', sizeBytes: 512, ways: 'full', lineBytes: 32, replacement: 'tree-plru', write: 'write-through', allocate: 'no-write-allocate', latencyNs: 4 },
          // The 2020 table has no L3 latency: none is invented.
          { name: 'L3', sizeBytes: 4096, ways: 4, lineBytes: 64, replacement: 'lru', write: 'write-back', allocate: 'write-allocate' },
        ],
        memoryLatencyNs: 100,
        seed: 1,
      },
    });
  });

  it('names every bad field with its JSON path', () => {
    const r = parseCacheConfig({ levels: [{ size: 64, assoc: 0, line: 12, policy: 'MRU' }, 'x'], ifetch: 'maybe', seed: -1 });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(['levels[0].assoc', 'levels[0].line', 'levels[0].policy', 'levels[1]', 'ifetch', 'seed']);
    const geometry = parseCacheConfig({ levels: [{ size: 64, assoc: 2, line: 32 }, { size: 96, assoc: 3, line: 16, policy: 'PLRU' }] });
    expect(geometry.ok ? [] : geometry.problems).toEqual([
      'levels[1].line: 16 B is smaller than the line of the level above (32 B)',
      'levels[1].assoc: tree-PLRU needs a power-of-two number of ways, got 3',
    ]);
    expect(parseCacheConfig({ levels: [] })).toEqual({ ok: false, problems: ['levels: must be a non-empty array of levels'] });
  });

  it('turns a preset into its data and unified levels', () => {
    const h = hierarchyFromMachine(getPreset('teaching')!);
    expect(h.levels.map((l) => [l.name, l.sizeBytes, l.ways, l.lineBytes, l.latencyNs])).toEqual([
      ['L1', 128, 2, 16, 1],
      ['L2', 512, 4, 16, 4],
      ['L3', 2048, 4, 32, 12],
    ]);
    expect(h.memoryLatencyNs).toBe(100);
    expect(hierarchyFromMachine(getPreset('2020')!).levels.map((l) => l.name)).toEqual(['L1', 'L2', 'L3']);
  });
});
