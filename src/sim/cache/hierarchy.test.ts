import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CacheHierarchy, type CacheLevelConfig, type HierarchyConfig, type LevelCounters } from './hierarchy';

const level = (over: Partial<CacheLevelConfig> & Pick<CacheLevelConfig, 'sizeBytes' | 'ways' | 'lineBytes'>): CacheLevelConfig => ({
  name: 'L1',
  replacement: 'lru',
  write: 'write-back',
  allocate: 'write-allocate',
  ...over,
});

/** Accesses given as [address (< 2^53), size, 'R'|'W']. */
function run(h: CacheHierarchy, trace: readonly [number, number, 'R' | 'W'][]): number[] {
  return trace.map(([a, size, op]) => h.access(Math.floor(a / 2 ** 32), a >>> 0, size, op === 'W'));
}

const counts = (o: Partial<Omit<LevelCounters, 'name'>>) => ({
  accesses: 0, hits: 0, misses: 0, reads: 0, read_hits: 0, read_misses: 0, writes: 0, write_hits: 0, write_misses: 0, writebacks: 0, ...o,
});

describe('CacheHierarchy, hand-worked cases', () => {
  it('2 sets × 2 ways, 16 B lines, LRU write-back write-allocate: a 10-access sequence', () => {
    // line = addr >> 4, set = line mod 2.
    const h = new CacheHierarchy({ levels: [level({ sizeBytes: 64, ways: 2, lineBytes: 16, latencyNs: 1 })], memoryLatencyNs: 100 });
    const where = run(h, [
      [0x00, 4, 'R'], // 1 line 0 set 0: miss, way 0; mem read 1
      [0x20, 4, 'R'], // 2 line 2 set 0: miss, way 1; mem read 2
      [0x04, 4, 'R'], // 3 line 0: read hit; set 0 LRU = line 2
      [0x40, 4, 'W'], // 4 line 4 set 0: write miss, evicts clean line 2, installs dirty; fill = mem read 3
      [0x10, 4, 'R'], // 5 line 1 set 1: miss, way 0; mem read 4
      [0x08, 4, 'W'], // 6 line 0: write hit, dirty; set 0 LRU = line 4
      [0x60, 4, 'R'], // 7 line 6 set 0: miss, evicts dirty line 4: fill (mem read 5) then write-back (mem write 1)
      [0x30, 16, 'W'], // 8 line 3 set 1: write miss covering the line: no fill, installed dirty in way 1
      [0x1c, 8, 'R'], // 9 crosses: line 1 (hit) then line 2 set 0: miss, evicts dirty line 0 (LRU): mem read 6, mem write 2
      [0x34, 4, 'W'], // 10 line 3: write hit
    ]);
    // 11 line accesses (access 9 counts twice): reads 1,2,3,5,7,9a,9b = 7; writes 4,6,8,10 = 4.
    // read hits 3, 9a = 2; read misses 5; write hits 6, 10 = 2; write misses 4, 8 = 2.
    expect(h.counters()).toEqual({
      levels: [{ name: 'L1', ...counts({ accesses: 11, hits: 4, misses: 7, reads: 7, read_hits: 2, read_misses: 5, writes: 4, write_hits: 2, write_misses: 2, writebacks: 2 }) }],
      memory: { reads: 6, writes: 2 },
    });
    // Where each access was served: 0 = L1, 1 = memory. Access 8 filled nothing: served by L1.
    expect(where).toEqual([1, 1, 0, 1, 1, 0, 1, 0, 1, 0]);
    // Still dirty at the end: line 3 only (set 0 holds clean lines 6 and 2).
    expect(h.dirtyLines()).toEqual([1]);
    // AMAT = 1 + 7/11 × 100.
    expect(h.amatNs()).toBeCloseTo(1 + (7 / 11) * 100, 12);
  });

  it('write-through + no-write-allocate L1 over a write-back L2 with 32 B lines', () => {
    const h = new CacheHierarchy({
      levels: [
        level({ sizeBytes: 32, ways: 1, lineBytes: 16, write: 'write-through', allocate: 'no-write-allocate' }),
        level({ name: 'L2', sizeBytes: 128, ways: 'full', lineBytes: 32 }),
      ],
    });
    run(h, [
      [0x00, 4, 'W'], // L1 write miss, not allocated: W 0x00/4 to L2: miss, not the whole 32 B line: fill (mem read 1), dirty
      [0x00, 4, 'R'], // L1 read miss: fill R 0x00/16 at L2: read hit
      [0x04, 4, 'W'], // L1 write hit: write-through W 0x04/4 at L2: write hit
      [0x10, 16, 'W'], // L1 write miss (set 1), not allocated: W 0x10/16 at L2: write hit (line 0x00–0x1f)
    ]);
    const c = h.counters();
    expect(c.levels[0]).toEqual({ name: 'L1', ...counts({ accesses: 4, hits: 1, misses: 3, reads: 1, read_misses: 1, writes: 3, write_hits: 1, write_misses: 2 }) });
    expect(c.levels[1]).toEqual({ name: 'L2', ...counts({ accesses: 4, hits: 3, misses: 1, reads: 1, read_hits: 1, writes: 3, write_hits: 2, write_misses: 1 }) });
    expect(c.memory).toEqual({ reads: 1, writes: 0 });
    expect(h.dirtyLines()).toEqual([0, 1]);
  });

  it('write-through + write-allocate: fill then the written bytes; a whole-line write skips the fill', () => {
    const h = new CacheHierarchy({ levels: [level({ sizeBytes: 16, ways: 1, lineBytes: 16, write: 'write-through' })] });
    run(h, [
      [0x00, 4, 'W'], // miss: install clean, (a) mem read 1, (b) mem write 1
      [0x00, 16, 'W'], // hit: write-through, mem write 2
      [0x10, 16, 'W'], // miss covering the line: evicts clean line 0, (a) skipped, (b) mem write 3
      [0x14, 4, 'R'], // hit
    ]);
    const c = h.counters();
    expect(c.levels[0]).toEqual({ name: 'L1', ...counts({ accesses: 4, hits: 2, misses: 2, reads: 1, read_hits: 1, writes: 3, write_hits: 1, write_misses: 2 }) });
    expect(c.memory).toEqual({ reads: 1, writes: 3 });
    expect(h.dirtyLines()).toEqual([0]);
  });

  it('sends the fill before the write-back (rule 4 order), visible in a one-line L2', () => {
    const h = new CacheHierarchy({
      levels: [level({ sizeBytes: 16, ways: 1, lineBytes: 16 }), level({ name: 'L2', sizeBytes: 16, ways: 1, lineBytes: 16 })],
    });
    run(h, [
      [0x00, 4, 'W'], // L1 miss: fill R 0x00 at L2: miss (mem read 1); L1 line 0 dirty
      [0x10, 4, 'R'], // L1 miss, victim line 0 dirty: (a) R 0x10 at L2 misses (evicts clean line 0, mem read 2),
      //                 then (c) W 0x00/16 at L2: whole-line write miss, evicts clean line 1, no fill
      [0x00, 4, 'R'], // L1 miss (victim clean): R 0x00 at L2: hit (dirty line 0)
    ]);
    // Had the write-back gone first, L2 would have hit it, then evicted it dirty for the fill (a mem write).
    const c = h.counters();
    expect(c.levels[0]).toEqual({ name: 'L1', ...counts({ accesses: 3, misses: 3, reads: 2, read_misses: 2, writes: 1, write_misses: 1, writebacks: 1 }) });
    expect(c.levels[1]).toEqual({ name: 'L2', ...counts({ accesses: 4, hits: 1, misses: 3, reads: 3, read_hits: 1, read_misses: 2, writes: 1, write_misses: 1 }) });
    expect(c.memory).toEqual({ reads: 2, writes: 0 });
  });

  it('FIFO keeps insertion order on hits; tree-PLRU follows its bits', () => {
    const fifo = new CacheHierarchy({ levels: [level({ sizeBytes: 32, ways: 2, lineBytes: 16, replacement: 'fifo' })] });
    // lines 0, 1 installed; hit 0; line 2 evicts 0 (first in) under FIFO; then 1 hits, 0 misses.
    run(fifo, [[0, 1, 'R'], [16, 1, 'R'], [0, 1, 'R'], [32, 1, 'R'], [16, 1, 'R'], [0, 1, 'R']]);
    expect(fifo.counters().levels[0]!.hits).toBe(2);
    // 4-way PLRU, one set: fill 0,1,2,3; touch 0; the tree then points to the pair {2,3}, and
    // within it to way 2 (way 3 was touched last): line 4 replaces line 2, so line 2 misses.
    const plru = new CacheHierarchy({ levels: [level({ sizeBytes: 64, ways: 4, lineBytes: 16, replacement: 'tree-plru' })] });
    run(plru, [[0, 1, 'R'], [16, 1, 'R'], [32, 1, 'R'], [48, 1, 'R'], [0, 1, 'R'], [64, 1, 'R'], [16, 1, 'R'], [48, 1, 'R'], [32, 1, 'R']]);
    expect(plru.counters().levels[0]).toMatchObject({ hits: 3, misses: 6 });
  });

  it('refuses tree-PLRU with 3 ways, a line smaller than the level above, a size not a multiple of line × ways', () => {
    expect(() => new CacheHierarchy({ levels: [level({ sizeBytes: 48, ways: 3, lineBytes: 16, replacement: 'tree-plru' })] })).toThrow(/levels\[0\]\.ways: tree-PLRU/);
    expect(() => new CacheHierarchy({ levels: [level({ sizeBytes: 64, ways: 1, lineBytes: 32 }), level({ sizeBytes: 64, ways: 1, lineBytes: 16 })] })).toThrow(/levels\[1\]\.lineBytes/);
    expect(() => new CacheHierarchy({ levels: [level({ sizeBytes: 100, ways: 2, lineBytes: 16 })] })).toThrow(/levels\[0\]\.sizeBytes/);
  });

  it('keeps 64-bit addresses exact, with a set count that is not a power of two', () => {
    // 3 sets × 2 ways × 64 B. 0xffffffffffffffc0 is line 0x3ffffffffffffff; its set by BigInt:
    const line = 0xffffffffffffffc0n >> 6n;
    const expectedSet = Number(line % 3n);
    const seen: number[] = [];
    const h = new CacheHierarchy({ levels: [level({ sizeBytes: 384, ways: 2, lineBytes: 64 })] });
    h.observe({ line: (_l, set) => void seen.push(set), evict: () => undefined });
    h.access(0xffffffff, 0xffffffc0, 8, false);
    h.access(0x7fffffff, 0xffffffc0, 8, false); // differs only in bit 63: another line
    h.access(0xffffffff, 0xfffffff8, 8, false); // same line as the first: hit
    h.access(0xffffffff, 0xfffffffc, 8, false); // runs past 2^64 - 1: stops there, one piece, hit
    expect(seen[0]).toBe(expectedSet);
    expect(seen[1]).toBe(Number((0x7fffffffffffffc0n >> 6n) % 3n));
    expect(h.counters().levels[0]).toMatchObject({ accesses: 4, hits: 2, misses: 2 });
  });

  it('clone() is exact and independent', () => {
    const h = new CacheHierarchy({ levels: [level({ sizeBytes: 64, ways: 2, lineBytes: 16, replacement: 'random' })], seed: 7 });
    const trace: [number, number, 'R' | 'W'][] = Array.from({ length: 200 }, (_, i) => [((i * 37) % 23) * 16, 4, i % 3 === 0 ? 'W' : 'R']);
    run(h, trace.slice(0, 100));
    const copy = h.clone();
    run(h, trace.slice(100));
    run(copy, trace.slice(100));
    expect(copy.counters()).toEqual(h.counters());
    expect(copy.rngState()).toEqual(h.rngState());
  });
});

