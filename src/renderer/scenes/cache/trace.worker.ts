/**
 * Runs a whole trace file through a cache hierarchy, off the UI thread: the file is streamed
 * (through DecompressionStream when gzipped), decoded, and fed to the sim's streaming parser
 * chunk by chunk, so a trace of any size never sits in memory whole.
 */
import { CacheHierarchy } from '../../../sim/cache/hierarchy';
import { LackeyParser } from '../../../sim/cache/lackey';
import { DinParser, guessFormat } from '../../../sim/cache/din';
import { ParseError, type LineParser } from '../../../sim/cache/traceText';
import type { TraceFormat, TraceRunRequest, TraceWorkerMessage } from './traceProtocol';

const PROGRESS_MS = 100;

const post = (message: TraceWorkerMessage): void => (self as unknown as Worker).postMessage(message);

function formatFromName(name: string): TraceFormat | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.din')) return 'din';
  if (base.endsWith('.lackey') || base.includes('lackey')) return 'lackey';
  return undefined;
}

async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

async function run(request: TraceRunRequest): Promise<void> {
  const { file } = request;
  const hierarchy = new CacheHierarchy(request.config);
  const gzipped = await isGzip(file);
  let bytesRead = 0;
  const counting = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  let stream = file.stream().pipeThrough(counting);
  if (gzipped) stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let format = request.format ?? formatFromName(request.name);
  let parser: LineParser | null = null;
  let head = '';
  let last = 0;
  const start = (f: TraceFormat): LineParser => (f === 'lackey' ? new LackeyParser(hierarchy) : new DinParser(hierarchy));
  const report = (): void =>
    post({ type: 'progress', progress: { bytesRead, totalBytes: file.size, lines: parser?.lines ?? 0, records: parser?.records ?? 0 } });
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (parser === null) {
      head += text;
      // The guess reads at most 1 MiB, as the CLI's does: past it, decide with what is there
      // (a stream of comments or one endless line must not grow this buffer without limit).
      format ??= guessFormat(head, done || head.length >= GUESS_LIMIT) ?? (head.length >= GUESS_LIMIT ? 'din' : undefined);
      if (format === undefined) continue;
      parser = start(format);
      parser.feed(head);
      head = '';
    } else if (text.length > 0) {
      parser.feed(text);
    }
    if (done) break;
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      report();
    }
  }
  parser ??= start(format ?? 'din');
  parser.end();
  report();
  post({
    type: 'done',
    outcome: { format: format ?? 'din', gzipped, lines: parser.lines, records: parser.records, counters: hierarchy.counters(), amatNs: hierarchy.amatNs() },
  });
}

/** How much text the format guess may hold. */
const GUESS_LIMIT = 1 << 20;

self.onmessage = (event: MessageEvent<TraceRunRequest>) => {
  run(event.data).catch((error: unknown) => {
    if (error instanceof ParseError) post({ type: 'parse-error', line: error.line, text: error.text, reason: error.reason });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
