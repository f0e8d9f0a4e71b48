/**
 * The OS's description of this machine's caches, from every source there is, in order:
 * Linux sysfs, `getconf`, `lscpu -C`; macOS `sysctl`; Windows `Win32_CacheMemory` through
 * PowerShell. The first source that describes a data cache wins; a source that answers garbage
 * is skipped with a note naming it. Nothing here throws. Without any source the pointer chase's
 * own plateaus stand in (src/sim/hardware/thisMachine.ts).
 *
 * `NANOSCOPE_CACHE_SOURCES` switches sources off: `none` (the OS reports nothing), a list
 * (`getconf,lscpu`: only those) or exclusions (`-sysfs`: all but sysfs).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OsCacheInfo } from '../../shared/api';

export const SYSFS_CACHE_DIR = '/sys/devices/system/cpu/cpu0/cache';
export const CACHE_SOURCES_ENV = 'NANOSCOPE_CACHE_SOURCES';

/** Every source, in the order they are tried. */
export const CACHE_SOURCES = ['sysfs', 'getconf', 'lscpu', 'sysctl', 'powershell'] as const;
export type CacheSourceName = (typeof CACHE_SOURCES)[number];

/** How each source is named to the user (OsCacheInfo.source). */
export const SOURCE_LABEL: Record<CacheSourceName, string> = {
  sysfs: 'Linux sysfs',
  getconf: 'getconf',
  lscpu: 'lscpu -C',
  sysctl: 'macOS sysctl',
  powershell: 'Windows Win32_CacheMemory',
};

const PLATFORM_SOURCES: Partial<Record<NodeJS.Platform, readonly CacheSourceName[]>> = {
  linux: ['sysfs', 'getconf', 'lscpu'],
  darwin: ['sysctl'],
  win32: ['powershell'],
};

/** Plausible bounds: a cache outside them is garbage (a truncated file, a misread column). */
const MIN_CACHE = 1024;
const MAX_CACHE = 4 * 1024 ** 3;
const MIN_LINE = 8;
const MAX_LINE = 1024;
/** Output of a command is cut here before parsing. */
const MAX_OUTPUT = 256 * 1024;

/** What the sources said: the caches of the first usable one, its name, and why others were skipped. */
export interface CacheReport {
  readonly caches: OsCacheInfo[];
  readonly source: CacheSourceName | null;
  readonly notes: string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Parsed = { caches: OsCacheInfo[]; notes: string[] };

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

/**
 * Which sources `NANOSCOPE_CACHE_SOURCES` leaves on, in order, and a note for names it does
 * not know. Unset or empty or `all`: every source.
 */
export function enabledSources(value: string | undefined): { sources: CacheSourceName[]; notes: string[] } {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'all') return { sources: [...CACHE_SOURCES], notes: [] };
  if (text === 'none') return { sources: [], notes: [`${CACHE_SOURCES_ENV}=none: the OS's cache reports are switched off`] };
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const notes: string[] = [];
  const known = (n: string): n is CacheSourceName => (CACHE_SOURCES as readonly string[]).includes(n);
  for (const n of names) {
    const bare = n.replace(/^-/, '');
    if (!known(bare)) notes.push(`${CACHE_SOURCES_ENV}: unknown source “${bare}” ignored (known: ${CACHE_SOURCES.join(', ')}, none)`);
  }
  const excluded = names.filter((n) => n.startsWith('-')).map((n) => n.slice(1));
  const included = names.filter((n): n is CacheSourceName => !n.startsWith('-') && known(n));
  const base: readonly CacheSourceName[] = included.length > 0 ? included : excluded.length > 0 ? CACHE_SOURCES : [];
  const sources = CACHE_SOURCES.filter((s) => base.includes(s) && !excluded.includes(s));
  notes.push(`${CACHE_SOURCES_ENV}=${value ?? ''}: sources on: ${sources.length > 0 ? sources.join(', ') : 'none'}`);
  return { sources, notes };
}

/** A cache whose numbers are plausible, or the reason it is not. */
function checked(info: Mutable<OsCacheInfo>, where: string): { ok: OsCacheInfo } | { bad: string } {
  if (!Number.isInteger(info.level) || info.level < 1 || info.level > 4) return { bad: `${where}: level ${String(info.level)} is not 1–4` };
  if (!Number.isInteger(info.bytes) || info.bytes < MIN_CACHE || info.bytes > MAX_CACHE) return { bad: `${where}: size ${String(info.bytes)} B is not a plausible cache size` };
  if (info.lineBytes !== undefined && (!Number.isInteger(info.lineBytes) || info.lineBytes < MIN_LINE || info.lineBytes > MAX_LINE)) {
    return { bad: `${where}: line ${String(info.lineBytes)} B is not a plausible line size` };
  }
  return { ok: info };
}