// ---------------------------------------------------------------------------------------------
// An independent reference, written from the rules with BigInt addresses and plain
// objects (slow, obvious), for the property tests below.

interface RefLine { tag: bigint; dirty: boolean; used: number; installed: number }
function reference(config: HierarchyConfig, trace: readonly [bigint, number, boolean][]) {
  const TOP = 1n << 64n;
  let tick = 0;
  const mem = { reads: 0, writes: 0 };
  const lv = config.levels.map((l) => {
    const lines = l.sizeBytes / l.lineBytes;
    const ways = l.ways === 'full' ? lines : l.ways;
    const sets = lines / ways;
    return {
      l, ways, sets,
      data: Array.from({ length: sets }, () => Array.from({ length: ways }, (): RefLine | null => null)),
      tree: Array.from({ length: sets }, () => Array.from({ length: Math.max(ways - 1, 0) }, () => 0)),
      c: counts({}),
    };
  });
  const touch = (tree: number[], ways: number, way: number) => {
    let node = 0;
    for (let half = ways / 2; half >= 1; half /= 2) {
      const right = way & half ? 1 : 0;
      tree[node] = 1 - right;
      node = 2 * node + 1 + right;
    }
  };
  const access = (li: number, addr: bigint, size: number, write: boolean): void => {
    if (li === lv.length) {
      if (write) mem.writes++; else mem.reads++;
      return;
    }
    const L = BigInt(lv[li]!.l.lineBytes);
    let a = addr;
    let end = addr + BigInt(size);
    if (end > TOP) end = TOP;
    while (a < end) {
      const next = (a / L + 1n) * L;
      const pieceEnd = end < next ? end : next;
      one(li, a, Number(pieceEnd - a), write);
      a = pieceEnd;
    }
  };
  const one = (li: number, a: bigint, n: number, write: boolean): void => {
    const x = lv[li]!;
    const L = BigInt(x.l.lineBytes);
    const lineNo = a / L;
    const setIdx = Number(lineNo % BigInt(x.sets));
    const set = x.data[setIdx]!;
    const wb = x.l.write === 'write-back';
    x.c.accesses++;
    if (write) x.c.writes++; else x.c.reads++;
    const way = set.findIndex((e) => e !== null && e.tag === lineNo);
    if (way >= 0) {
      x.c.hits++;
      if (write) x.c.write_hits++; else x.c.read_hits++;
      set[way]!.used = ++tick;
      if (x.l.replacement === 'tree-plru') touch(x.tree[setIdx]!, x.ways, way);
      if (write) {
        if (wb) set[way]!.dirty = true;
        else access(li + 1, a, n, true);
      }
      return;
    }
    x.c.misses++;
    if (write) x.c.write_misses++; else x.c.read_misses++;
    if (write && x.l.allocate === 'no-write-allocate') return access(li + 1, a, n, true);
    let victim = set.findIndex((e) => e === null);
    if (victim < 0) {
      if (x.l.replacement === 'tree-plru') {
        const tree = x.tree[setIdx]!;
        let node = 0;
        victim = 0;
        for (let half = x.ways / 2; half >= 1; half /= 2) {
          const b = tree[node]!;
          if (b) victim += half;
          node = 2 * node + 1 + b;
        }
      } else {
        const key = (e: RefLine) => (x.l.replacement === 'fifo' ? e.installed : e.used);
        victim = 0;
        set.forEach((e, w) => { if (key(e!) < key(set[victim]!)) victim = w; });
      }
    }
    const old = set[victim];
    set[victim] = { tag: lineNo, dirty: write && wb, used: ++tick, installed: tick };
    if (x.l.replacement === 'tree-plru') touch(x.tree[setIdx]!, x.ways, victim);
    if (!(write && n === x.l.lineBytes)) access(li + 1, lineNo * L, x.l.lineBytes, false);
    if (write && !wb) access(li + 1, a, n, true);
    if (old?.dirty) {
      x.c.writebacks++;
      access(li + 1, old.tag * L, x.l.lineBytes, true);
    }
  };
  for (const [a, size, w] of trace) access(0, a, size, w);
  return { levels: lv.map((x) => ({ name: x.l.name, ...x.c })), memory: mem };
}

