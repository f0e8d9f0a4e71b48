/**
 * `nanoscope scenes --json` and `nanoscope trace SCENE --param NAME=VALUE` through the real CLI
 * (bin/nanoscope.js), checked against the scene ids and ranges written here by hand.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';
import { runSim } from '../../src/cli/simWorker';

interface Described {
  name: string;
  type: string;
  default: unknown;
  min?: number;
  max?: number;
  values?: unknown[];
}
interface ScenesOut {
  scenes: { id: string; title: string; params: Described[] }[];
}

/** The URL ids of the app, in sidebar order (the routes README.md documents). */
const IDS = ['latency-ladder', 'memory-hierarchy', 'threads', 'parallel', 'stacks', 'simd', 'event-loop', 'big-o', 'distributed'];

/** A value just outside a declared parameter (or null when every text is valid, e.g. free text). */
function outside(p: Described): string | null {
  if (p.type === 'int') return String(p.max! + 1);
  if (p.type === 'number') return String(p.max! * 2 + 1);
  if (p.type === 'enum') return 'not-a-value';
  if (p.type === 'bool') return 'maybe';
  return null;
}

describe('nanoscope scenes', () => {
  it('--json lists every scene with its declared parameters', async () => {
    const r = await cli('scenes', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ScenesOut;
    expect(out.scenes.map((s) => s.id)).toEqual(IDS);
    for (const s of out.scenes) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.params.length).toBeGreaterThan(0);
      for (const p of s.params) {
        expect(['int', 'number', 'enum', 'bool', 'string']).toContain(p.type);
        if (p.type === 'enum') expect(p.values).toContain(p.default);
        if ((p.type === 'int' || p.type === 'number') && p.default !== null) {
          expect(p.default as number).toBeGreaterThanOrEqual(p.min!);
          expect(p.default as number).toBeLessThanOrEqual(p.max!);
        }
      }
    }
    const param = (scene: string, name: string) => out.scenes.find((s) => s.id === scene)!.params.find((p) => p.name === name);
    // One range for the GIL switch interval (the Inspector, the URL and the CLI all read it).
    expect(param('parallel', 'switch')).toMatchObject({ type: 'number', default: 5, min: 0.1, max: 100 });
    expect(param('simd', 'width')).toMatchObject({ type: 'enum', default: 8, values: [4, 8, 16] });
    expect(param('latency-ladder', 'jitter')).toMatchObject({ type: 'number', default: 0, min: 0, max: 0.5 });
    expect(param('stacks', 'boot')).toMatchObject({ type: 'int', default: null, min: 1, max: 600_000 });
    const text = await cli('scenes');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('switch          number 0.1..100 (ms); default 5 — GIL switch interval');
  });
});

describe('nanoscope trace SCENE', () => {
  // Small parameter sets keep each run short; every scene is traced twice, in parallel pairs.
  const CASES: [string, string[]][] = [
    ['latency-ladder', ['--param', 'route=network']],
    ['memory-hierarchy', ['--param', 'count=64', '--param', 'rows=8', '--param', 'cols=8']],
    ['threads', ['--param', 'iterations=2']],
    ['parallel', ['--param', 'style=processes', '--param', 'workers=2']],
    ['stacks', ['--param', 'instances=3']],
    ['simd', ['--param', 'n=20']],
    ['event-loop', ['--param', 'code=setTimeout(() => console.log("b")); Promise.resolve().then(() => console.log("a"));']],
  ];

  it('every scene: the same scene, params and seed twice give byte-identical JSON', async () => {
    for (let i = 0; i < CASES.length; i += 2) {
      const pair = CASES.slice(i, i + 2);
      const runs = await Promise.all(pair.map(([id, args]) => cli('trace', id, ...args, '--seed', '3', '--json')));
      for (const [k, [id, args]] of pair.entries()) {
        const a = runs[k]!;
        expect(a.code, `${id}: ${a.stderr}`).toBe(0);
        // The second run, in this process: the same bytes.
        const params: Record<string, string> = {};
        for (let j = 1; j < args.length; j += 2) params[args[j]!.slice(0, args[j]!.indexOf('='))] = args[j]!.slice(args[j]!.indexOf('=') + 1);
        const again = await runSim({ nanoscopeSim: true, scene: id, params, seed: 3, maxEvents: 1_000_000 });
        expect(again.ok).toBe(true);
        if (again.ok) expect(a.stdout).toBe(`${JSON.stringify({ scene: again.scene, seed: 3, params: again.params, records: again.records })}\n`);
        const out = JSON.parse(a.stdout) as { scene: string; seed: number; params: Record<string, unknown>; records: { t: number; kind: string; label?: string }[] };
        expect(Object.keys(out)).toEqual(['scene', 'seed', 'params', 'records']);
        expect(out.scene).toBe(id);
        expect(out.seed).toBe(3);
        expect(out.records.length).toBeGreaterThan(0);
        for (let j = 1; j < out.records.length; j++) expect(out.records[j]!.t).toBeGreaterThanOrEqual(out.records[j - 1]!.t);
        if (id === 'latency-ladder') expect(out.params).toEqual({ preset: '2012', route: 'network', jitter: 0 });
        if (id === 'parallel') expect(out.params).toEqual({ preset: 'cpu-bound', style: 'processes', workers: 2, cores: 4, switch: 5, serial: 0.1 });
        // The program's order, worked by hand: the microtask prints before the timer.
        if (id === 'event-loop') expect(out.records.filter((r) => r.kind === 'log').map((r) => r.label)).toEqual(['console: a', 'console: b']);
      }
    }
  }, 60_000);

  it('a value outside a declared range or values exits 1 naming the parameter', async () => {
    const bad = await cli('trace', 'parallel', '--param', 'switch=0.05', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toEqual({ error: { code: 'bad-input', message: 'trace parallel: --param switch: switch must be a number from 0.1 to 100', exitCode: 1 } });
    const width = await cli('trace', 'simd', '--param', 'width=6');
    expect(width.code).toBe(1);
    expect(width.stderr).toContain('--param width: width must be one of 4, 8, 16');
    const unknown = await cli('trace', 'stacks', '--param', 'colour=red');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--param colour: unknown parameter of stacks');
    const usage = await cli('trace', 'stacks', '--param', 'instances');
    expect(usage.code).toBe(2);
    const scene = await cli('trace', 'big-bang');
    expect(scene.code).toBe(2);
    expect(scene.stderr).toContain('unknown scene "big-bang" (known: latency-ladder, memory-hierarchy');
  });

  it('every declared parameter of every scene is checked before the run (the worker job, in process)', async () => {
    const out = JSON.parse((await cli('scenes', '--json')).stdout) as ScenesOut;
    for (const s of out.scenes) {
      for (const p of s.params) {
        const value = outside(p);
        if (value === null) continue;
        const reply = await runSim({ nanoscopeSim: true, scene: s.id, params: { [p.name]: value }, seed: 1, maxEvents: 10 });
        expect(reply.ok, `${s.id} ${p.name}=${value}`).toBe(false);
        if (!reply.ok) expect(reply.issues?.map((i) => i.key)).toEqual([p.name]);
      }
    }
  });
});