const TYPE_ORDER = { Data: 0, Instruction: 1, Unified: 2 };
const sortCaches = (caches: OsCacheInfo[]): OsCacheInfo[] => caches.sort((a, b) => a.level - b.level || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** Caches of CPU 0 as Linux's sysfs describes them, with a note per unreadable entry; `root` is a fixture in tests. */
export async function readSysfsReport(root: string = SYSFS_CACHE_DIR): Promise<Parsed> {
  let entries: string[];
  try {
    entries = (await readdir(root)).filter((e) => /^index\d+$/.test(e)).sort();
  } catch {
    return { caches: [], notes: [] };
  }
  const caches: OsCacheInfo[] = [];
  const notes: string[] = [];
  for (const entry of entries) {
    const dir = join(root, entry);
    const [level, type, size, ways, line, shared] = await Promise.all(
      ['level', 'type', 'size', 'ways_of_associativity', 'coherency_line_size', 'shared_cpu_list'].map((f) => readText(join(dir, f))),
    );
    const where = `sysfs ${entry}`;
    if (type !== 'Data' && type !== 'Instruction' && type !== 'Unified') {
      notes.push(`${where}: type “${type ?? '(missing)'}” unreadable; skipped`);
      continue;
    }
    const bytes = size === undefined ? undefined : parseSysfsSize(size);
    if (bytes === undefined) {
      notes.push(`${where}: size “${size ?? '(missing)'}” unreadable; skipped`);
      continue;
    }
    const info: Mutable<OsCacheInfo> = { level: Number(level), type, bytes };
    const w = Number(ways);
    if (ways !== undefined && Number.isInteger(w) && w > 0) info.ways = w;
    const l = Number(line);
    if (line !== undefined && Number.isInteger(l) && l > 0) info.lineBytes = l;
    const s = shared === undefined ? undefined : countCpuList(shared);
    if (s !== undefined) info.sharedBy = s;
    const result = checked(info, where);
    if ('bad' in result) notes.push(`${result.bad}; skipped`);
    else caches.push(result.ok);
  }
  return { caches: sortCaches(caches), notes };
}

/** Caches of CPU 0 from sysfs (no notes). */
export async function readSysfsCaches(root: string = SYSFS_CACHE_DIR): Promise<OsCacheInfo[]> {
  return (await readSysfsReport(root)).caches;
}

/** `getconf -a` (glibc): LEVEL1_DCACHE_SIZE, LEVEL1_DCACHE_ASSOC, LEVEL1_DCACHE_LINESIZE, … LEVEL4_CACHE_*. Empty or 0 means not known. */
export function parseGetconf(text: string): Parsed {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(LEVEL\d_[ID]?CACHE_(?:SIZE|ASSOC|LINESIZE))\s*(.*)$/.exec(line.trim());
    if (m) values.set(m[1]!, m[2]!.trim());
  }
  const caches: OsCacheInfo[] = [];
  const notes: string[] = [];
  const groups: [string, number, OsCacheInfo['type']][] = [
    ['LEVEL1_DCACHE', 1, 'Data'],
    ['LEVEL1_ICACHE', 1, 'Instruction'],
    ['LEVEL2_CACHE', 2, 'Unified'],
    ['LEVEL3_CACHE', 3, 'Unified'],
    ['LEVEL4_CACHE', 4, 'Unified'],
  ];
  for (const [key, level, type] of groups) {
    const size = values.get(`${key}_SIZE`);
    if (size === undefined || size === '' || size === '0') continue;
    if (!/^\d+$/.test(size)) {
      notes.push(`getconf ${key}_SIZE: “${size.slice(0, 40)}” unreadable; skipped`);
      continue;
    }
    const info: Mutable<OsCacheInfo> = { level, type, bytes: Number(size) };
    const assoc = Number(values.get(`${key}_ASSOC`));
    if (Number.isInteger(assoc) && assoc > 0) info.ways = assoc;
    const line = Number(values.get(`${key}_LINESIZE`));
    if (Number.isInteger(line) && line > 0) info.lineBytes = line;
    const result = checked(info, `getconf ${key}`);
    if ('bad' in result) notes.push(`${result.bad}; skipped`);
    else caches.push(result.ok);
  }
  return { caches: sortCaches(caches), notes };
}