const arbLevel = (minLine: number) =>
  fc.record({
    lineLog: fc.integer({ min: Math.log2(minLine), max: Math.log2(minLine) + 1 }),
    sets: fc.integer({ min: 1, max: 5 }),
    waysLog: fc.integer({ min: 0, max: 2 }),
    full: fc.boolean(),
    replacement: fc.constantFrom('lru' as const, 'fifo' as const, 'tree-plru' as const),
    write: fc.constantFrom('write-back' as const, 'write-through' as const),
    allocate: fc.constantFrom('write-allocate' as const, 'no-write-allocate' as const),
  });

const arbConfig = fc.tuple(arbLevel(4), arbLevel(8), fc.integer({ min: 1, max: 2 })).map(([a, b, n]): HierarchyConfig => {
  const make = (x: typeof a, name: string, minLine: number): CacheLevelConfig => {
    const line = Math.max(2 ** x.lineLog, minLine);
    const ways = 2 ** x.waysLog;
    return { name, sizeBytes: line * ways * (x.full ? 1 : x.sets), ways: x.full ? 'full' : ways, lineBytes: line, replacement: x.replacement, write: x.write, allocate: x.allocate };
  };
  const l1 = make(a, 'L1', 4);
  return { levels: n === 1 ? [l1] : [l1, make(b, 'L2', l1.lineBytes)] };
});

