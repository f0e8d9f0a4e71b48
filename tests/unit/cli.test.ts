import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

// The ladder's sim modules are written in parallel; these tests run once they exist.
const simReady = existsSync(fileURLToPath(new URL('../../src/sim/ladder/rungs.ts', import.meta.url))) && existsSync(fileURLToPath(new URL('../../src/sim/hardware/presets.ts', import.meta.url)));


describe('nanoscope CLI', () => {
  it('unknown command → exit 2, usage on stderr, nothing on stdout', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nanoscope: unknown command "frobnicate"');
    expect(r.stderr).toContain('Usage: nanoscope <command> [options]');
  });

  it('unknown flag → exit 2; with --json the error is JSON on stderr', async () => {
    const r = await cli('measure', 'memory-latency', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nanoscope measure: unknown flag --bogus');
    const j = await cli('measure', 'memory-latency', '--bogus', '--json');
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stderr)).toEqual({ error: { code: 'usage', message: 'nanoscope measure: unknown flag --bogus', exitCode: 2 } });
  });

  it('a bad value → exit 1 naming the flag; --version and --help → 0', async () => {
    const r = await cli('measure', 'memory-latency', '--max-bytes', '1K', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'bad-input', message: '--max-bytes must be an integer from 4096 to 2147483648', exitCode: 1 } });
    const v = await cli('--version');
    expect(v).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const h = await cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Exit codes: 0 ok, 1 bad input data, 2 bad usage, 3 budget exceeded.');
  });

  it('measure memory-latency --max-bytes 64K --json: real points 4 KiB … 64 KiB', async () => {
    const r = await cli('measure', 'memory-latency', '--max-bytes', '64K', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { points: { bytes: number; ns: number }[]; caches: unknown[]; stamp: { cores: number } };
    expect(out.points.map((p) => p.bytes)).toEqual([4096, 8192, 16384, 32768, 65536]);
    for (const p of out.points) expect(p.ns).toBeGreaterThan(0);
    expect(out.stamp.cores).toBeGreaterThan(0);
    expect(Array.isArray(out.caches)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(5); // one progress line per working set
    expect(r.stderr).toContain('[100%] 64 KiB:');
  });

  it('a budget that cannot be met → exit 3', async () => {
    const r = await cli('measure', 'memory-latency', '--max-bytes', '1G', '--budget-ms', '1000', '--json');
    expect(r.code).toBe(3);
    const err = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: { code: string; exitCode: number; message: string } };
    expect(err.error).toMatchObject({ code: 'budget', exitCode: 3 });
    expect(err.error.message).toMatch(/^memory-latency: budget exceeded: 1000 ms/);
  });

  it.skipIf(!simReady)('latency --json: preset, source, rungs fastest first with numbers, missing ones apart', async () => {
    const r = await cli('latency', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { preset: string; source: string; rungs: { id: string; label: string; ns: number }[]; missing: { id: string; label: string }[] };
    expect(out.preset).toBe('2012');
    expect(typeof out.source).toBe('string');
    expect(out.rungs.length).toBeGreaterThan(5);
    for (const rung of out.rungs) expect(typeof rung.ns).toBe('number');
    expect(out.rungs.map((x) => x.ns)).toEqual([...out.rungs.map((x) => x.ns)].sort((a, b) => a - b));
    // Dean/Norvig's table (docs/latency.md): L1 0.5 ns, L2 7 ns, main memory 100 ns, CA→NL→CA 150 ms last.
    const ns = (id: string) => out.rungs.find((x) => x.id === id)?.ns;
    expect([ns('l1'), ns('l2'), ns('branch-mispredict'), ns('mutex')]).toEqual([0.5, 7, 5, 25]);
    expect(out.rungs.findIndex((x) => x.id === 'l1')).toBeLessThan(out.rungs.findIndex((x) => x.id === 'l2'));
    expect(out.rungs.at(-1)!.ns).toBe(150_000_000);
    for (const m of out.missing) expect(Object.keys(m)).toEqual(['id', 'label']);
  });

  it.skipIf(!simReady)('latency --preset nope → exit 1 naming the valid presets', async () => {
    const r = await cli('latency', '--preset', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--preset: unknown preset "nope" (valid: 2012, 2020, teaching)');
  });

  it.skipIf(!simReady)('trace ladder --json: deterministic records from a worker; --max-events budget → 3; bad param → 1', async () => {
    const a = await cli('trace', 'ladder', '--preset', '2020', '--seed', '7', '--json');
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout) as { scene: string; seed: number; params: unknown; records: { t: number; kind: string }[] };
    expect(out.scene).toBe('latency-ladder');
    expect(out.seed).toBe(7);
    expect(out.params).toEqual({ preset: '2020', route: 'all', jitter: 0 });
    expect(out.records.length).toBeGreaterThan(3);
    const b = await cli('trace', 'ladder', '--preset', '2020', '--seed', '7', '--json');
    expect(b.stdout).toBe(a.stdout);
    const budget = await cli('trace', 'ladder', '--max-events', '3', '--json');
    expect(budget.code).toBe(3);
    expect(JSON.parse(budget.stderr)).toEqual({ error: { code: 'budget', message: 'trace ladder: more than 3 events (--max-events)', exitCode: 3 } });
    const bad = await cli('trace', 'ladder', '--jitter', '9');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--jitter: jitter must be a number from 0 to 0.5');
  });
});