/** `lscpu -C --bytes`: a table headed NAME ONE-SIZE ALL-SIZE WAYS TYPE LEVEL … COHERENCY-SIZE (columns found by name). */
export function parseLscpu(text: string): Parsed {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = lines[0]?.split(/\s+/) ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [sizeCol, waysCol, typeCol, levelCol, lineCol] = ['ONE-SIZE', 'WAYS', 'TYPE', 'LEVEL', 'COHERENCY-SIZE'].map(col) as [number, number, number, number, number];
  if (sizeCol < 0 || typeCol < 0 || levelCol < 0) {
    return { caches: [], notes: [`lscpu -C: no NAME/ONE-SIZE/TYPE/LEVEL header (got “${(lines[0] ?? '').slice(0, 60)}”); skipped`] };
  }
  const caches: OsCacheInfo[] = [];
  const notes: string[] = [];
  for (const row of lines.slice(1)) {
    const cells = row.split(/\s+/);
    const where = `lscpu -C row “${row.slice(0, 60)}”`;
    const type = cells[typeCol];
    const bytes = parseSysfsSize(cells[sizeCol] ?? '');
    if ((type !== 'Data' && type !== 'Instruction' && type !== 'Unified') || bytes === undefined) {
      notes.push(`${where} unreadable; skipped`);
      continue;
    }
    const info: Mutable<OsCacheInfo> = { level: Number(cells[levelCol]), type, bytes };
    const ways = Number(cells[waysCol]);
    if (waysCol >= 0 && Number.isInteger(ways) && ways > 0) info.ways = ways;
    const line = Number(cells[lineCol]);
    if (lineCol >= 0 && Number.isInteger(line) && line > 0) info.lineBytes = line;
    const result = checked(info, where);
    if ('bad' in result) notes.push(`${result.bad}; skipped`);
    else caches.push(result.ok);
  }
  return { caches: sortCaches(caches), notes };
}

/** macOS `sysctl hw.l1dcachesize hw.l1icachesize hw.l2cachesize hw.l3cachesize hw.cachelinesize`. */
export function parseSysctl(text: string): Parsed {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([\w.]+)\s*[:=]\s*(.*)$/.exec(line.trim());
    if (m) values.set(m[1]!, m[2]!.trim());
  }
  const notes: string[] = [];
  const number = (key: string): number | undefined => {
    const v = values.get(key);
    if (v === undefined || v === '' || v === '0') return undefined;
    if (!/^\d+$/.test(v)) {
      notes.push(`sysctl ${key}: “${v.slice(0, 40)}” unreadable; skipped`);
      return undefined;
    }
    return Number(v);
  };
  const lineBytes = number('hw.cachelinesize');
  const caches: OsCacheInfo[] = [];
  const add = (key: string, level: number, type: OsCacheInfo['type']): void => {
    const bytes = number(key);
    if (bytes === undefined) return;
    const result = checked(lineBytes === undefined ? { level, type, bytes } : { level, type, bytes, lineBytes }, `sysctl ${key}`);
    if ('bad' in result) notes.push(`${result.bad}; skipped`);
    else caches.push(result.ok);
  };
  add('hw.l1dcachesize', 1, 'Data');
  add('hw.l1icachesize', 1, 'Instruction');
  add('hw.l2cachesize', 2, 'Unified');
  add('hw.l3cachesize', 3, 'Unified');
  return { caches: sortCaches(caches), notes };
}

/** The PowerShell command whose JSON `parsePowerShell` reads. */
export const POWERSHELL_SCRIPT =
  '$c = @(Get-CimInstance Win32_CacheMemory | Select-Object Purpose,Level,InstalledSize,Associativity,CacheType,LineSize); ' +
  '$n = (Get-CimInstance Win32_Processor | Measure-Object -Property NumberOfCores -Sum).Sum; ' +
  '@{ caches = $c; cores = $n } | ConvertTo-Json -Depth 3 -Compress';

/** Win32_CacheMemory.Associativity: the enumeration's code → ways (Fully Associative, Other, Unknown: not known). */
const WIN_ASSOC: Record<number, number> = { 3: 1, 4: 2, 5: 4, 7: 8, 8: 16, 9: 12, 10: 24, 11: 32, 12: 48, 13: 64, 14: 20 };

/**
 * Output of POWERSHELL_SCRIPT. Win32_CacheMemory's Level is 3 for L1, 4 for L2, 5 for L3;
 * InstalledSize is in KiB and, for the per-core L1 and L2, the total over all cores, so it is
 * divided by the core count. CacheType 3 instruction, 4 data, 5 unified.
 */