const arbTrace = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 511 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.boolean()).map(([a, size, w, high]) => [(high ? 0xfffffffffffffe00n : 0n) + BigInt(a), size, w] as [bigint, number, boolean]),
  { maxLength: 120 },
);

describe('CacheHierarchy, properties', () => {
  it('matches the independent BigInt reference on random configs and traces, every counter', () => {
    fc.assert(
      fc.property(arbConfig, arbTrace, (config, trace) => {
        const h = new CacheHierarchy(config);
        for (const [a, size, w] of trace) h.access(Number(a >> 32n), Number(a & 0xffffffffn), size, w);
        expect(h.counters()).toEqual(reference(config, trace));
      }),
      { numRuns: 400 },
    );
  });

  it('counters add up: hits + misses = accesses = reads + writes, per kind too', () => {
    fc.assert(
      fc.property(arbConfig, arbTrace, (config, trace) => {
        const h = new CacheHierarchy(config);
        for (const [a, size, w] of trace) h.access(Number(a >> 32n), Number(a & 0xffffffffn), size, w);
        for (const c of h.counters().levels) {
          expect(c.hits + c.misses).toBe(c.accesses);
          expect(c.reads + c.writes).toBe(c.accesses);
          expect(c.read_hits + c.read_misses).toBe(c.reads);
          expect(c.write_hits + c.write_misses).toBe(c.writes);
        }
      }),
    );
  });

  it('LRU inclusion: a larger fully associative LRU cache never misses more on the same trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()), { maxLength: 200 }), (small, extra, trace) => {
        const make = (lines: number) => new CacheHierarchy({ levels: [level({ sizeBytes: lines * 16, ways: 'full', lineBytes: 16 })] });
        const a = make(small);
        const b = make(small + extra);
        for (const [line, w] of trace) {
          a.access(0, line * 16, 4, w);
          b.access(0, line * 16, 4, w);
        }
        expect(b.counters().levels[0]!.misses).toBeLessThanOrEqual(a.counters().levels[0]!.misses);
      }),
    );
  });

  it('a cyclic sweep of N + 1 lines through an N-line fully associative LRU cache misses every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 5 }), (n, rounds) => {
        const h = new CacheHierarchy({ levels: [level({ sizeBytes: n * 64, ways: 'full', lineBytes: 64 })] });
        for (let r = 0; r < rounds; r++) for (let i = 0; i <= n; i++) h.access(0, i * 64, 8, false);
        expect(h.counters().levels[0]).toMatchObject({ accesses: rounds * (n + 1), misses: rounds * (n + 1), hits: 0 });
      }),
    );
  });
});
