/**
 * Word count for real: worker_threads as mappers and reducers over one text in a SharedArrayBuffer.
 * For k workers (1, 2, 4 … maxWorkers), with and without the combiner: each of k mappers scans its
 * line split (the same rules and code as `nanoscope mapreduce`) and writes `word\tcount\n` records
 * into one buffer per reducer; the coordinator hands reducer j every mapper's buffer j (the
 * shuffle, by transfer); each reducer parses and sums its records. The reducers count the records
 * and bytes they received from the real bytes; the coordinator checks them against the data-flow
 * model for the same input and times each phase.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData, type Worker } from 'node:worker_threads';
import { CORPUS_SEED, generateText } from '../../sim/distributed/corpus';
import { fnv1a32, lineStarts, scanTokens, splitStart, wordCount } from '../../sim/distributed/wordcount';
import { planJob } from '../../sim/distributed/cluster';
import { smallMachine } from '../../sim/distributed/hardware';
import { presetJob } from '../../sim/distributed/jobs';
import { getPreset } from '../../sim/hardware/presets';
import type { MapReducePoint, Spread } from '../../shared/api';
import { spawnWorker, workerScriptPath, type WorkerLocation } from '../services/workers';
import { watchLoad } from '../services/hostLoad';
import { BUDGET_EXCEEDED, envelopeFor, type MapReduceInput, type WorkerMessage } from './protocol';

/** A growable byte buffer of shuffle records. */
class RecordWriter {
  bytes = new Uint8Array(1 << 12);
  length = 0;
  records = 0;
  write(word: string, count: number): void {
    const digits = String(count);
    const need = word.length + digits.length + 2;
    if (this.length + need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + need));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const b = this.bytes;
    let p = this.length;
    for (let i = 0; i < word.length; i++) b[p++] = word.charCodeAt(i);
    b[p++] = 9;
    for (let i = 0; i < digits.length; i++) b[p++] = digits.charCodeAt(i);
    b[p++] = 10;
    this.length = p;
    this.records++;
  }
  /** The written bytes, trimmed, as a transferable buffer. */
  take(): ArrayBuffer {
    return this.bytes.slice(0, this.length).buffer;
  }
}

/** One mapper: bytes [from, to) of the text into one record buffer per reducer. */
export function mapSplit(input: Uint8Array, from: number, to: number, reducers: number, combiner: boolean): ArrayBuffer[] {
  const writers = Array.from({ length: reducers }, () => new RecordWriter());
  const hashes = new Map<string, number>();
  const partOf = (w: string): number => {
    let h = hashes.get(w);
    if (h === undefined) hashes.set(w, (h = fnv1a32(w) % reducers));
    return h;
  };
  if (combiner) {
    const counts = new Map<string, number>();
    scanTokens(input, () => {}, (t) => counts.set(t, (counts.get(t) ?? 0) + 1), from, to);
    for (const [w, c] of counts) writers[partOf(w)]!.write(w, c);
  } else {
    scanTokens(input, () => {}, (t) => writers[partOf(t)]!.write(t, 1), from, to);
  }
  return writers.map((w) => w.take());
}

/** One reducer: parses `word\tcount\n` records and sums them. */
export function reduceRecords(buffers: readonly ArrayBuffer[]): { records: number; bytes: number; distinct: number } {
  const sums = new Map<string, number>();
  let records = 0;
  let bytes = 0;
  for (const buf of buffers) {
    const b = new Uint8Array(buf);
    bytes += b.length;
    let start = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] !== 10) continue;
      let tab = start;
      while (b[tab] !== 9) tab++;
      let word = '';
      for (let k = start; k < tab; k++) word += String.fromCharCode(b[k]!);
      let count = 0;
      for (let k = tab + 1; k < i; k++) count = count * 10 + (b[k]! - 48);
      sums.set(word, (sums.get(word) ?? 0) + count);
      records++;
      start = i + 1;
    }
  }
  return { records, bytes, distinct: sums.size };
}

type ThreadRequest =
  | { readonly type: 'map'; readonly from: number; readonly to: number; readonly reducers: number; readonly combiner: boolean }
  | { readonly type: 'reduce'; readonly buffers: ArrayBuffer[] };
type ThreadReply = { readonly type: 'ready' } | { readonly type: 'mapped'; readonly buffers: ArrayBuffer[] } | { readonly type: 'received' } | { readonly type: 'reduced'; readonly records: number; readonly bytes: number; readonly distinct: number } | { readonly type: 'error'; readonly message: string };

