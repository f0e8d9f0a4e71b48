import { describe, expect, it } from 'vitest';
import type { ChaseCacheInfo, ChasePoint } from './chaseAnalysis';
import { loadFixture } from './fixtures/loadFixture';
import { cachesFromChase, machineFromMeasurements, measuredLevels } from './thisMachine';
import { validateMachine } from './validate';

const epyc: { caches: ChaseCacheInfo[]; points: ChasePoint[] } = await loadFixture('epyc-2vcpu-chase.json');
const doc: { native: ChasePoint[] } = await loadFixture('latency-md-chase.json');
/** The same kind of VM, busy with other test runs, recorded with NANOSCOPE_CACHE_SOURCES=none. */
const busy: { points: ChasePoint[] } = await loadFixture('epyc-busy-no-os-chase.json');

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

  it('without any OS report, takes L1/L2/L3 from the chase plateaus (recorded EPYC curve)', () => {
    // Plateaus (chaseAnalysis without sizes): L1 4–16K 2.24, L2 32–256K 4.38, L3 1–4M 16.59, RAM 16–256M 159.98.
    // Each level's size is the first working set past its plateau: 32K, 512K, 8M.
    const m = machineFromMeasurements({ cores: 2, osCaches: [], chase: epyc.points });
    expect(validateMachine(m).ok).toBe(true);
    expect(m.caches.map((c) => [c.level, c.type, c.sizeBytes, c.lineBytes, c.latency?.value])).toEqual([
      [1, 'Data', 32 * 1024, 64, 2.24],
      [2, 'Unified', 512 * 1024, 64, 4.38],
      [3, 'Unified', 8 * 1024 * 1024, 64, 16.59],
    ]);
    expect(m.caches[0]?.source).toContain("the OS reported no caches; the curve's L1 plateau (2.24 ns) ends between 16 KiB and 32 KiB, so 32 KiB is taken");
    expect(m.caches[0]?.source.startsWith('measured here: pointer chase plateaus')).toBe(true);
    expect(m.caches[2]?.latency?.source).toBe('measured here: pointer chase, working sets 1048576–4194304 B');
    expect(m.memory.latency?.value).toBe(159.98);
  });

  it('a reported size the curve contradicts is replaced by the curve’s, with both named', () => {
    // getconf on this VM says L3 = 384 MiB. A quarter of it, 96 MiB, is far past 16 MiB, where the
    // chase reads 134.07 ns ≥ 0.75 × 159.98 (RAM): contradicted; the curve's L3 ends at 8 MiB.
    const m = machineFromMeasurements({
      cores: 2,
      osCaches: [
        { level: 1, type: 'Data', bytes: 48 * 1024, ways: 12, lineBytes: 64, source: 'getconf' },
        { level: 2, type: 'Unified', bytes: 1024 * 1024, ways: 16, lineBytes: 64, source: 'getconf' },
        { level: 3, type: 'Unified', bytes: 384 * 1024 * 1024, lineBytes: 64, source: 'getconf' },
      ],
      chase: epyc.points,
    });
    expect(validateMachine(m).ok).toBe(true);
    expect(m.caches.map((c) => c.sizeBytes)).toEqual([48 * 1024, 1024 * 1024, 8 * 1024 * 1024]);
    expect(m.caches[0]?.source.startsWith('reported by the OS (getconf)')).toBe(true);
    expect(m.caches[2]?.source).toContain(
      "the OS (getconf) reports 384 MiB, but the pointer chase already reads memory latency (134.07 ns) at 16 MiB: size taken from the chase's L3 plateau, 8 MiB",
    );
    // With L3 = 8 MiB, RAM is read from ≥ 32 MiB: 145.8, 159.98, 172.39, 167.61 → lower median 159.98.
    expect(m.memory.latency?.value).toBe(159.98);
  });

  it('the sysfs 32 MiB L3 of the same VM is not contradicted (8 MiB still reads 52.58 ns, far from RAM)', () => {
    const m = machineFromMeasurements({ cores: 2, osCaches: epyc.caches as never, chase: epyc.points });
    expect(m.caches.filter((c) => c.type !== 'Instruction').map((c) => c.sizeBytes)).toEqual([32 * 1024, 512 * 1024, 32 * 1024 * 1024]);
    expect(m.caches.some((c) => c.source.includes('contradict') || c.source.includes('already reads memory'))).toBe(false);
  });

  it('a sparse curve (latency.md, one point per level) gives what it can; a short curve ends inside a cache', () => {
    // Native column: 4–32K 1.2, 64–256K 3.6, then lone points 1M, 4M, 16M (knees, dropped), RAM 256M 200.
    expect(cachesFromChase(doc.native).levels.map((l) => [l.level, l.plateau.ns, l.bytes])).toEqual([
      [1, 1.2, 64 * 1024],
      [2, 3.6, 512 * 1024], // next point 1M, capped at twice the plateau's 256K
    ]);
    // A 1 MiB run (the quick real run) stops inside L3: L1 and L2 are bounded, the last plateau
    // ([1M] after the 512K knee) is a cache of unknown size, not RAM.
    const quick = cachesFromChase(epyc.points.slice(0, 9));
    expect([quick.levels.map((l) => [l.level, l.bytes]), quick.ram]).toEqual([[[1, 32 * 1024], [2, 512 * 1024]], undefined]);
    expect(machineFromMeasurements({ cores: 1, osCaches: [], chase: epyc.points.slice(0, 9) }).memory).toEqual({});
    expect(cachesFromChase([{ bytes: 4096, ns: 1 }, { bytes: 8192, ns: 1.1 }]).levels).toEqual([]);
    expect(machineFromMeasurements({ cores: 1, osCaches: [], chase: [] }).caches).toEqual([]);
  });

  it('a busy machine’s noisy curve: one spike does not split a plateau, a half-RAM "cache" is RAM', () => {
    // 256K reads 8.10 between 3.94 and 4.32: a spike, dropped. 1M–8M climb > 35 % per step: knees.
    // 16M, 32M (332.55, 379.07) are ≥ 0.5 × the 64M+ plateau (602.08): RAM on a busy box.
    // RAM = lower median of 332.554, 379.074, 588.209, 602.08, 698.856 = 588.209.
    const { levels, ram } = cachesFromChase(busy.points);
    expect(levels.map((l) => [l.level, l.plateau.ns, l.plateau.fromBytes, l.plateau.toBytes, l.bytes])).toEqual([
      [1, 1.425, 4096, 32768, 65536],
      [2, 3.941, 65536, 524288, 1048576],
    ]);
    expect([ram?.ns, ram?.fromBytes]).toEqual([588.209, 16 * 1024 * 1024]);
    const m = machineFromMeasurements({ cores: 2, osCaches: [], chase: busy.points });
    expect([m.caches.map((c) => c.sizeBytes), m.memory.latency?.value]).toEqual([[65536, 1048576], 588.209]);
    // The measured table shows the same plateaus the ladder uses.
    expect(measuredLevels({ osCaches: [], chase: busy.points }).map((l) => [l.name, l.ns])).toEqual([
      ['L1', 1.425],
      ['L2', 3.941],
      ['RAM', 588.209],
    ]);
  });
});
