import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCpuList, osCaches, parseSysfsSize, readSysfsCaches } from '../../src/main/services/osCaches';

let root: string;

async function index(n: number, files: Record<string, string>): Promise<void> {
  const dir = join(root, `index${n}`);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), `${text}\n`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nanoscope-sysfs-'));
  // Written out of order on purpose: the result is sorted by level, then Data before Instruction.
  await index(3, { level: '3', type: 'Unified', size: '32768K', ways_of_associativity: '16', coherency_line_size: '64', shared_cpu_list: '0-1' });
  await index(0, { level: '1', type: 'Data', size: '48K', ways_of_associativity: '12', coherency_line_size: '64', shared_cpu_list: '0' });
  await index(1, { level: '1', type: 'Instruction', size: '32K', ways_of_associativity: '8', coherency_line_size: '64', shared_cpu_list: '0' });
  await index(2, { level: '2', type: 'Unified', size: '1024K', ways_of_associativity: '8', coherency_line_size: '64', shared_cpu_list: '0,2,4-5' });
  await index(4, { level: 'x', type: 'Unified', size: '1K' }); // broken entry: skipped
  await mkdir(join(root, 'power')); // not an index directory
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('osCaches', () => {
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
    expect(await osCaches({ platform: 'linux', sysfsRoot: root })).toHaveLength(4);
  });

  it('returns [] for a missing tree and for other OSes', async () => {
    expect(await readSysfsCaches(join(root, 'nope'))).toEqual([]);
    expect(await osCaches({ platform: 'win32', sysfsRoot: root })).toEqual([]);
  });
});
