import { describe, expect, it } from 'vitest';
import type { ChaseCacheInfo, ChasePoint } from './chaseAnalysis';
import { loadFixture } from './fixtures/loadFixture';
import { machineFromMeasurements } from './thisMachine';
import { validateMachine } from './validate';

const epyc: { caches: ChaseCacheInfo[]; points: ChasePoint[] } = await loadFixture('epyc-2vcpu-chase.json');

describe('machineFromMeasurements', () => {
  it('builds a valid measured machine from the recorded EPYC run', () => {
    const m = machineFromMeasurements({
      cpuModel: 'AMD EPYC',
      cores: 2,
      cpuMHz: 2450,
      osCaches: [
        { level: 1, type: 'Data', bytes: 32768, ways: 8, lineBytes: 64, sharedBy: 1 },
        { level: 1, type: 'Instruction', bytes: 32768, ways: 8, lineBytes: 64, sharedBy: 1 },
        { level: 2, type: 'Unified', bytes: 524288, ways: 8, lineBytes: 64, sharedBy: 1 },
        { level: 3, type: 'Unified', bytes: 33554432, lineBytes: 64, sharedBy: 2 }, // ways unknown
      ],
      chase: epyc.points,
      ssdRandomRead4KNs: null,
      mutexNs: 21,
    });
    expect(validateMachine(m).ok).toBe(true);
    expect(m.id).toBe('this-machine');
    expect(m.name).toBe('This machine (AMD EPYC)');
    expect(m.measured).toBe(true);
    expect(m.cpu).toEqual({ cores: 2, clockGHz: { value: 2.45, source: 'reported by the OS: cpu MHz' } });
    // Latencies as chaseAnalysis reads the fixture: 2.24, 4.44, 17.49; RAM 167.61.
    expect(m.caches.map((c) => [c.level, c.type, c.ways, c.shared, c.latency?.value])).toEqual([
      [1, 'Data', 8, false, 2.24],
      [1, 'Instruction', 8, false, undefined],
      [2, 'Unified', 8, false, 4.44],
      [3, 'Unified', 16, true, 17.49],
    ]);
    expect(m.caches[0]?.latency?.source).toBe('measured here: pointer chase, working sets 4096–16384 B');
    expect(m.caches[3]?.source).toContain('ways not reported; 16-way stand-in');
    expect(m.memory).toEqual({ latency: { value: 167.61, source: 'measured here: pointer chase, working sets 134217728–268435456 B' } });
    expect(m.os).toEqual({ mutexLockUnlock: { value: 21, source: 'measured here: mutex lock/unlock' } });
    expect(m.ssd).toEqual({});
    expect(m.cpu.branchMispredict).toBeUndefined();
    expect(m.network).toEqual({});
  });

  it('replaces odd geometry with valid stand-ins and says so', () => {
    const m = machineFromMeasurements({
      cores: 0,
      osCaches: [
        { level: 1, type: 'Data', bytes: 48 * 1024, ways: 7, lineBytes: 48 },
        { level: 2, type: 'Unified', bytes: 1000, lineBytes: 32 },
      ],
    });
    expect(validateMachine(m)).toEqual({ ok: true, value: m });
    expect(m.name).toBe('This machine');
    expect(m.cpu).toEqual({ cores: 1 });
    // L1: 48 B line → 64 B; 768 lines, 7 does not divide → 16-way (768 = 16 × 48).
    expect([m.caches[0]?.lineBytes, m.caches[0]?.ways, m.caches[0]?.sizeBytes]).toEqual([64, 16, 49152]);
    expect(m.caches[0]?.source).toBe(
      'reported by the OS; replacement and write policy assumed (LRU, write-back); line 48 B is not a power of two; 64 B stand-in; 7 ways do not divide 768 lines; 16-way stand-in',
    );
    // L2: 32 B line < 64 B above → 64 B; floor(1000 / 64) = 15 lines → 1-way; 960 B.
    expect([m.caches[1]?.lineBytes, m.caches[1]?.ways, m.caches[1]?.sizeBytes]).toEqual([64, 1, 960]);
    expect(m.caches[1]?.latency).toBeUndefined();
    expect(m.memory).toEqual({});
  });
});
