/**
 * A generated English-like text for the real run: a seeded vocabulary whose words are drawn with
 * Zipf's law (the k-th most common word about 1/k as often as the first), in lines of 4–16 words
 * with punctuation and capitals, so that the combiner has repeats to fold, as in real text.
 */
import { Rng } from '../core/rng';

/** Distinct words in the vocabulary. */
export const CORPUS_VOCABULARY = 20_000;

/** The seed of the real run's generated text (the word count in worker_threads and in Dask). */
export const CORPUS_SEED = 19;

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

/** `bytes` bytes of text (the last line may be cut short), deterministic for a seed. */
export function generateText(bytes: number, seed: number): Uint8Array {
  const rng = new Rng(seed);
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < CORPUS_VOCABULARY) {
    const len = 1 + Math.min(rng.int(6) + rng.int(6), 11);
    let w = '';
    // skewed towards common letters: the square of a uniform number picks early letters more often
    for (let i = 0; i < len; i++) w += LETTERS[Math.floor(rng.next() ** 2 * LETTERS.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // cumulative Zipf weights for sampling by binary search
  const cdf = new Float64Array(CORPUS_VOCABULARY);
  let sum = 0;
  for (let k = 0; k < CORPUS_VOCABULARY; k++) cdf[k] = sum += 1 / (k + 1);
  const out = new Uint8Array(bytes);
  let pos = 0;
  const put = (s: string): boolean => {
    for (let i = 0; i < s.length; i++) {
      if (pos >= bytes) return false;
      out[pos++] = s.charCodeAt(i);
    }
    return true;
  };
  while (pos < bytes) {
    const n = 4 + rng.int(13);
    for (let i = 0; i < n; i++) {
      const u = rng.next() * sum;
      let lo = 0;
      let hi = CORPUS_VOCABULARY - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      let w = words[lo]!;
      if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
      if (!put(i === 0 ? w : ` ${w}`)) return out;
    }
    if (!put(rng.int(4) === 0 ? ',\n' : '.\n')) return out;
  }
  return out;
}
