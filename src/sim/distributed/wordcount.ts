/**
 * The word-count MapReduce job's data flow over real bytes, exactly as `nanoscope mapreduce`
 * promises it: lines, splits, tokens, map, combiner, partitioning by FNV-1a, the shuffle's records
 * and bytes, reduce. Pure: the caller reads the file; this sees a Uint8Array.
 *
 * Rules (the CLI contract, README "nanoscope mapreduce"):
 * - `\n` ends a line (a `\r` before it belongs to the line end, and separates tokens anyway); a final
 *   line end makes no extra empty line. L lines; mapper i gets lines ⌊i·L/M⌋ … ⌊(i+1)·L/M⌋ − 1.
 * - Bytes `A`–`Z` are lowercased; a token is a maximal run of `[a-z0-9]`; every other byte separates
 *   (so each byte of a UTF-8 multibyte character separates too).
 * - A record goes to reducer fnv1a32(token's bytes) mod R; it is len(token) + 1 + len(decimal count) + 1
 *   bytes on the wire, with the count that crosses the shuffle (1, or the mapper's partial sum with the combiner).
 */

/** The largest input the job accepts, in bytes (256 MiB): the counts live in memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Bounds of mappers and reducers. */
export const MAX_MAPPERS = 64;
export const MAX_REDUCERS = 64;
/** Entries in `top`. */
export const TOP_WORDS = 20;

/** FNV-1a 32-bit over a string of code units 0–255 (a token is ASCII). */
export function fnv1a32(token: string): number {
  let h = 2166136261;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** Bytes of one shuffled record: the token, a tab-like separator, the decimal count, a newline. */
export const recordBytes = (token: string, count: number): number => token.length + 1 + String(count).length + 1;

/** What one mapper did. Counts are records (word, count) pairs; bytes are shuffle bytes. */
export interface MapperStats {
  readonly input_lines: number;
  /** Tokens read, before the combiner. */
  readonly tokens: number;
  /** Records leaving the mapper (after the combiner when it is on). */
  readonly output_records: number;
  /** Bytes it sends through the shuffle. */
  readonly shuffle_bytes: number;
}

/** What one reducer received and produced. */
export interface ReducerStats {
  readonly input_records: number;
  readonly output_records: number;
  readonly shuffle_bytes: number;
}

/** The contract's result (field names are the JSON's). */
export interface WordCountResult {
  readonly mappers: number;
  readonly reducers: number;
  readonly combiner: boolean;
  readonly input_lines: number;
  readonly total_words: number;
  readonly distinct_words: number;
  readonly map_output_records: number;
  readonly shuffle_records: number;
  readonly shuffle_bytes: number;
  readonly per_mapper: readonly MapperStats[];
  readonly per_reducer: readonly ReducerStats[];
  /** Records from mapper i (row) to reducer j (column), M × R. */
  readonly matrix_records: readonly (readonly number[])[];
  /** Bytes from mapper i to reducer j, M × R (an addition to the contract). */
  readonly matrix_bytes: readonly (readonly number[])[];
  readonly top: readonly { readonly word: string; readonly count: number }[];
  /** Input size in bytes (an addition). */
  readonly input_bytes: number;
  /** Bytes of each mapper's split (an addition). */
  readonly mapper_input_bytes: readonly number[];
}

export interface WordCountOptions {
  readonly mappers: number;
  readonly reducers: number;
  readonly combiner: boolean;
}

/** A thrown bound or argument error; the message names the bound. */
export class WordCountError extends Error {}

/** Checks M, R and the input size before any work. */
export function checkWordCountArgs(options: WordCountOptions, inputBytes: number): void {
  const { mappers, reducers } = options;
  if (!Number.isInteger(mappers) || mappers < 1 || mappers > MAX_MAPPERS) throw new WordCountError(`--mappers must be an integer from 1 to ${MAX_MAPPERS} (got ${mappers})`);
  if (!Number.isInteger(reducers) || reducers < 1 || reducers > MAX_REDUCERS) throw new WordCountError(`--reducers must be an integer from 1 to ${MAX_REDUCERS} (got ${reducers})`);
  if (inputBytes > MAX_INPUT_BYTES) throw new WordCountError(`the input is ${inputBytes} bytes; the bound is ${MAX_INPUT_BYTES} bytes (256 MiB)`);
}

/** Lines in the input: one per `\n`, plus one for a last line without a line end. */
export function countLines(input: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < input.length; i++) if (input[i] === 10) lines++;
  if (input.length > 0 && input[input.length - 1] !== 10) lines++;
  return lines;
}