export function parsePowerShell(text: string): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { caches: [], notes: [`Windows Win32_CacheMemory: the PowerShell output is not JSON (“${text.trim().slice(0, 40)}”); skipped`] };
  }
  const root = (doc ?? {}) as { caches?: unknown; cores?: unknown };
  const list = Array.isArray(root.caches) ? root.caches : root.caches && typeof root.caches === 'object' ? [root.caches] : [];
  const cores = typeof root.cores === 'number' && Number.isInteger(root.cores) && root.cores > 0 ? root.cores : 1;
  const caches: OsCacheInfo[] = [];
  const notes: string[] = [];
  for (const raw of list as Record<string, unknown>[]) {
    const where = `Windows Win32_CacheMemory ${typeof raw?.Purpose === 'string' ? raw.Purpose.slice(0, 30) : 'entry'}`;
    const levelCode = Number(raw?.Level);
    const kib = Number(raw?.InstalledSize);
    if (![3, 4, 5].includes(levelCode) || !Number.isInteger(kib) || kib <= 0) {
      notes.push(`${where}: Level ${String(raw?.Level)} / InstalledSize ${String(raw?.InstalledSize)} unreadable; skipped`);
      continue;
    }
    const level = levelCode - 2;
    const typeCode = Number(raw.CacheType);
    const type: OsCacheInfo['type'] = typeCode === 3 ? 'Instruction' : typeCode === 4 || (level === 1 && typeCode !== 5) ? 'Data' : 'Unified';
    const perCore = level <= 2 && cores > 1 && (kib / cores) * 1024 >= MIN_CACHE;
    const info: Mutable<OsCacheInfo> = { level, type, bytes: (perCore ? kib / cores : kib) * 1024 };
    const ways = WIN_ASSOC[Number(raw.Associativity)];
    if (ways !== undefined) info.ways = ways;
    const line = Number(raw.LineSize);
    if (Number.isInteger(line) && line > 0) info.lineBytes = line;
    if (perCore) info.sharedBy = 1;
    const result = checked(info, where);
    if ('bad' in result) notes.push(`${result.bad}; skipped`);
    else caches.push(result.ok);
  }
  return { caches: sortCaches(caches), notes };
}

/** Runs a command, resolving with its stdout (cut to MAX_OUTPUT); rejects on failure or after 3 s. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<string>;

const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 3000, maxBuffer: MAX_OUTPUT, windowsHide: true }, (error, stdout) => {
      if (error) reject(error);
      else resolve(String(stdout).slice(0, MAX_OUTPUT));
    });
  });

export interface OsCacheOptions {
  readonly platform?: NodeJS.Platform;
  readonly sysfsRoot?: string;
  /** NANOSCOPE_CACHE_SOURCES; default process.env's. */
  readonly sourcesEnv?: string;
  readonly run?: CommandRunner;
}

async function readSource(name: CacheSourceName, options: OsCacheOptions, run: CommandRunner): Promise<Parsed> {
  switch (name) {
    case 'sysfs':
      return readSysfsReport(options.sysfsRoot);
    case 'getconf':
      return parseGetconf(await run('getconf', ['-a']));
    case 'lscpu':
      return parseLscpu(await run('lscpu', ['-C', '--bytes']));
    case 'sysctl':
      return parseSysctl(await run('sysctl', ['hw.l1dcachesize', 'hw.l1icachesize', 'hw.l2cachesize', 'hw.l3cachesize', 'hw.cachelinesize']));
    case 'powershell':
      return parsePowerShell(await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', POWERSHELL_SCRIPT]));
  }
}

/**
 * Tries this platform's sources in order; the first that gives a data (or unified) cache wins
 * and each of its caches names it in `source`. Never throws.
 */
export async function osCacheReport(options: OsCacheOptions = {}): Promise<CacheReport> {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  const env = enabledSources('sourcesEnv' in options ? options.sourcesEnv : process.env[CACHE_SOURCES_ENV]);
  const notes = [...env.notes];
  for (const name of (PLATFORM_SOURCES[platform] ?? []).filter((s) => env.sources.includes(s))) {
    let parsed: Parsed;
    try {
      parsed = await readSource(name, options, run);
    } catch (e) {
      notes.push(`${SOURCE_LABEL[name]}: ${(e as Error).message.split('\n')[0]!.slice(0, 120)}; skipped`);
      continue;
    }
    notes.push(...parsed.notes);
    if (parsed.caches.some((c) => c.type !== 'Instruction')) {
      return { caches: parsed.caches.map((c) => ({ ...c, source: SOURCE_LABEL[name] })), source: name, notes };
    }
    if (parsed.notes.length === 0) notes.push(`${SOURCE_LABEL[name]}: reports no data cache`);
  }
  return { caches: [], source: null, notes };
}

/** The OS's description of this machine's caches; [] where no source says anything usable. */
export async function osCaches(options: OsCacheOptions = {}): Promise<OsCacheInfo[]> {
  return (await osCacheReport(options)).caches;
}
