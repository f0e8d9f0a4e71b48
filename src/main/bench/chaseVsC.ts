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
const native = (bytes: number, huge: boolean): number => Number(execFileSync(binary, [String(bytes), String(STEPS), '3', huge ? '1' : '0']).toString());

function js(bytes: number): number {
  const a = buildCycle(bytes);
  chaseSteps(a, 0, bytes / 64);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    chaseSteps(a, 0, STEPS);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / STEPS);
  }
  return best;
}

const before = sampleLoad();
chaseSteps(buildCycle(4096), 0, 2 ** 20); // JIT warm-up, as the worker does
const rows: string[] = [];
for (const mib of sizes.length > 0 ? sizes : [64, 128]) {
  const bytes = mib * MiB;
  let c4k = Infinity;
  let cHuge = Infinity;
  let node = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    c4k = Math.min(c4k, native(bytes, false));
    cHuge = Math.min(cHuge, native(bytes, true));
    node = Math.min(node, js(bytes));
  }
  rows.push(`${String(mib).padStart(5)} MiB  C 4K pages ${c4k.toFixed(1).padStart(7)} ns  C THP ${cHuge.toFixed(1).padStart(7)} ns  JS ${node.toFixed(1).padStart(7)} ns  JS/C(4K) ${(node / c4k).toFixed(3)}  JS/C(THP) ${(node / cHuge).toFixed(3)}`);
  process.stderr.write(`${rows.at(-1)}\n`);
}
const after = sampleLoad();
rmSync(dir, { recursive: true, force: true });
console.log(rows.join('\n'));
console.log(`load before ${(before.loadAvg1 ?? 0).toFixed(2)}, after ${(after.loadAvg1 ?? 0).toFixed(2)} (1-min load average, ${before.cores} cores)`);