/** First line of mapper i (the last mapper's end is L). */
export const splitStart = (i: number, lines: number, mappers: number): number => Math.floor((i * lines) / mappers);

const isTokenByte = (b: number): boolean => (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b >= 65 && b <= 90);

/** The token in bytes [start, end), lowercased. */
function tokenText(input: Uint8Array, start: number, end: number): string {
  let s = '';
  const CHUNK = 4096;
  for (let c = start; c < end; c += CHUNK) {
    const stop = Math.min(end, c + CHUNK);
    const codes = new Array<number>(stop - c);
    for (let k = c; k < stop; k++) {
      const b = input[k]!;
      codes[k - c] = b >= 65 && b <= 90 ? b + 32 : b;
    }
    s += String.fromCharCode(...codes);
  }
  return s;
}

/**
 * Calls `onToken(line, token)` for every token, in order, and `onLine(line)` at the start of
 * each line (line indices from 0). Used by the job and by the real run's workers alike.
 */
export function scanTokens(input: Uint8Array, onLine: (line: number) => void, onToken: (token: string) => void, from = 0, to = input.length, firstLine = 0): void {
  let line = firstLine;
  let start = -1;
  if (from < to) onLine(line);
  for (let i = from; i < to; i++) {
    const b = input[i]!;
    if (isTokenByte(b)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      onToken(tokenText(input, start, i));
      start = -1;
    }
    if (b === 10 && i + 1 < to) onLine(++line);
  }
  if (start >= 0) onToken(tokenText(input, start, to));
}

/** Byte offset where each line starts, plus `input.length` at the end (L + 1 entries). */
export function lineStarts(input: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < input.length; i++) if (input[i] === 10 && i + 1 < input.length) starts.push(i + 1);
  if (input.length === 0) return [0];
  starts.push(input.length);
  return starts;
}

/** One mapper's output: per reducer, the records it sends (word → count crossing the shuffle, or occurrences without the combiner). */
export interface MapOutput {
  readonly lines: number;
  readonly tokens: number;
  /** Per reducer: word → summed count (with the combiner this is the record's count; without, the number of (word, 1) records). */
  readonly partitions: readonly Map<string, number>[];
}

/** Runs one mapper over bytes [from, to) holding `lines` lines. */
export function runMapper(input: Uint8Array, from: number, to: number, lines: number, reducers: number, hashOf: (word: string) => number = fnv1a32): MapOutput {
  const partitions = Array.from({ length: reducers }, () => new Map<string, number>());
  let tokens = 0;
  scanTokens(
    input,
    () => {},
    (token) => {
      tokens++;
      const part = partitions[hashOf(token) % reducers]!;
      part.set(token, (part.get(token) ?? 0) + 1);
    },
    from,
    to,
  );
  return { lines, tokens, partitions };
}

/** Records and bytes one mapper's partition sends. */
export function partitionTraffic(part: Map<string, number>, combiner: boolean): { records: number; bytes: number } {
  let records = 0;
  let bytesSent = 0;
  for (const [word, count] of part) {
    if (combiner) {
      records++;
      bytesSent += recordBytes(word, count);
    } else {
      records += count;
      bytesSent += count * (word.length + 3);
    }
  }
  return { records, bytes: bytesSent };
}

/** Orders words by count descending, then word by code point ascending. */
export function compareTop(a: { word: string; count: number }, b: { word: string; count: number }): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