interface ThreadInput {
  readonly thread: true;
  readonly text: SharedArrayBuffer;
}

function serveThread(input: ThreadInput, port: NonNullable<typeof parentPort>): void {
  const text = new Uint8Array(input.text);
  port.on('message', (m: ThreadRequest) => {
    try {
      if (m.type === 'map') {
        const buffers = mapSplit(text, m.from, m.to, m.reducers, m.combiner);
        port.postMessage({ type: 'mapped', buffers } satisfies ThreadReply, buffers);
      } else {
        port.postMessage({ type: 'received' } satisfies ThreadReply);
        port.postMessage({ type: 'reduced', ...reduceRecords(m.buffers) } satisfies ThreadReply);
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: (e as Error).message } satisfies ThreadReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies ThreadReply);
}

/** A pool thread with a queue of replies. */
class Thread {
  private readonly waiting: ((r: ThreadReply) => void)[] = [];
  private readonly queued: ThreadReply[] = [];
  constructor(readonly worker: Worker) {
    worker.on('message', (r: ThreadReply) => {
      const w = this.waiting.shift();
      if (w) w(r);
      else this.queued.push(r);
    });
  }
  next(): Promise<ThreadReply> {
    const q = this.queued.shift();
    if (q) return Promise.resolve(q);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async expect<T extends ThreadReply['type']>(type: T): Promise<Extract<ThreadReply, { type: T }>> {
    const r = await this.next();
    if (r.type === 'error') throw new Error(r.message);
    if (r.type !== type) throw new Error(`expected ${type}, got ${r.type}`);
    return r as Extract<ThreadReply, { type: T }>;
  }
}

const now = (): number => Number(process.hrtime.bigint()) / 1e9;

/** min / median / max of seconds. */
export function spreadOf(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { min: s[0]!, median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, max: s[s.length - 1]!, repeats: s.length, unit: 's' };
}

/** Worker counts measured: 1, 2, 4 … and maxWorkers itself. */
export function workerCounts(maxWorkers: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < maxWorkers; k *= 2) out.push(k);
  out.push(maxWorkers);
  return out;
}

/** One timed job: map, shuffle (hand-over by transfer), reduce, on the first k threads. */
async function runJob(threads: readonly Thread[], starts: readonly number[], k: number, combiner: boolean) {
  const lines = starts.length - 1;
  const t0 = now();
  for (let i = 0; i < k; i++) {
    const a = splitStart(i, lines, k);
    const b = splitStart(i + 1, lines, k);
    threads[i]!.worker.postMessage({ type: 'map', from: starts[a]!, to: starts[b]!, reducers: k, combiner } satisfies ThreadRequest);
  }
  const mapped = await Promise.all(threads.slice(0, k).map((t) => t.expect('mapped')));
  const t1 = now();
  for (let j = 0; j < k; j++) {
    const buffers = mapped.map((m) => m.buffers[j]!);
    threads[j]!.worker.postMessage({ type: 'reduce', buffers } satisfies ThreadRequest, buffers);
  }
  await Promise.all(threads.slice(0, k).map((t) => t.expect('received')));
  const t2 = now();
  const reduced = await Promise.all(threads.slice(0, k).map((t) => t.expect('reduced')));
  const t3 = now();
  return {
    mapS: t1 - t0,
    shuffleS: t2 - t1,
    reduceS: t3 - t2,
    records: reduced.reduce((s, r) => s + r.records, 0),
    bytes: reduced.reduce((s, r) => s + r.bytes, 0),
    distinct: reduced.reduce((s, r) => s + r.distinct, 0),
  };
}

const median = (xs: readonly number[]): number => spreadOf(xs).median;

async function coordinate(input: MapReduceInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const t0 = now();
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const cores = availableParallelism();
  const load = watchLoad();
  post({ type: 'progress', fraction: 0, message: input.text === null ? `generating ${input.sizeMB} MB of text` : 'reading the text' });
  const bytes = input.text === null ? generateText(input.sizeMB * 1e6, CORPUS_SEED) : new TextEncoder().encode(input.text);
  const shared = new SharedArrayBuffer(bytes.length);
  const text = new Uint8Array(shared);
  text.set(bytes);
  const starts = lineStarts(text);
  const counts = workerCounts(input.maxWorkers);
  const configs = counts.flatMap((k) => [false, true].map((combiner) => ({ k, combiner })));
  const steps = configs.length * (input.repeat + 1) + 1;
  let step = 0;
  const progress = (message: string) => post({ type: 'progress', fraction: Math.min(1, ++step / steps), message });
  const budget = (where: string) => {
    if ((now() - t0) * 1000 > input.budgetMs) throw new Error(`${BUDGET_EXCEEDED}: ${input.budgetMs} ms passed ${where}`);
  };
  const script = workerScriptPath('mapreduce', input.location);
  const threads = Array.from({ length: input.maxWorkers }, () => new Thread(spawnWorker(script, input.location, { workerData: { worker: 'mapreduce', input: { thread: true, text: shared } } })));
  try {
    await Promise.all(threads.map((t) => t.expect('ready')));
    // untimed warm-up: every thread is its own V8 isolate and compiles the scan loop itself
    await runJob(threads, starts, input.maxWorkers, true);
    progress(`${threads.length} worker threads ready (one untimed warm-up run)`);
    const machine = getPreset('2020')!;
    const results: Omit<MapReducePoint, 'speedup' | 'modelSpeedup'>[] = [];
    const modelSeconds: number[] = [];
    let totalWords = 0;
    for (const { k, combiner } of configs) {
      budget(`before ${k} workers, combiner ${combiner ? 'on' : 'off'}`);
      const model = wordCount(text, { mappers: k, reducers: k, combiner });
      totalWords = model.total_words;
      // the cluster model's time for one machine of this machine's shape (cores shared, no network)
      const cluster = smallMachine(machine, 1, Math.min(k, cores));
      const job = { ...presetJob('wordcount', { combiner, reducers: k, mapTasks: k, inputBytes: text.length }), mapInputBytes: model.mapper_input_bytes, shuffleBytes: model.matrix_bytes, setupS: 0, commitS: 0, replicas: 1 };
      modelSeconds.push(planJob(cluster, job, { seed: 1, straggler: false, speculative: false, failure: false }).makespanS);
      progress(`model: ${k} workers, combiner ${combiner ? 'on' : 'off'}: ${model.shuffle_records} records`);
      const runs = [];
      for (let r = 0; r < input.repeat; r++) {
        budget(`at ${k} workers, run ${r + 1}`);
        const run = await runJob(threads, starts, k, combiner);
        runs.push(run);
        progress(`${k} workers, combiner ${combiner ? 'on' : 'off'}, run ${r + 1} of ${input.repeat}: ${((run.mapS + run.shuffleS + run.reduceS) * 1000).toFixed(0)} ms`);
      }
      const last = runs[runs.length - 1]!;
      results.push({
        workers: k,
        combiner,
        mapS: median(runs.map((r) => r.mapS)),
        shuffleS: median(runs.map((r) => r.shuffleS)),
        reduceS: median(runs.map((r) => r.reduceS)),
        spread: spreadOf(runs.map((r) => r.mapS + r.shuffleS + r.reduceS)),
        shuffleRecords: last.records,
        shuffleBytes: last.bytes,
        modelRecords: model.shuffle_records,
        modelBytes: model.shuffle_bytes,
        distinctWords: last.distinct,
      });
    }
    const points: MapReducePoint[] = results.map((p, i) => {
      const base = results.findIndex((q) => q.workers === 1 && q.combiner === p.combiner);
      return { ...p, speedup: results[base]!.spread.median / p.spread.median, modelSpeedup: modelSeconds[base]! / modelSeconds[i]! };
    });
    post({ type: 'result', result: { kind: 'mapreduce', source: input.text === null ? 'generated' : 'text', inputBytes: text.length, inputLines: starts.length - 1, totalWords, points, cores, load: load() } });
  } finally {
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

const envelope = envelopeFor<MapReduceInput | ThreadInput>('mapreduce', workerData);
if (parentPort && envelope) {
  const port = parentPort;
  if ('thread' in envelope) serveThread(envelope, port);
  else
    coordinate(envelope, port).catch((e: unknown) => {
      const message = (e as Error).message;
      const budget = message.startsWith(BUDGET_EXCEEDED);
      port.postMessage({ type: 'error', budget, message: budget ? message : `mapreduce failed: ${message}` } satisfies WorkerMessage);
    });
}

export type { WorkerLocation };
