/** `nanoscope mapreduce` against an independent Python implementation (tests/unit/mapreduce_reference.py). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/sim/distributed/wordcount';
import { bin, cli, root } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-mapreduce-'));
const script = join(root, 'tests/unit/mapreduce_reference.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

interface Case {
  readonly data: Uint8Array;
  readonly mappers: number;
  readonly reducers: number;
  readonly combiner: boolean;
}

function python(cases: readonly Case[]): unknown[] {
  const input = JSON.stringify(cases.map((c) => ({ input_b64: Buffer.from(c.data).toString('base64'), mappers: c.mappers, reducers: c.reducers, combiner: c.combiner })));
  const r = spawnSync('python3', [script], { input, maxBuffer: 1 << 28 });
  expect(r.stderr.toString()).toBe('');
  return JSON.parse(r.stdout.toString()) as unknown[];
}

/** The contract's fields of a result (drops the additions). */
function contract(r: object): Record<string, unknown> {
  const { matrix_bytes: _b, input_bytes: _i, mapper_input_bytes: _s, model: _m, ...rest } = r as Record<string, unknown>;
  return rest;
}

const bytesOf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

describe.skipIf(!hasPython)('mapreduce data flow = the Python reference', () => {
  it('on 400 random corpora', () => {
    const pieces = ['a', 'B', 'Zz', '0', '07', 'x9', 'the', 'THE', ' ', '  ', '\n', '\n', '\r\n', '\r', '\t', ',', '-', 'é', 'Ω', '日本', '_', 'aaaaaaaaaa ', '\u00a0', '\u0000', '\u007f', '@[`{'];
    const cases = fc.sample(
      fc.record({
        data: fc.array(fc.constantFrom(...pieces), { maxLength: 300 }).map((p) => bytesOf(p.join(''))),
        mappers: fc.integer({ min: 1, max: 64 }),
        reducers: fc.integer({ min: 1, max: 64 }),
        combiner: fc.boolean(),
      }),
      { numRuns: 400, seed: 1919 },
    );
    // raw random bytes too: every byte value, lone \r, invalid UTF-8
    const raw = fc.sample(fc.uint8Array({ maxLength: 400 }), { numRuns: 100, seed: 7 }).map((data, k) => ({ data, mappers: 1 + (k % 13), reducers: 1 + ((k * 7) % 11), combiner: k % 2 === 0 }));
    const all = [...cases, ...raw];
    const expected = python(all);
    all.forEach((c, k) => expect(contract(wordCount(c.data, c))).toEqual(expected[k]));
  });

  it('on the tutorial, with many ties in top', () => {
    const tutorial = new Uint8Array(readFileSync('/work/shared/seed/high-performance-python.md').subarray(0, 200_000));
    const cases = [1, 3, 64].flatMap((m) => [1, 5, 64].flatMap((r) => [true, false].map((combiner) => ({ data: tutorial, mappers: m, reducers: r, combiner }))));
    const expected = python(cases);
    cases.forEach((c, k) => expect(contract(wordCount(c.data, c))).toEqual(expected[k]));
  });
});

describe('nanoscope mapreduce (the CLI)', () => {
  const text = 'Hello, hello WORLD\r\nfoo-bar 42 héllo\n\nthe end\n';
  const file = join(dir, 'in.txt');
  writeFileSync(file, text);

  it.skipIf(!hasPython)('prints the contract JSON for a file and for stdin', async () => {
    const r = await cli('mapreduce', '--input', file, '--mappers', '3', '--reducers', '4', '--combiner', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [expected] = python([{ data: bytesOf(text), mappers: 3, reducers: 4, combiner: true }]);
    expect(contract(JSON.parse(r.stdout) as object)).toEqual(expected);
    const s = spawnSync(process.execPath, [bin, 'mapreduce', '--input', '-', '--mappers', '2', '--reducers', '1', '--json'], { cwd: root, input: text });
    expect(s.status).toBe(0);
    const [fromStdin] = python([{ data: bytesOf(text), mappers: 2, reducers: 1, combiner: false }]);
    expect(contract(JSON.parse(s.stdout.toString()) as object)).toEqual(fromStdin);
  });

  it('a table without --json; errors exit 1 naming the file or the flag', async () => {
    const table = await cli('mapreduce', '--input', file, '--mappers', '2', '--reducers', '2');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/10 words, 9 distinct/);
    const missing = await cli('mapreduce', '--input', join(dir, 'nope.txt'), '--mappers', '2', '--reducers', '2');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
    for (const [flag, value] of [['--mappers', '0'], ['--mappers', '65'], ['--reducers', '65'], ['--reducers', 'x']] as const) {
      const args = { '--mappers': '2', '--reducers': '2', [flag]: value };
      const bad = await cli('mapreduce', '--input', file, ...Object.entries(args).flat());
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(flag);
    }
  });
});
