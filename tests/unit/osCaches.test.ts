import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countCpuList,
  enabledSources,
  osCacheReport,
  osCaches,
  parseGetconf,
  parseLscpu,
  parsePowerShell,
  parseSysctl,
  parseSysfsSize,
  readSysfsCaches,
  type CommandRunner,
} from '../../src/main/services/osCaches';

const K = 1024;
const M = K * K;
let root: string;
let truncated: string;
const fixture = (name: string): Promise<string> => readFile(join(__dirname, '..', 'fixtures', 'osCaches', name), 'utf8');

async function index(dir: string, n: number, files: Record<string, string>): Promise<void> {
  const d = join(dir, `index${n}`);
  await mkdir(d, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(d, name), `${text}\n`);
}

/** A fake command line: answers from fixture texts by command name, fails (as ENOENT) for anything else. */
function runner(outputs: Record<string, string>): CommandRunner & { calls: string[] } {
  const calls: string[] = [];
  const run = async (file: string): Promise<string> => {
    calls.push(file);
    const out = outputs[file];
    if (out === undefined) throw new Error(`spawn ${file} ENOENT`);
    return out;
  };
  return Object.assign(run, { calls });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nanoscope-sysfs-'));
  // Written out of order on purpose: the result is sorted by level, then Data before Instruction.
  await index(root, 3, { level: '3', type: 'Unified', size: '32768K', ways_of_associativity: '16', coherency_line_size: '64', shared_cpu_list: '0-1' });
  await index(root, 0, { level: '1', type: 'Data', size: '48K', ways_of_associativity: '12', coherency_line_size: '64', shared_cpu_list: '0' });
  await index(root, 1, { level: '1', type: 'Instruction', size: '32K', ways_of_associativity: '8', coherency_line_size: '64', shared_cpu_list: '0' });
  await index(root, 2, { level: '2', type: 'Unified', size: '1024K', ways_of_associativity: '8', coherency_line_size: '64', shared_cpu_list: '0,2,4-5' });
  await index(root, 4, { level: 'x', type: 'Unified', size: '1K' }); // broken entry: skipped
  await mkdir(join(root, 'power')); // not an index directory
  // A tree whose only data cache was cut off mid-write: "4" bytes, and a type that lost its end.
  truncated = await mkdtemp(join(tmpdir(), 'nanoscope-sysfs-cut-'));
  await index(truncated, 0, { level: '1', type: 'Data', size: '4' });
  await index(truncated, 1, { level: '2', type: 'Unif', size: '1024K' });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(truncated, { recursive: true, force: true });
});

describe('osCaches: sysfs', () => {
  it('parses sizes and CPU lists as sysfs writes them', () => {
    expect(parseSysfsSize('48K')).toBe(49152);
    expect(parseSysfsSize('1024K')).toBe(1048576);
    expect(parseSysfsSize('32768K')).toBe(33554432);
    expect(parseSysfsSize('2M')).toBe(2097152);
    expect(parseSysfsSize('512')).toBe(512);
    expect(parseSysfsSize('big')).toBeUndefined();
    expect(countCpuList('0-1')).toBe(2);
    expect(countCpuList('0,2,4-5')).toBe(4);
    expect(countCpuList('0')).toBe(1);
  });

  it('reads a fixture sysfs tree', async () => {
    expect(await readSysfsCaches(root)).toEqual([
      { level: 1, type: 'Data', bytes: 49152, ways: 12, lineBytes: 64, sharedBy: 1 },
      { level: 1, type: 'Instruction', bytes: 32768, ways: 8, lineBytes: 64, sharedBy: 1 },
      { level: 2, type: 'Unified', bytes: 1048576, ways: 8, lineBytes: 64, sharedBy: 4 },
      { level: 3, type: 'Unified', bytes: 33554432, ways: 16, lineBytes: 64, sharedBy: 2 },
    ]);
    const report = await osCacheReport({ platform: 'linux', sysfsRoot: root, sourcesEnv: undefined, run: runner({}) });
    expect(report.source).toBe('sysfs');
    expect(report.caches.map((c) => c.source)).toEqual(['Linux sysfs', 'Linux sysfs', 'Linux sysfs', 'Linux sysfs']);
    expect(report.notes).toEqual(['sysfs index4: level NaN is not 1–4; skipped']);
  });

  it('returns [] for a missing tree and for an OS whose source fails', async () => {
    expect(await readSysfsCaches(join(root, 'nope'))).toEqual([]);
    const run = runner({});
    const report = await osCacheReport({ platform: 'win32', sysfsRoot: root, sourcesEnv: undefined, run });
    expect(report).toEqual({ caches: [], source: null, notes: ['Windows Win32_CacheMemory: spawn powershell.exe ENOENT; skipped'] });
    expect(await osCaches({ platform: 'aix', sysfsRoot: root, sourcesEnv: undefined, run })).toEqual([]);
  });
});

