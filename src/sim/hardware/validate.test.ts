import { describe, expect, it } from 'vitest';
import { cacheSets, validateMachine } from './validate';
import { getPreset } from './presets';

/** A deep, mutable copy of the teaching preset to break one field at a time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const teaching = (): any => structuredClone(getPreset('teaching'));
const paths = (input: unknown): string[] => {
  const r = validateMachine(input);
  return r.ok ? [] : r.issues.map((i) => i.path);
};
const messages = (input: unknown): string[] => {
  const r = validateMachine(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('validateMachine', () => {
  it('accepts a valid machine and returns it', () => {
    const m = teaching();
    expect(validateMachine(m)).toEqual({ ok: true, value: m });
  });

  it('rejects non-objects and missing identity', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths([])).toEqual(['']);
    const m = teaching();
    delete m.id;
    m.name = '';
    delete m.source;
    expect(paths(m)).toEqual(['id', 'name', 'source']);
  });

  it('names cpu.cores when not a positive integer', () => {
    for (const cores of [0, -2, 1.5, '4', undefined]) {
      const m = teaching();
      m.cpu.cores = cores;
      expect(paths(m)).toEqual(['cpu.cores']);
    }
  });

  it('checks cache size, ways and line size', () => {
    let m = teaching();
    m.caches[1].ways = 0;
    expect(paths(m)).toEqual(['caches[1].ways']);
    m = teaching();
    m.caches[1].ways = 'half';
    expect(paths(m)).toEqual(['caches[1].ways']);
    m = teaching();
    m.caches[0].sizeBytes = 100.5;
    expect(paths(m)).toEqual(['caches[0].sizeBytes']);
    m = teaching();
    m.caches[0].lineBytes = 24;
    expect(paths(m)).toEqual(['caches[0].lineBytes']);
    m = teaching();
    m.caches[0].sizeBytes = 112; // 112 = 7 × 16 but 3.5 × 32
    expect(messages(m)).toEqual(['caches[0].sizeBytes: sizeBytes (112) must be a multiple of lineBytes × ways (16 × 2 = 32)']);
    m = teaching();
    m.caches[0].ways = 'full';
    m.caches[0].sizeBytes = 136; // not a multiple of 16
    expect(messages(m)).toEqual(['caches[0].sizeBytes: sizeBytes (136) must be a multiple of lineBytes (16)']);
    m.caches[0].sizeBytes = 144; // 9 lines, fully associative: fine
    expect(paths(m)).toEqual([]);
  });

  it('requires a power-of-two number of ways for tree-PLRU', () => {
    const m = teaching();
    m.caches[1] = { ...m.caches[1], ways: 3, sizeBytes: 8 * 3 * 16, replacement: 'tree-plru' };
    expect(messages(m)).toEqual(['caches[1].ways: tree-PLRU needs a power-of-two number of ways, got 3']);
    m.caches[1].ways = 'full'; // 24 lines in one set: still not a power of two
    expect(paths(m)).toEqual(['caches[1].ways']);
    m.caches[1].sizeBytes = 32 * 16;
    expect(paths(m)).toEqual([]);
  });

  it('refuses a line smaller than the level above on the data path', () => {
    const m = teaching();
    // L3 has 32 B lines; give L2 32 B lines too, then L1 64 B lines: L2 (32) < L1 (64).
    m.caches[0] = { ...m.caches[0], lineBytes: 64, sizeBytes: 4 * 2 * 64 };
    expect(messages(m)).toEqual(['caches[1].lineBytes: L2 line (16 B) is smaller than the L1 line above it (64 B)']);
    // An instruction cache is not on the data path.
    const n = teaching();
    n.caches.push({ ...n.caches[0], type: 'Instruction', lineBytes: 128, sizeBytes: 4 * 2 * 128 });
    expect(paths(n)).toEqual([]);
  });

  it('rejects unknown policy strings', () => {
    const m = teaching();
    m.caches[2].replacement = 'mru';
    m.caches[2].write = 'write-around';
    m.caches[2].allocate = 'maybe';
    m.caches[0].type = 'data';
    expect(paths(m)).toEqual(['caches[0].type', 'caches[2].replacement', 'caches[2].write', 'caches[2].allocate']);
  });

  it('checks figures: finite positive values with a source', () => {
    const m = teaching();
    m.caches[0].latency = { value: -1, source: 'x' };
    m.memory.latency = { value: Infinity, source: 'x' };
    m.os.contextSwitch = { value: 5, source: '' };
    m.ssd.randomRead4K = 150;
    m.cpu.clockGHz = { value: NaN, source: 'x' };
    expect(paths(m)).toEqual([
      'cpu.clockGHz.value',
      'os.contextSwitch.source',
      'memory.latency.value',
      'ssd.randomRead4K',
      'caches[0].latency.value',
    ]);
  });
});

describe('cacheSets', () => {
  it('is size / (line × ways), or 1 when fully associative', () => {
    expect(cacheSets({ sizeBytes: 32768 as never, ways: 8, lineBytes: 64 as never })).toBe(64); // 32768 / 512
    expect(cacheSets({ sizeBytes: 128 as never, ways: 'full', lineBytes: 16 as never })).toBe(1);
  });
});
