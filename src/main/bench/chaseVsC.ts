/**
 * `npx tsx src/main/bench/chaseVsC.ts [MiB…]`: the app's pointer chase (src/main/workers/pointerChase.ts,
 * Node Int32Array) side by side with a native C chase (src/main/bench/chase.c, gcc -O2) at the
 * same working sets, in one run, interleaved round by round so both see the same machine load.
 * `--rounds N` (default 5). Each round: C with 4 KiB pages, C with transparent huge pages (madvise), the JS chase; the best
 * of the rounds is reported. Default sizes 64 and 128 MiB. Needs gcc; a benchmark, not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCycle, chaseSteps } from '../workers/pointerChase';
import { sampleLoad } from '../services/hostLoad';

const MiB = 1024 * 1024;
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt > 0 ? Math.max(1, Number(process.argv[roundsAt + 1]) || 5) : 5;
const sizes = process.argv.slice(2).filter((a, i, all) => all[i - 1] !== '--rounds').map(Number).filter((n) => n > 0);
const STEPS = 2 ** 21;

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-chase-'));
const binary = join(dir, 'chase');
execFileSync('gcc', ['-O2', '-o', binary, fileURLToPath(new URL('./chase.c', import.meta.url))]);
/** ns per load by the wall clock and by CPU time (CPU time leaves out time spent descheduled on a busy machine). */
interface Timing {
  wall: number;
  cpu: number;
}
const best = (a: Timing, b: Timing): Timing => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });
const NONE: Timing = { wall: Infinity, cpu: Infinity };

function native(bytes: number, huge: boolean): Timing {
  const [wall, cpu] = execFileSync(binary, [String(bytes), String(STEPS), '3', huge ? '1' : '0']).toString().trim().split(/\s+/).map(Number);
  return { wall: wall!, cpu: cpu! };
}

function js(bytes: number): Timing {
  const a = buildCycle(bytes);
  chaseSteps(a, 0, bytes / 64);
  let t = NONE;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    chaseSteps(a, 0, STEPS);
    const wall = Number(process.hrtime.bigint() - t0) / STEPS;
    const c = process.cpuUsage(c0);
    t = best(t, { wall, cpu: ((c.user + c.system) * 1000) / STEPS });
  }
  return t;
}

const before = sampleLoad();
chaseSteps(buildCycle(4096), 0, 2 ** 20); // JIT warm-up, as the worker does
const rows: string[] = [];
for (const mib of sizes.length > 0 ? sizes : [64, 128]) {
  const bytes = mib * MiB;
  let c4k = NONE;
  let cHuge = NONE;
  let node = NONE;
  for (let r = 0; r < ROUNDS; r++) {
    c4k = best(c4k, native(bytes, false));
    cHuge = best(cHuge, native(bytes, true));
    node = best(node, js(bytes));
  }
  for (const k of ['wall', 'cpu'] as const) {
    rows.push(
      `${String(mib).padStart(5)} MiB ${k.padEnd(4)}  C 4K pages ${c4k[k].toFixed(1).padStart(7)} ns  C THP ${cHuge[k].toFixed(1).padStart(7)} ns  JS ${node[k].toFixed(1).padStart(7)} ns  JS/C(4K) ${(node[k] / c4k[k]).toFixed(3)}  JS/C(THP) ${(node[k] / cHuge[k]).toFixed(3)}`,
    );
  }
  process.stderr.write(`${rows.at(-1)}\n`);
}
const after = sampleLoad();
rmSync(dir, { recursive: true, force: true });
console.log(rows.join('\n'));
console.log(`load before ${(before.loadAvg1 ?? 0).toFixed(2)}, after ${(after.loadAvg1 ?? 0).toFixed(2)} (1-min load average, ${before.cores} cores)`);