/** Merges the mappers' outputs into the contract's result. */
export function reduceOutputs(outputs: readonly MapOutput[], options: WordCountOptions, inputBytes: number): WordCountResult {
  const { mappers, reducers, combiner } = options;
  const perMapper: MapperStats[] = [];
  const matrixRecords: number[][] = [];
  const matrixBytes: number[][] = [];
  const reducerWords = Array.from({ length: reducers }, () => new Map<string, number>());
  let inputLines = 0;
  let totalWords = 0;
  for (const out of outputs) {
    const rowR: number[] = [];
    const rowB: number[] = [];
    let records = 0;
    let sent = 0;
    out.partitions.forEach((part, j) => {
      const t = partitionTraffic(part, combiner);
      rowR.push(t.records);
      rowB.push(t.bytes);
      records += t.records;
      sent += t.bytes;
      const merged = reducerWords[j]!;
      for (const [word, count] of part) merged.set(word, (merged.get(word) ?? 0) + count);
    });
    matrixRecords.push(rowR);
    matrixBytes.push(rowB);
    perMapper.push({ input_lines: out.lines, tokens: out.tokens, output_records: records, shuffle_bytes: sent });
    inputLines += out.lines;
    totalWords += out.tokens;
  }
  const perReducer: ReducerStats[] = reducerWords.map((words, j) => ({
    input_records: matrixRecords.reduce((s, row) => s + row[j]!, 0),
    output_records: words.size,
    shuffle_bytes: matrixBytes.reduce((s, row) => s + row[j]!, 0),
  }));
  const shuffleRecords = perMapper.reduce((s, m) => s + m.output_records, 0);
  const shuffleBytes = perMapper.reduce((s, m) => s + m.shuffle_bytes, 0);
  const top = topWords(reducerWords, TOP_WORDS);
  return {
    mappers,
    reducers,
    combiner,
    input_lines: inputLines,
    total_words: totalWords,
    distinct_words: perReducer.reduce((s, r) => s + r.output_records, 0),
    map_output_records: shuffleRecords,
    shuffle_records: shuffleRecords,
    shuffle_bytes: shuffleBytes,
    per_mapper: perMapper,
    per_reducer: perReducer,
    matrix_records: matrixRecords,
    matrix_bytes: matrixBytes,
    top,
    input_bytes: inputBytes,
    mapper_input_bytes: [],
  };
}

/** The `limit` highest counts over all reducers' words, ties by word ascending. */
export function topWords(reducerWords: readonly Map<string, number>[], limit: number): { word: string; count: number }[] {
  const best: { word: string; count: number }[] = [];
  for (const words of reducerWords) {
    for (const [word, count] of words) {
      const entry = { word, count };
      if (best.length === limit && compareTop(entry, best[best.length - 1]!) >= 0) continue;
      let k = best.length;
      while (k > 0 && compareTop(entry, best[k - 1]!) < 0) k--;
      best.splice(k, 0, entry);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/** The whole job over `input`: splits by lines, maps, combines, shuffles and reduces. */
export function wordCount(input: Uint8Array, options: WordCountOptions): WordCountResult {
  checkWordCountArgs(options, input.length);
  const starts = lineStarts(input);
  const lines = starts.length - 1;
  const hashes = new Map<string, number>();
  const hashOf = (word: string): number => {
    let h = hashes.get(word);
    if (h === undefined) {
      h = fnv1a32(word);
      hashes.set(word, h);
    }
    return h;
  };
  const outputs: MapOutput[] = [];
  const splitBytes: number[] = [];
  for (let i = 0; i < options.mappers; i++) {
    const first = splitStart(i, lines, options.mappers);
    const end = splitStart(i + 1, lines, options.mappers);
    outputs.push(runMapper(input, starts[first]!, starts[end]!, end - first, options.reducers, hashOf));
    splitBytes.push(starts[end]! - starts[first]!);
  }
  return { ...reduceOutputs(outputs, options, input.length), mapper_input_bytes: splitBytes };
}
