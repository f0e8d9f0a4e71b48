/** The real run's mappers and reducers move exactly the records and bytes the data-flow model says. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapSplit, reduceRecords, spreadOf, workerCounts } from '../../src/main/workers/mapreduce';
import { lineStarts, splitStart, wordCount } from '../../src/sim/distributed/wordcount';
import { generateText } from '../../src/sim/distributed/corpus';
import { MeasurementService } from '../../src/main/services/measurements';
import type { MapReduceResult } from '../../src/shared/api';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The real run's data path (mapSplit → hand-over → reduceRecords) for M = R = k. */
function realShuffle(text: Uint8Array, k: number, combiner: boolean) {
  const starts = lineStarts(text);
  const L = starts.length - 1;
  const mapped = Array.from({ length: k }, (_, i) => mapSplit(text, starts[splitStart(i, L, k)]!, starts[splitStart(i + 1, L, k)]!, k, combiner));
  const reduced = Array.from({ length: k }, (_, j) => reduceRecords(mapped.map((m) => m[j]!)));
  return { records: reduced.reduce((s, r) => s + r.records, 0), bytes: reduced.reduce((s, r) => s + r.bytes, 0), distinct: reduced.reduce((s, r) => s + r.distinct, 0), perReducer: reduced.map((r) => r.records) };
}

describe('the real word count', () => {
  it('a small text worked by hand', () => {
    // "a b a\nB c\n", k = 1, no combiner: records a\t1\n b\t1\n a\t1\n b\t1\n c\t1\n = 5 × 4 bytes
    expect(realShuffle(utf8('a b a\nB c\n'), 1, false)).toMatchObject({ records: 5, bytes: 20, distinct: 3 });
    // with the combiner: a\t2\n b\t2\n c\t1\n = 3 records, 12 bytes
    expect(realShuffle(utf8('a b a\nB c\n'), 1, true)).toMatchObject({ records: 3, bytes: 12, distinct: 3 });
  });

  it('moves exactly the model\'s records and bytes on random texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'Bb', 'the', '7', ' ', '\n', '\r\n', ',', 'é', 'x y z'), { maxLength: 120 }).map((p) => utf8(p.join(''))),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (text, k, combiner) => {
          const model = wordCount(text, { mappers: k, reducers: k, combiner });
          const real = realShuffle(text, k, combiner);
          expect(real.records).toBe(model.shuffle_records);
          expect(real.bytes).toBe(model.shuffle_bytes);
          expect(real.distinct).toBe(model.distinct_words);
          expect(real.perReducer).toEqual(model.per_reducer.map((r) => r.input_records));
        },
      ),
      { numRuns: 200, seed: 19 },
    );
  });

  it('helpers: spread and worker counts', () => {
    expect(spreadOf([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3, repeats: 3, unit: 's' });
    expect(workerCounts(6)).toEqual([1, 2, 4, 6]);
    expect(workerCounts(1)).toEqual([1]);
    // the generated text is deterministic and has exactly the bytes asked for
    expect(generateText(5000, 19)).toEqual(generateText(5000, 19));
    expect(generateText(5000, 19).length).toBe(5000);
  });

  it('through the measurement service, on a given text, with worker_threads', async () => {
    const service = new MeasurementService({ workers: { kind: 'source' } });
    const text = 'the cat and the hat\nThe end, the END.\n'.repeat(200);
    const result = await new Promise<MapReduceResult>((resolve, reject) => {
      service.onEvent((e) => {
        if (e.type === 'measurement.done') resolve(e.result as MapReduceResult);
        if (e.type === 'measurement.failed') reject(new Error(e.error.message));
      });
      service.start({ kind: 'mapreduce', params: { text, maxWorkers: 2, repeat: 1 } });
    });
    expect(result).toMatchObject({ kind: 'mapreduce', source: 'text', inputLines: 400, totalWords: 1800 });
    // 5 + 4 words a pair of lines × 200; distinct: the cat and hat end
    for (const p of result.points) {
      expect(p.shuffleRecords).toBe(p.modelRecords);
      expect(p.shuffleBytes).toBe(p.modelBytes);
    }
    // without the combiner every word is a record; with it, one record per distinct word per mapper
    expect(result.points.find((p) => p.workers === 1 && !p.combiner)!.shuffleRecords).toBe(1800);
    expect(result.points.find((p) => p.workers === 1 && p.combiner)!.shuffleRecords).toBe(5);
    expect(Object.keys(result.load).sort()).toEqual(['busy', 'cores', 'loadAfter', 'loadBefore', 'note', 'stealPct']);
    expect(Object.keys(result.points[0]!.spread).sort()).toEqual(['max', 'median', 'min', 'repeats', 'unit']);
    await service.dispose();
  });
});
