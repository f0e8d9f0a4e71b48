/**
 * `nanoscope python` and `nanoscope measure python-*` as a user runs them: without Python
 * (NANOSCOPE_PYTHON at a missing path) and with Debian's /usr/bin/python3 (which CI installs
 * with numpy, pandas and dask). Ground truth comes from the real interpreter and from rules
 * worked by hand below (CPython 3.11's list growth).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWithEnv } from './cliHarness';

const SYSTEM = '/usr/bin/python3';
const hasSystem = existsSync(SYSTEM);
const MISSING = join(tmpdir(), 'nanoscope-no-such-python', 'python3');
const noPython = (...args: string[]) => cliWithEnv({ NANOSCOPE_PYTHON: MISSING }, ...args);

describe('without Python', () => {
  it('python --json says found: false and exits 1 naming where it looked', async () => {
    const r = await noPython('python', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ found: false, executable: null, version: null, implementation: null, free_threaded: false, numpy: null, pandas: null, dask: null });
    expect(r.stderr).toContain(`Python 3 was not found (looked for NANOSCOPE_PYTHON=${MISSING})`);
  });

  it.each([['python-gil'], ['python-race', '--variant', 'seed'], ['python-vector'], ['python-bigo']])('measure %s exits 1 with the message', async (...args) => {
    const r = await noPython('measure', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nanoscope: Python 3 was not found \(looked for NANOSCOPE_PYTHON=/);
  });

  it('checks its input before looking: bad variant, out-of-range count, missing variant, foreign flag', async () => {
    expect((await noPython('measure', 'python-race', '--variant', 'both')).stderr).toContain('--variant must be seed or call');
    const r = await noPython('measure', 'python-race', '--variant', 'seed', '--iterations', '0');
    expect([r.code, r.stderr.trim()]).toEqual([1, 'nanoscope: --iterations must be an integer from 1 to 10000000']);
    expect((await noPython('measure', 'python-race')).code).toBe(2);
    expect((await noPython('measure', 'python-vector', '--variant', 'seed')).code).toBe(2);
    const big = await noPython('measure', 'python-dask', '--size-mb', '65');
    expect([big.code, big.stderr.trim()]).toEqual([1, 'nanoscope: --size-mb must be an integer from 1 to 64']);
    const both = await noPython('measure', 'python-dask', '--size-mb', '2', '--input', 'x.txt');
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('give --input FILE or --size-mb N')]);
    expect((await noPython('measure', 'python-dask')).code).toBe(2);
  });
});

describe.skipIf(!hasSystem)('with /usr/bin/python3', () => {
  it('python --python reports the interpreter and its packages as strings or null', async () => {
    const r = await cli('python', '--json', '--python', SYSTEM);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(p.found).toBe(true);
    expect(p.implementation).toBe('CPython');
    expect(p.version).toMatch(/^3\.\d+\.\d+/);
    for (const k of ['numpy', 'pandas', 'dask']) expect(p[k] === null || typeof p[k] === 'string').toBe(true);
  });

  it('race: the real result agrees with the prediction (seed on 3.10+: always 0; call: updates lost)', { timeout: 120_000 }, async () => {
    const seed = JSON.parse((await cli('measure', 'python-race', '--variant', 'seed', '--iterations', '200000', '--repeat', '2', '--python', SYSTEM, '--json')).stdout) as {
      python: { version: string };
      variant: string;
      runs: { final: number; lost: number }[];
      model: { switch_points: string; predicted_lost_possible: boolean };
    };
    expect(seed.variant).toBe('seed');
    expect(seed.runs).toHaveLength(2);
    for (const run of seed.runs) expect(run.lost).toBe(Math.abs(run.final));
    if (!seed.model.predicted_lost_possible) expect(seed.runs.map((x) => x.final)).toEqual([0, 0]);
    const call = JSON.parse((await cli('measure', 'python-race', '--variant', 'call', '--iterations', '300000', '--repeat', '3', '--python', SYSTEM, '--json')).stdout) as typeof seed;
    expect(call.model.predicted_lost_possible).toBe(true);
    // The GIL changes hands when the waiting thread asks; on a busy machine it may not get to ask
    // within a run: more runs, up to three batches, until one loses updates.
    let lost = call.runs.some((x) => x.lost > 0);
    for (let batch = 0; batch < 2 && !lost; batch++) {
      const again = JSON.parse((await cli('measure', 'python-race', '--variant', 'call', '--iterations', '300000', '--repeat', '3', '--python', SYSTEM, '--json')).stdout) as typeof seed;
      lost = again.runs.some((x) => x.lost > 0);
    }
    expect(lost).toBe(true);
  });

  it('gil: single, threads and processes with their workers, speed-ups from the medians', async () => {
    const r = await cli('measure', 'python-gil', '--iterations', '100000', '--workers', '2', '--repeat', '1', '--python', SYSTEM, '--json');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as { results: { style: string; workers: number; seconds: number }[]; speedup: { threads: number; processes: number } };
    expect(g.results.map((x) => [x.style, x.workers])).toEqual([
      ['single', 1],
      ['threads', 2],
      ['processes', 2],
    ]);
    const sec = (s: string) => g.results.find((x) => x.style === s)!.seconds;
    expect(g.speedup.threads).toBeCloseTo(sec('single') / sec('threads'), 9);
    expect(g.speedup.processes).toBeCloseTo(sec('single') / sec('processes'), 9);
  });

  it('vector: a row per installed implementation, all on the same n', async () => {
    const info = JSON.parse((await cli('python', '--json', '--python', SYSTEM)).stdout) as { numpy: string | null; pandas: string | null };
    const v = JSON.parse((await cli('measure', 'python-vector', '--n', '20000', '--repeat', '1', '--python', SYSTEM, '--json')).stdout) as { results: { impl: string; n: number; seconds: number }[] };
    const expected = ['loop', ...(info.numpy ? ['numpy'] : []), ...(info.pandas ? ['pandas-apply', 'pandas-vectorized'] : [])];
    expect(v.results.map((x) => x.impl)).toEqual(expected);
    for (const x of v.results) expect([x.n, x.seconds > 0]).toEqual([20000, true]);
  });

  it('bigo: sys.getsizeof after each append follows CPython 3.11 growth, worked by hand', async () => {
    const b = JSON.parse((await cli('measure', 'python-bigo', '--sizes', '100', '--ops', '50', '--appends', '20', '--python', SYSTEM, '--json')).stdout) as { python: { version: string }; list_sizes: number[]; ops: { op: string; n: number }[] };
    // list_resize in 3.9–3.11: allocated = (n + (n >> 3) + 6) & ~3 when n outgrows it; getsizeof = 56 + 8·allocated.
    let allocated = 0;
    const expected: number[] = [];
    for (let n = 1; n <= 20; n++) {
      if (n > allocated) allocated = (n + (n >> 3) + 6) & ~3;
      expected.push(56 + 8 * allocated);
    }
    expect(expected.slice(0, 9)).toEqual([88, 88, 88, 88, 120, 120, 120, 120, 184]);
    if (/^3\.11\./.test(b.python.version)) expect(b.list_sizes).toEqual(expected);
    expect(b.ops.map((o) => o.op)).toContain('list.insert(0)');
  });

  it("bigo: sys.getsizeof after every op of the program equals the Big O scene's model of CPython 3.11", async () => {
    const { runOps } = await import('../../src/sim/bigo/structures');
    const { BIGO_PROGRAM } = await import('../../src/shared/python');
    const b = JSON.parse((await cli('measure', 'python-bigo', '--sizes', '100', '--ops', '10', '--python', SYSTEM, '--json')).stdout) as { python: { version: string }; program_sizes: { list: number[]; deque: number[] } };
    const model = (k: 'list' | 'deque') => runOps(k, BIGO_PROGRAM[k] as never).steps.map((st) => st.bytes);
    expect(b.program_sizes.list).toHaveLength(200);
    // The real interpreter is the ground truth for the model (appends, growth and shrinking: tested by hand above and in src/sim/bigo).
    if (/^3\.11\./.test(b.python.version)) {
      expect(b.program_sizes.list).toEqual(model('list'));
      expect(b.program_sizes.deque).toEqual(model('deque'));
    }
    // The program shrinks the list back to empty (56 bytes) and opens deque blocks at both ends.
    expect(b.program_sizes.list.at(-1)).toBe(56);
    expect(new Set(b.program_sizes.deque).size).toBeGreaterThan(2);
  });

  it('dask: counts records and words of a small file (when Dask is installed)', async () => {
    const info = JSON.parse((await cli('python', '--json', '--python', SYSTEM)).stdout) as { dask: string | null };
    const dir = mkdtempSync(join(tmpdir(), 'nanoscope-dask-test-'));
    try {
      const file = join(dir, 'words.txt');
      writeFileSync(file, 'the cat the\nA cat\nthe end\n');
      const r = await cli('measure', 'python-dask', '--input', file, '--python', SYSTEM, '--json');
      if (!info.dask) {
        expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('Dask is not installed')]);
        return;
      }
      const d = JSON.parse(r.stdout) as { records: number; words: number; distinct: number; top: { word: string; count: number }[] };
      // 3 lines; words: the cat the | a cat | the end = 7; distinct: the, cat, a, end.
      expect([d.records, d.words, d.distinct]).toEqual([3, 7, 4]);
      expect(d.top.slice(0, 2)).toEqual([
        { word: 'the', count: 3 },
        { word: 'cat', count: 2 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops a run past its budget: exit 3', async () => {
    const r = await cli('measure', 'python-gil', '--iterations', '100000000', '--repeat', '10', '--budget-ms', '1000', '--python', SYSTEM);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('budget');
  });
});

describe.skipIf(!hasSystem)('the app path (service called as the python worker calls it)', () => {
  it("python-dask tokenizes as the model does (A–Z lowercased, runs of [a-z0-9]) and counts the scene's generated text like it", async () => {
    const { measurePythonDask } = await import('../../src/main/services/python/measure');
    const { findPython } = await import('../../src/main/services/python/find');
    const { wordCount } = await import('../../src/sim/distributed/wordcount');
    const { CORPUS_SEED, generateText } = await import('../../src/sim/distributed/corpus');
    const info = (await findPython({ explicit: SYSTEM })).chosen;
    if (!info.dask) return;
    // By hand: the | cat | the / a | cat / the | end | 42 → 8 words; distinct the, cat, a, end, 42.
    const small = await measurePythonDask({ python: SYSTEM, text: 'The cat, the\nA cat.\nthe end-42\n' });
    expect([small.records, small.words, small.distinct]).toEqual([3, 8, 5]);
    const r = await measurePythonDask({ python: SYSTEM, sizeMB: 1 });
    const m = wordCount(generateText(1e6, CORPUS_SEED), { mappers: 1, reducers: 1, combiner: true });
    expect([r.records, r.words, r.distinct]).toEqual([m.input_lines, m.total_words, m.distinct_words]);
    expect(r.top.slice(0, 5)).toEqual(m.top.slice(0, 5));
  }, 60_000);

  it('python-dask counts text sent by the app (written to a temporary file, removed after)', async () => {
    const { measurePythonDask } = await import('../../src/main/services/python/measure');
    const { findPython } = await import('../../src/main/services/python/find');
    const info = (await findPython({ explicit: SYSTEM })).chosen;
    if (!info.dask) return;
    const r = await measurePythonDask({ python: SYSTEM, text: 'b a\nb\n' });
    expect([r.records, r.words, r.distinct, r.top[0]]).toEqual([2, 3, 2, { word: 'b', count: 2 }]);
  });
});

describe.skipIf(!hasSystem)('no run outlives its host', () => {
  it('a run script exits as soon as its stdin closes (what a terminated worker or a dead host does to it)', async () => {
    const { spawn } = await import('node:child_process');
    const { PRELUDE } = await import('../../src/main/services/python/scripts');
    const child = spawn(SYSTEM, ['-c', `${PRELUDE}time.sleep(30)\n`, '{}'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const t0 = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', (c) => resolve(c));
      setTimeout(() => child.stdin.end(), 300);
    });
    expect(code).toBe(3);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe.skipIf(!hasSystem)('budgets of a run', () => {
  it('stops a script that prints past the output cap, and passes progress on', async () => {
    const { runPythonScript } = await import('../../src/main/services/python/runScript');
    const { PRELUDE } = await import('../../src/main/services/python/scripts');
    const seen: string[] = [];
    const r = runPythonScript(SYSTEM, [], `${PRELUDE}progress(0.5, 'half')\nprint('x' * 200000)\nresult({})\n`, {}, { timeoutMs: 20_000, maxOutputBytes: 10_000, onProgress: (f, m) => seen.push(`${f} ${m}`) });
    await expect(r).rejects.toThrow('budget exceeded: the Python run printed more than 10 KiB and was stopped');
    expect(seen).toEqual(['0.5 half']);
  });
});
