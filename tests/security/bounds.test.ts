/**
 * Every input has a bound, checked before the work: cache configs and the event-loop model's
 * strings (share links and hashes: web/pageInputs.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCacheConfig } from '../../src/sim/cache/config';
import { runEventLoop } from '../../src/sim/eventloop/run';
import { cli } from '../unit/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-bounds-'));

describe('cache configs', () => {
  const level = { size: 1024, assoc: 2, line: 64 };
  it('at most 8 levels, sizes up to 1 GiB, associativity up to 1024, named in the message', () => {
    const many = parseCacheConfig({ levels: Array.from({ length: 2000 }, () => level) });
    expect(many).toEqual({ ok: false, problems: ['levels: at most 8 levels, got 2000'] });
    const big = parseCacheConfig({ levels: [{ ...level, size: 2 ** 30 + 64 }] });
    expect(big.ok ? [] : big.problems).toEqual([`levels[0].size: must be at most ${2 ** 30} bytes (1 GiB), got ${2 ** 30 + 64}`]);
    const ways = parseCacheConfig({ levels: [{ size: 64 * 2048, assoc: 2048, line: 64 }] });
    expect(ways.ok ? [] : ways.problems).toEqual(['levels[0].assoc: must be at most 1024 ways, got 2048']);
    const full = parseCacheConfig({ levels: [{ size: 64 * 4096, assoc: 'full', line: 64 }] });
    expect(full.ok ? [] : full.problems).toEqual(['levels[0].assoc: "full" here means 4096 ways (size / line); at most 1024, got "full"']);
  });

  it('the CLI exits 1 naming the bound', async () => {
    const f = join(dir, 'deep.json');
    writeFileSync(f, JSON.stringify({ levels: Array.from({ length: 2000 }, () => level) }));
    const trace = join(dir, 't.din');
    writeFileSync(trace, '0 0\n');
    const r = await cli('cache', '--config', f, '--trace', trace);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/levels: at most 8 levels, got 2000/);
  });
});

describe('the event-loop model', () => {
  it('a string doubled past V8 limit is a budget stop, not an internal error', () => {
    for (const source of ["let s = 'x';\nfor (;;) s = s + s;\n", "function f() { let s = 'x'; for (;;) s += s; }\nsetTimeout(f, 1);\n"]) {
      const run = runEventLoop(source, { runtime: 'node' });
      expect(run.exit).toMatchObject({ reason: 'budget', code: 3 });
      expect(run.exit?.message).toMatch(/Invalid string length/);
    }
  });
});

describe('the event-loop model console', () => {
  it('stops a print loop at 1 MiB of output (budget), as a real run does', () => {
    const run = runEventLoop("const s = 'x'.repeat(100000);\nfor (let i = 0; i < 500; i++) console.log(s);\n", { runtime: 'browser' });
    expect(run.exit).toMatchObject({ reason: 'budget', code: 3 });
    expect(run.exit?.message).toMatch(/printed more than 1024 KiB/);
    expect(run.console.reduce((n, l) => n + l.text.length + 1, 0)).toBeLessThanOrEqual(1 << 20);
  });
});
