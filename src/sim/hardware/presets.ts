/**
 * The built-in machines. Every figure names its source; a row a table does not give stays
 * absent. Cache geometry (sizes, ways, lines) is not in the latency tables, so the 2012 and
 * 2020 presets take it from a typical part of the era and say so in each cache's source.
 */
import { bytes, KiB, MiB, nanos, NS_PER_MS, NS_PER_US, type Nanos } from '../core/units';
import type { CacheLevelSpec, Figure, MachineModel } from './types';

const DEAN = 'Dean/Norvig ~2012';
const SCOTT = 'Colin Scott ~2020';
// The project's latency notes (docs/latency.md, 'Other useful magnitudes'); shown in the UI, so said in plain words.
const MAGNITUDES = 'typical magnitudes (teaching figures)';
const TEACHING = 'teaching values, round numbers';

const ns = (value: number, source: string): Figure<Nanos> => ({ value: nanos(value), source });

/** A write-back, write-allocate cache level. */
function cache(
  level: number,
  type: CacheLevelSpec['type'],
  sizeBytes: number,
  ways: number,
  lineBytes: number,
  shared: boolean,
  source: string,
  replacement: CacheLevelSpec['replacement'],
  latency?: Figure<Nanos>,
): CacheLevelSpec {
  const spec: CacheLevelSpec = {
    level,
    type,
    sizeBytes: bytes(sizeBytes),
    ways,
    lineBytes: bytes(lineBytes),
    replacement,
    write: 'write-back',
    allocate: 'write-allocate',
    shared,
    source,
  };
  return latency === undefined ? spec : { ...spec, latency };
}

/** Context switch, thread and process creation: era-independent magnitudes from latency.md. */
const OS_MAGNITUDES = {
  contextSwitch: ns(3 * NS_PER_US, `${MAGNITUDES}: "a few µs"`),
  threadCreate: ns(25 * NS_PER_US, `${MAGNITUDES}: "~10–50 µs"`),
  processSpawn: ns(1.2 * NS_PER_MS, `${MAGNITUDES}: /bin/true spawned and reaped, median of 15, measured on a development machine`),
};

const SANDY = 'typical Intel Sandy Bridge client, e.g. Core i7-2600 (2011) — geometry not in the table';
const ZEN2 = 'typical AMD Zen 2 desktop, e.g. Ryzen 7 3700X (2019) — geometry not in the table';

/** Jeff Dean / Peter Norvig's table, every row mapped; no L3 latency (the table has none). */
const PRESET_2012: MachineModel = {
  id: '2012',
  name: '~2012 table',
  source: "Jeff Dean / Peter Norvig, 'Latency numbers every programmer should know' (~2012)",
  measured: false,
  cpu: {
    cores: 4,
    clockGHz: { value: 3.4, source: `${SANDY}: 3.4 GHz base clock` },
    branchMispredict: ns(5, DEAN),
  },
  caches: [
    cache(1, 'Data', 32 * KiB, 8, 64, false, SANDY, 'tree-plru', ns(0.5, DEAN)),
    cache(1, 'Instruction', 32 * KiB, 8, 64, false, SANDY, 'tree-plru'),
    cache(2, 'Unified', 256 * KiB, 8, 64, false, SANDY, 'tree-plru', ns(7, DEAN)),
    cache(3, 'Unified', 8 * MiB, 16, 64, true, SANDY, 'lru'),
  ],
  coherence: {},
  os: { mutexLockUnlock: ns(25, DEAN), ...OS_MAGNITUDES },
  memory: { latency: ns(100, DEAN), read1MB: ns(250 * NS_PER_US, DEAN) },
  ssd: { randomRead4K: ns(150 * NS_PER_US, DEAN), read1MB: ns(1 * NS_PER_MS, DEAN) },
  hdd: { seek: ns(10 * NS_PER_MS, DEAN), read1MB: ns(20 * NS_PER_MS, DEAN) },
  network: {
    send1KB: ns(10 * NS_PER_US, `${DEAN}: send 1 KB over 1 Gbps network`),
    datacenterRoundTrip: ns(500 * NS_PER_US, DEAN),
    intercontinentalRoundTrip: ns(150 * NS_PER_MS, `${DEAN}: packet California → Netherlands → California`),
  },
  compression: { compress1KB: ns(3 * NS_PER_US, `${DEAN}: Snappy/Zippy`) },
};

