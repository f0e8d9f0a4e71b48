import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32, MAX_INPUT_BYTES, wordCount, type WordCountResult } from './wordcount';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * An independent one-pass counter written another way: the bytes as a latin1 string, lines by
 * String.split, tokens by a regular expression, every record kept in a flat list.
 */
function reference(data: Uint8Array, m: number, r: number, combiner: boolean): Omit<WordCountResult, 'matrix_bytes' | 'input_bytes' | 'mapper_input_bytes'> {
  const text = Array.from(data, (b) => String.fromCharCode(b)).join('');
  const lines = text === '' ? [] : text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  const L = lines.length;
  const records: { i: number; j: number; word: string; count: number }[] = [];
  const perMapper = [];
  for (let i = 0; i < m; i++) {
    const split = lines.slice(Math.floor((i * L) / m), Math.floor(((i + 1) * L) / m));
    const tokens = split.flatMap((l) => l.replace(/[A-Z]/g, (c) => c.toLowerCase()).match(/[a-z0-9]+/g) ?? []);
    const out: [string, number][] = combiner ? [...tokens.reduce((acc, t) => acc.set(t, (acc.get(t) ?? 0) + 1), new Map<string, number>())] : tokens.map((t) => [t, 1]);
    let sent = 0;
    for (const [word, count] of out) {
      let h = 0x811c9dc5n;
      for (const ch of word) h = ((h ^ BigInt(ch.charCodeAt(0))) * 0x01000193n) & 0xffffffffn;
      records.push({ i, j: Number(h % BigInt(r)), word, count });
      sent += `${word}\t${count}\n`.length;
    }
    perMapper.push({ input_lines: split.length, tokens: tokens.length, output_records: out.length, shuffle_bytes: sent });
  }
  const totals = new Map<string, number>();
  for (const rec of records) totals.set(rec.word, (totals.get(rec.word) ?? 0) + rec.count);
  const perReducer = Array.from({ length: r }, (_, j) => {
    const mine = records.filter((x) => x.j === j);
    return { input_records: mine.length, output_records: new Set(mine.map((x) => x.word)).size, shuffle_bytes: mine.reduce((s, x) => s + `${x.word}\t${x.count}\n`.length, 0) };
  });
  const matrix = Array.from({ length: m }, (_, i) => Array.from({ length: r }, (_, j) => records.filter((x) => x.i === i && x.j === j).length));
  const top = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 20)
    .map(([word, count]) => ({ word, count }));
  return {
    mappers: m,
    reducers: r,
    combiner,
    input_lines: L,
    total_words: perMapper.reduce((s, p) => s + p.tokens, 0),
    distinct_words: totals.size,
    map_output_records: records.length,
    shuffle_records: records.length,
    shuffle_bytes: records.reduce((s, x) => s + `${x.word}\t${x.count}\n`.length, 0),
    per_mapper: perMapper,
    per_reducer: perReducer,
    matrix_records: matrix,
    top,
  };
}