describe('osCaches: every source in order', () => {
  it('getconf as glibc prints it on the EPYC VM (L3 assoc 0 and empty L4 are "not known")', async () => {
    const parsed = parseGetconf(await fixture('getconf-epyc-vm.txt'));
    expect(parsed).toEqual({
      caches: [
        { level: 1, type: 'Data', bytes: 48 * K, ways: 12, lineBytes: 64 },
        { level: 1, type: 'Instruction', bytes: 32 * K, lineBytes: 64 },
        { level: 2, type: 'Unified', bytes: 1 * M, ways: 16, lineBytes: 64 },
        // This VM's CPUID claims a 384 MiB L3; the pointer chase is what contradicts it (thisMachine).
        { level: 3, type: 'Unified', bytes: 384 * M, lineBytes: 64 },
      ],
      notes: [],
    });
  });

  it('lscpu -C --bytes, columns found by their header', async () => {
    expect(parseLscpu(await fixture('lscpu-epyc.txt')).caches).toEqual([
      { level: 1, type: 'Data', bytes: 48 * K, ways: 12, lineBytes: 64 },
      { level: 1, type: 'Instruction', bytes: 32 * K, ways: 8, lineBytes: 64 },
      { level: 2, type: 'Unified', bytes: 1 * M, ways: 16, lineBytes: 64 },
      { level: 3, type: 'Unified', bytes: 32 * M, ways: 16, lineBytes: 64 },
    ]);
    expect(parseLscpu(await fixture('lscpu-garbage.txt'))).toEqual({
      caches: [],
      notes: ['lscpu -C: no NAME/ONE-SIZE/TYPE/LEVEL header (got “NAME ONE-SIZE ALL-SIZE”); skipped'],
    });
  });

  it('macOS sysctl (Apple M1: 128-byte lines, no L3)', async () => {
    expect(parseSysctl(await fixture('sysctl-m1.txt'))).toEqual({
      caches: [
        { level: 1, type: 'Data', bytes: 64 * K, lineBytes: 128 },
        { level: 1, type: 'Instruction', bytes: 128 * K, lineBytes: 128 },
        { level: 2, type: 'Unified', bytes: 4 * M, lineBytes: 128 },
      ],
      notes: [],
    });
    expect(parseSysctl('hw.l1dcachesize: lots\n').notes).toEqual(['sysctl hw.l1dcachesize: “lots” unreadable; skipped']);
  });

  it('Windows Win32_CacheMemory: L1 and L2 totals divided over 8 cores (512 KiB → 64 KiB, 4096 KiB → 512 KiB)', async () => {
    expect(parsePowerShell(await fixture('powershell-ryzen.json'))).toEqual({
      caches: [
        { level: 1, type: 'Unified', bytes: 64 * K, ways: 8, sharedBy: 1 },
        { level: 2, type: 'Unified', bytes: 512 * K, ways: 8, sharedBy: 1 },
        { level: 3, type: 'Unified', bytes: 32 * M, ways: 16 },
      ],
      notes: [],
    });
    expect(parsePowerShell('Get-CimInstance : not recognized').notes[0]).toContain('not JSON');
  });

  it('skips a truncated sysfs tree with notes and falls through to getconf, then lscpu', async () => {
    const run = runner({ getconf: 'LEVEL1_DCACHE_SIZE 4x\n', lscpu: await fixture('lscpu-epyc.txt') });
    const report = await osCacheReport({ platform: 'linux', sysfsRoot: truncated, sourcesEnv: undefined, run });
    expect(report.source).toBe('lscpu');
    expect(report.caches[0]).toEqual({ level: 1, type: 'Data', bytes: 48 * K, ways: 12, lineBytes: 64, source: 'lscpu -C' });
    expect(report.notes).toEqual([
      'sysfs index0: size 4 B is not a plausible cache size; skipped',
      'sysfs index1: type “Unif” unreadable; skipped',
      'getconf LEVEL1_DCACHE_SIZE: “4x” unreadable; skipped',
    ]);
    expect(run.calls).toEqual(['getconf', 'lscpu']);
  });

  it('macOS asks sysctl only', async () => {
    const run = runner({ sysctl: await fixture('sysctl-m1.txt') });
    const report = await osCacheReport({ platform: 'darwin', sourcesEnv: undefined, run });
    expect([report.source, report.caches.length, run.calls]).toEqual(['sysctl', 3, ['sysctl']]);
  });
});

describe('NANOSCOPE_CACHE_SOURCES', () => {
  it('parses all, none, lists and exclusions', () => {
    expect(enabledSources(undefined).sources).toEqual(['sysfs', 'getconf', 'lscpu', 'sysctl', 'powershell']);
    expect(enabledSources('none').sources).toEqual([]);
    expect(enabledSources('-sysfs').sources).toEqual(['getconf', 'lscpu', 'sysctl', 'powershell']);
    expect(enabledSources('lscpu, getconf').sources).toEqual(['getconf', 'lscpu']);
    expect(enabledSources('sysfs,bogus').notes[0]).toBe('NANOSCOPE_CACHE_SOURCES: unknown source “bogus” ignored (known: sysfs, getconf, lscpu, sysctl, powershell, none)');
  });

  it('-sysfs skips the tree; none reports nothing and runs nothing', async () => {
    const run = runner({ getconf: await fixture('getconf-epyc-vm.txt') });
    const off = await osCacheReport({ platform: 'linux', sysfsRoot: root, sourcesEnv: '-sysfs', run });
    expect([off.source, off.caches[0]?.bytes]).toEqual(['getconf', 48 * K]);
    const none = await osCacheReport({ platform: 'linux', sysfsRoot: root, sourcesEnv: 'none', run });
    expect(none).toEqual({ caches: [], source: null, notes: ["NANOSCOPE_CACHE_SOURCES=none: the OS's cache reports are switched off"] });
    expect(run.calls).toEqual(['getconf']);
  });
});