/**
 * Colin Scott's ~2020 extrapolation. Its "send 2 KB" row (44 ns) counts transmission only,
 * a known flaw, so send1KB stays absent rather than carry a figure below DRAM latency.
 */
const PRESET_2020: MachineModel = {
  id: '2020',
  name: '~2020 table',
  source: "Colin Scott, 'Latency Numbers Every Programmer Should Know' interactive update (~2020 extrapolation)",
  measured: false,
  cpu: {
    cores: 8,
    clockGHz: { value: 3.6, source: `${ZEN2}: 3.6 GHz base clock` },
    branchMispredict: ns(3, SCOTT),
  },
  caches: [
    cache(1, 'Data', 32 * KiB, 8, 64, false, ZEN2, 'tree-plru', ns(1, SCOTT)),
    cache(1, 'Instruction', 32 * KiB, 8, 64, false, ZEN2, 'tree-plru'),
    cache(2, 'Unified', 512 * KiB, 8, 64, false, ZEN2, 'tree-plru', ns(4, SCOTT)),
    cache(3, 'Unified', 16 * MiB, 16, 64, true, `${ZEN2}; 16 MiB per 4-core complex`, 'lru'),
  ],
  coherence: {},
  os: { mutexLockUnlock: ns(17, SCOTT), ...OS_MAGNITUDES },
  memory: { latency: ns(100, SCOTT), read1MB: ns(3 * NS_PER_US, SCOTT) },
  ssd: { randomRead4K: ns(16 * NS_PER_US, SCOTT), read1MB: ns(49 * NS_PER_US, SCOTT) },
  hdd: { seek: ns(2 * NS_PER_MS, SCOTT), read1MB: ns(825 * NS_PER_US, SCOTT) },
  network: {
    datacenterRoundTrip: ns(500 * NS_PER_US, SCOTT),
    intercontinentalRoundTrip: ns(150 * NS_PER_MS, `${SCOTT}: packet California → Netherlands → California`),
  },
  compression: { compress1KB: ns(2 * NS_PER_US, SCOTT) },
};

/** Caches small enough to watch every set: 128 B L1d, 512 B L2, 2 KiB L3. */
const PRESET_TEACHING: MachineModel = {
  id: 'teaching',
  name: 'Teaching machine',
  source: TEACHING,
  measured: false,
  cpu: { cores: 2, clockGHz: { value: 1, source: TEACHING } },
  caches: [
    cache(1, 'Data', 4 * 2 * 16, 2, 16, false, `${TEACHING}: 4 sets × 2 ways × 16 B`, 'lru', ns(1, TEACHING)),
    cache(2, 'Unified', 8 * 4 * 16, 4, 16, false, `${TEACHING}: 8 sets × 4 ways × 16 B`, 'lru', ns(4, TEACHING)),
    cache(3, 'Unified', 16 * 4 * 32, 4, 32, true, `${TEACHING}: 16 sets × 4 ways × 32 B`, 'lru', ns(12, TEACHING)),
  ],
  coherence: {},
  os: {},
  memory: { latency: ns(100, TEACHING) },
  ssd: {},
  hdd: {},
  network: {},
  compression: {},
};

/** The built-in machines, in menu order. */
export const PRESETS: readonly MachineModel[] = [PRESET_2012, PRESET_2020, PRESET_TEACHING];

/** Ids of {@link PRESETS}: `'2012'`, `'2020'`, `'teaching'`. */
export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);

/** The preset with this id, or undefined. */
export function getPreset(id: string): MachineModel | undefined {
  return PRESETS.find((p) => p.id === id);
}
