import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OsCacheInfo } from '../../shared/api';

export const SYSFS_CACHE_DIR = '/sys/devices/system/cpu/cpu0/cache';

/** "48K" → 49152, "32768K" → 33554432, "1M" → 1048576, "512" → 512. */
export function parseSysfsSize(text: string): number | undefined {
  const m = /^(\d+)\s*([KMG]?)$/i.exec(text.trim());
  if (!m) return undefined;
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(m[1]) * mult;
}

/** "0-1" → 2, "0,2,4-5" → 4. */
export function countCpuList(text: string): number | undefined {
  let n = 0;
  for (const part of text.trim().split(',')) {
    if (part === '') continue;
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return undefined;
    n += m[2] === undefined ? 1 : Number(m[2]) - Number(m[1]) + 1;
  }
  return n || undefined;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** Caches of CPU 0 as Linux's sysfs describes them; `root` is the cache directory (a fixture in tests). */
export async function readSysfsCaches(root: string = SYSFS_CACHE_DIR): Promise<OsCacheInfo[]> {
  let entries: string[];
  try {
    entries = (await readdir(root)).filter((e) => /^index\d+$/.test(e));
  } catch {
    return [];
  }
  const caches: OsCacheInfo[] = [];
  for (const entry of entries) {
    const dir = join(root, entry);
    const [level, type, size, ways, line, shared] = await Promise.all(
      ['level', 'type', 'size', 'ways_of_associativity', 'coherency_line_size', 'shared_cpu_list'].map((f) => readText(join(dir, f))),
    );
    const lvl = Number(level);
    const bytes = size === undefined ? undefined : parseSysfsSize(size);
    if (!Number.isInteger(lvl) || lvl < 1 || bytes === undefined) continue;
    if (type !== 'Data' && type !== 'Instruction' && type !== 'Unified') continue;
    const info: { -readonly [K in keyof OsCacheInfo]: OsCacheInfo[K] } = { level: lvl, type, bytes };
    const w = Number(ways);
    if (ways !== undefined && Number.isInteger(w) && w > 0) info.ways = w;
    const l = Number(line);
    if (line !== undefined && Number.isInteger(l) && l > 0) info.lineBytes = l;
    const s = shared === undefined ? undefined : countCpuList(shared);
    if (s !== undefined) info.sharedBy = s;
    caches.push(info);
  }
  const typeOrder = { Data: 0, Instruction: 1, Unified: 2 };
  return caches.sort((a, b) => a.level - b.level || typeOrder[a.type] - typeOrder[b.type]);
}

/** macOS: hw.l1dcachesize and friends from sysctl. */
async function readSysctlCaches(): Promise<OsCacheInfo[]> {
  const keys = ['hw.l1dcachesize', 'hw.l1icachesize', 'hw.l2cachesize', 'hw.l3cachesize', 'hw.cachelinesize'];
  const { stdout } = await promisify(execFile)('sysctl', keys, { timeout: 2000 });
  const values = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const m = /^([\w.]+):\s*(\d+)/.exec(line);
    if (m) values.set(m[1]!, Number(m[2]));
  }
  const lineBytes = values.get('hw.cachelinesize');
  const out: OsCacheInfo[] = [];
  const add = (key: string, level: number, type: OsCacheInfo['type']): void => {
    const bytes = values.get(key);
    if (bytes && bytes > 0) out.push(lineBytes ? { level, type, bytes, lineBytes } : { level, type, bytes });
  };
  add('hw.l1dcachesize', 1, 'Data');
  add('hw.l1icachesize', 1, 'Instruction');
  add('hw.l2cachesize', 2, 'Unified');
  add('hw.l3cachesize', 3, 'Unified');
  return out;
}

/** The OS's description of this machine's caches; [] where the OS does not say or on error. */
export async function osCaches(options: { platform?: NodeJS.Platform; sysfsRoot?: string } = {}): Promise<OsCacheInfo[]> {
  const platform = options.platform ?? process.platform;
  try {
    if (platform === 'linux') return await readSysfsCaches(options.sysfsRoot);
    if (platform === 'darwin') return await readSysctlCaches();
  } catch {
    return [];
  }
  return [];
}
