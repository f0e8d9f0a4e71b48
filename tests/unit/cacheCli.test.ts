import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/nanoscope.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nanoscope-cache-'));

function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// The hand-worked sequence of src/sim/cache/hierarchy.test.ts, as lackey text (2 sets × 2 ways × 16 B).
const HAND = ['==7== banner', ' L 0,4', ' L 20,4', ' L 4,4', ' S 40,4', ' L 10,4', ' S 8,4', ' L 60,4', ' S 30,16', ' L 1c,8', ' S 34,4', ''].join('\n');
const config = join(dir, 'l1.json');
writeFileSync(config, JSON.stringify({ levels: [{ name: 'L1', size: 64, assoc: 2, line: 16, latency_ns: 1, extra: 'ignored' }], memory_latency_ns: 100 }));

describe('nanoscope cache', () => {
  it('prints every counter of the hand-worked trace, from stdin and from a gzipped file alike', async () => {
    const expected = {
      levels: [{ name: 'L1', accesses: 11, hits: 4, misses: 7, reads: 7, read_hits: 2, read_misses: 5, writes: 4, write_hits: 2, write_misses: 2, writebacks: 2 }],
      memory: { reads: 6, writes: 2 },
      amat_ns: 1 + (7 / 11) * 100,
      dirty_at_end: [1],
      records: 10,
    };
    const a = await cli(['cache', '--config', config, '--trace', '-', '--json'], HAND);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject(expected);
    const gz = join(dir, 'hand.lackey.gz');
    writeFileSync(gz, gzipSync(HAND));
    const b = await cli(['cache', '--config', config, '--trace', gz, '--json']);
    expect(JSON.parse(b.stdout)).toMatchObject({ ...expected, source: { format: 'lackey' } });
  });

  it('reads din (guessed), with --din-size and --ifetch data', async () => {
    const din = join(dir, 't.din');
    writeFileSync(din, '0 0\n1 40\n2 410\n0 4\n');
    // 8-byte accesses: R 0x0 (miss), W 0x40 (miss), I 0x410 as a read (miss, set 1), R 0x4 (hit).
    const r = await cli(['cache', '--config', config, '--trace', din, '--din-size', '8', '--ifetch', 'data', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ levels: [{ accesses: 4, reads: 3, writes: 1, hits: 1 }], records: 4, source: { format: 'din' } });
  });

  it('exits 1 naming the line of a trace line that does not parse, and the field of a bad config', async () => {
    const bad = await cli(['cache', '--config', config, '--trace', '-', '--json'], ' L 0,4\n L 10,4\nhello\n');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toContain('stdin: line 3: ');
    const cfg = join(dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ levels: [{ size: 64, assoc: 2, line: 16 }, { size: 96, assoc: 3, line: 16, policy: 'PLRU' }] }));
    const field = await cli(['cache', '--config', cfg, '--trace', '-'], HAND);
    expect(field.code).toBe(1);
    expect(field.stderr).toContain(`${cfg}: levels[1].assoc: tree-PLRU needs a power-of-two number of ways`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "levels": [\n    { "size": 64, }\n  ]\n}\n');
    const json = await cli(['cache', '--config', broken, '--trace', '-'], HAND);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain(`${broken}: line 3: not valid JSON`);
  });

  it('runs a pattern on a preset, and refuses a run without a trace or pattern (exit 2)', async () => {
    const r = await cli(['cache', '--config', 'teaching', '--pattern', 'column-major', '--param', 'rows=16', '--param', 'cols=16', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ levels: [{ name: 'L1', accesses: 256, misses: 256 }, {}, {}], records: 256 });
    const u = await cli(['cache', '--config', 'teaching']);
    expect(u.code).toBe(2);
  });
});