const contract = (r: WordCountResult): Omit<WordCountResult, 'matrix_bytes' | 'input_bytes' | 'mapper_input_bytes'> => {
  const { matrix_bytes: _b, input_bytes: _i, mapper_input_bytes: _s, ...rest } = r;
  return rest;
};

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32 test vectors', () => {
    // From the FNV reference test suite (isthe.com/chongo/tech/comp/fnv): "", "a", "foobar".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('word count, worked by hand', () => {
  // Lines: "Hello, hello WORLD\r" | "foo-bar 42 héllo" | "" | "the end"  → L = 4 (no final line end).
  // M = 2: mapper 0 gets lines 0..1, mapper 1 lines 2..3.
  // Mapper 0 tokens: hello hello world foo bar 42 h llo (é is two bytes, both separate) = 8; mapper 1: the end = 2.
  const text = 'Hello, hello WORLD\r\nfoo-bar 42 héllo\n\nthe end';

  it('with the combiner, R = 1', () => {
    const r = wordCount(utf8(text), { mappers: 2, reducers: 1, combiner: true });
    // mapper 0 records: hello:2 (5+1+1+1 = 8), world:1 8, foo:1 6, bar:1 6, 42:1 5, h:1 4, llo:1 6 → 7 records, 43 bytes
    // mapper 1: the:1 6, end:1 6 → 2 records, 12 bytes
    expect(r.per_mapper).toEqual([
      { input_lines: 2, tokens: 8, output_records: 7, shuffle_bytes: 43 },
      { input_lines: 2, tokens: 2, output_records: 2, shuffle_bytes: 12 },
    ]);
    expect(r).toMatchObject({ input_lines: 4, total_words: 10, distinct_words: 9, map_output_records: 9, shuffle_records: 9, shuffle_bytes: 55 });
    expect(r.per_reducer).toEqual([{ input_records: 9, output_records: 9, shuffle_bytes: 55 }]);
    expect(r.matrix_records).toEqual([[7], [2]]);
    // hello 2, then the 1s by code point: "42" < "bar" < "end" < "foo" < "h" < "llo" < "the" < "world"
    expect(r.top.map((t) => `${t.word}:${t.count}`)).toEqual(['hello:2', '42:1', 'bar:1', 'end:1', 'foo:1', 'h:1', 'llo:1', 'the:1', 'world:1']);
  });

  it('without the combiner: every token is a record of count 1', () => {
    const r = wordCount(utf8(text), { mappers: 2, reducers: 1, combiner: false });
    // mapper 0: 8 records; bytes = Σ(len + 3) = 8+8+8+6+6+5+4+6 = 51; mapper 1: 6 + 6 = 12
    expect(r.per_mapper.map((m) => [m.output_records, m.shuffle_bytes])).toEqual([[8, 51], [2, 12]]);
    expect(r).toMatchObject({ map_output_records: 10, shuffle_records: 10, shuffle_bytes: 63, distinct_words: 9 });
  });

  it('partitions by fnv1a32 mod R ("a" → 0xe40c292c is even, "foobar" → 0xbf9cf968 is even)', () => {
    // "" can never be a token; pick words whose hashes are published: both even → reducer 0 of 2.
    const r = wordCount(utf8('a foobar a\n'), { mappers: 1, reducers: 2, combiner: true });
    expect(r.matrix_records).toEqual([[2, 0]]);
    expect(r.per_reducer).toEqual([
      { input_records: 2, output_records: 2, shuffle_bytes: 4 + 9 },
      { input_records: 0, output_records: 0, shuffle_bytes: 0 },
    ]);
  });

  it('empty splits when M > L, and line ends', () => {
    const r = wordCount(utf8('x\r\ny\n'), { mappers: 5, reducers: 1, combiner: false });
    // L = 2: mapper i gets lines floor(2i/5)..floor(2(i+1)/5)−1 → 0:[], 1:[], 2:[0], 3:[], 4:[1]
    expect(r.per_mapper.map((m) => m.input_lines)).toEqual([0, 0, 1, 0, 1]);
    expect(r.matrix_records).toEqual([[0], [0], [1], [0], [1]]);
    expect(wordCount(utf8('\n'), { mappers: 1, reducers: 1, combiner: false }).input_lines).toBe(1);
    expect(wordCount(utf8('a\n\n'), { mappers: 1, reducers: 1, combiner: false }).input_lines).toBe(2);
    expect(wordCount(utf8('a\rb'), { mappers: 1, reducers: 1, combiner: false })).toMatchObject({ input_lines: 1, total_words: 2 });
    expect(wordCount(utf8('  \n\t\n'), { mappers: 2, reducers: 1, combiner: false })).toMatchObject({ input_lines: 2, total_words: 0 });
  });

  it('an empty input is zeros', () => {
    const r = wordCount(new Uint8Array(0), { mappers: 3, reducers: 2, combiner: true });
    expect(r).toMatchObject({ input_lines: 0, total_words: 0, distinct_words: 0, shuffle_bytes: 0, top: [] });
    expect(r.matrix_records).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('top: 20 entries, ties by code point', () => {
    const words = ['a', '7', '10', '00', '0', ...Array.from({ length: 30 }, (_, k) => `w${k}`)];
    const r = wordCount(utf8(words.join(' ')), { mappers: 1, reducers: 4, combiner: false });
    expect(r.top.slice(0, 6).map((t) => t.word)).toEqual(['0', '00', '10', '7', 'a', 'w0']);
    expect(r.top).toHaveLength(20);
  });

  it('refuses M, R and sizes out of bounds, naming them', () => {
    expect(() => wordCount(new Uint8Array(1), { mappers: 0, reducers: 1, combiner: false })).toThrow(/--mappers .*1 to 64/);
    expect(() => wordCount(new Uint8Array(1), { mappers: 1, reducers: 65, combiner: false })).toThrow(/--reducers .*1 to 64/);
    expect(() => wordCount({ length: MAX_INPUT_BYTES + 1 } as Uint8Array, { mappers: 1, reducers: 1, combiner: false })).toThrow(/256 MiB/);
  });
});

/** Corpora that hit the rules: case, digits, \r, \r\n, blank lines, UTF-8, punctuation, repeats. */
const corpus = fc
  .array(fc.constantFrom('a', 'B', 'z', 'Z', '0', '9', 'ab', 'AB', 'the', ' ', ' ', '\n', '\n', '\r\n', '\r', '\t', '-', 'é', '日本', 'Ä', '_', '@', '[', '`', '{', '/', ':'), { maxLength: 200 })
  .map((parts) => utf8(parts.join('')));

describe('word count against an independent one-pass counter', () => {
  it('agrees on random corpora, M, R and combiner', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (data, m, r, combiner) => {
        expect(contract(wordCount(data, { mappers: m, reducers: r, combiner }))).toEqual(reference(data, m, r, combiner));
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
