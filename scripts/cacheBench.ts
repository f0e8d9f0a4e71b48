/**
 * Cache simulator throughput, end to end: a generated 10-million-record lackey trace (in the
 * OS temp dir, made once) streamed from disk through the lackey parser into an L1+L2+L3 LRU
 * hierarchy (32 KiB/8-way, 256 KiB/4-way, 8 MiB/16-way, 64 B lines) on one core. The trace
 * mixes 50 % sequential 8-byte steps, 30 % a 32 KiB hot set and 20 % random over 128 MiB, one
 * record in five a store and one in ten a modify, plus an `I` line every four records (parsed,
 * then ignored). Used by scripts/bench.ts; `npx tsx scripts/cacheBench.ts` runs it alone.
 */
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CacheHierarchy } from '../src/sim/cache/hierarchy';
import { LackeyParser } from '../src/sim/cache/lackey';
import { Rng } from '../src/sim/core/rng';

const RECORDS = 10_000_000;
const TRACE = join(tmpdir(), `nanoscope-bench-${RECORDS}.lackey`);

async function writeTrace(): Promise<void> {
  const partial = `${TRACE}.part`;
  const out = createWriteStream(partial);
  const rng = new Rng(1);
  let text = '';
  let seq = 0x10000000;
  for (let i = 0; i < RECORDS; i++) {
    const r = i % 10;
    let addr: number;
    if (r < 5) addr = seq += 8;
    else if (r < 8) addr = 0x7ff000000 + rng.int(4096) * 8;
    else addr = 0x20000000 + rng.int(1 << 24) * 8;
    if (i % 4 === 0) text += `I  ${(0x400000 + (i & 0xffff)).toString(16)},4\n`;
    text += `${r === 3 || r === 6 ? ' S ' : r === 9 ? ' M ' : ' L '}${addr.toString(16)},8\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
  renameSync(partial, TRACE);
}

/** Runs the trace once; returns records/s (wall and CPU) and memory. */
async function runOnce(): Promise<{ records: number; wall: number; cpu: number; rssBefore: number; rssAfter: number }> {
  const lru = (name: string, sizeBytes: number, ways: number) => ({ name, sizeBytes, ways, lineBytes: 64, replacement: 'lru' as const, write: 'write-back' as const, allocate: 'write-allocate' as const });
  const hierarchy = new CacheHierarchy({ levels: [lru('L1', 32 * 1024, 8), lru('L2', 256 * 1024, 4), lru('L3', 8 * 1024 * 1024, 16)] });
  const parser = new LackeyParser(hierarchy);
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for await (const chunk of createReadStream(TRACE, { highWaterMark: 1 << 20 })) parser.feedBytes(chunk as Buffer);
  parser.end();
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { records: parser.records, wall, cpu: (cpu.user + cpu.system) / 1e6, rssBefore, rssAfter: process.memoryUsage().rss };
}

/** Adds the row (best of 3 runs after one warm-up; CPU-time rate beside wall-time rate, the machine being shared). */
export async function benchCache(row: (metric: string, value: string, goal?: string) => void): Promise<void> {
  if (!existsSync(TRACE)) await writeTrace();
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const runs = [];
  for (let i = 0; i < 4; i++) runs.push(await runOnce());
  const measured = runs.slice(1);
  const best = measured.reduce((a, b) => (b.wall < a.wall ? b : a));
  const bestCpu = Math.min(...measured.map((r) => r.cpu));
  row(
    `cache sim, lackey ${(statSync(TRACE).size / 2 ** 20).toFixed(0)} MiB file → L1+L2+L3 LRU (best of 3 × 10 M records)`,
    `${(best.records / best.wall / 1e6).toFixed(2)} M records/s wall, ${(best.records / bestCpu / 1e6).toFixed(2)} M/s per CPU-second; rss ${mib(runs[0]!.rssBefore)} → ${mib(runs[runs.length - 1]!.rssAfter)}, peak ${mib(process.resourceUsage().maxRSS * 1024)}`,
    '≥ 5 M/s',
  );
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  await benchCache((metric, value) => console.log(`${metric}: ${value}`));
}
