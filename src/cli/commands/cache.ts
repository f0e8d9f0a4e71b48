/**
 * `nanoscope cache`: runs a trace file (valgrind lackey or Dinero din, plain or gzipped, or
 * stdin) or a generated pattern through a cache hierarchy and prints every counter.
 *
 * The trace is streamed: byte chunks go straight to the pure parsers of src/sim/cache (traces
 * are ASCII), which call the simulator directly — memory stays flat whatever the
 * trace's size. Runs on the CLI's thread (the work is one tight loop; no worker is needed).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { getPreset, PRESET_IDS } from '../../sim/hardware/presets';
import { hierarchyFromMachine, parseCacheConfig, type CacheRunConfig, type IfetchMode } from '../../sim/cache/config';
import { CacheHierarchy } from '../../sim/cache/hierarchy';
import { DinParser, guessFormat } from '../../sim/cache/din';
import { LackeyParser } from '../../sim/cache/lackey';
import { PATTERNS, patternInfo, resolvePatternParams, runPattern, type PatternId } from '../../sim/cache/patterns';
import { ParseError, type LineParser } from '../../sim/cache/traceText';
import { listFlag, parseInteger, parseSize, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';

/** `nanoscope cache --help`: flags, config shape, and every pattern with its parameters. */
export function cacheHelp(): string {
  const lines = [
    'Config: a preset id (2012, 2020, teaching: its data/unified caches) or a JSON file',
    '  {"levels":[{"name","size","assoc","line","policy","write_policy","write_allocate","latency_ns"}…],"memory_latency_ns","ifetch","seed"}',
    '  size/line in bytes; assoc a number or "full"; policy LRU|FIFO|RANDOM|PLRU (default LRU);',
    '  write_policy write-back|write-through (default write-back); write_allocate (default true);',
    '  missing latencies come from the 2020 preset (which has none for L3: then amat_ns is null).',
    'Trace: lackey (valgrind --tool=lackey --trace-mem=yes) or din ("label address"); gzip detected;',
    '  --format default: lackey if the first non-comment line starts with I/L/S/M and has a comma, else din.',
    '  --ifetch data treats instruction fetches as reads (default ignore); --din-size N bytes per din access (4).',
    'Patterns (--pattern NAME [--param k=v]…; sizes accept K/M/G):',
    ...PATTERNS.map((p) => `  ${p.id}: ${p.description}\n      ${p.params.map((q) => `${q.name}=${q.default} (${q.description}, ${q.min}..${q.max})`).join(', ')}`),
    'JSON: {"levels":[{"name","accesses","hits","misses","reads","read_hits","read_misses","writes","write_hits","write_misses","writebacks"}…],',
    '  "memory":{"reads","writes"},"amat_ns","dirty_at_end":[per level],"records","source"}',
  ];
  return `${lines.join('\n')}\n`;
}

/** Line (1-based) of a character position in text. */
const lineOf = (text: string, position: number): number => text.slice(0, position).split('\n').length;

function loadConfig(spec: string): CacheRunConfig {
  if (PRESET_IDS.includes(spec)) return hierarchyFromMachine(getPreset(spec)!);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    throw new InputError(`--config: "${spec}" is neither a preset (${PRESET_IDS.join(', ')}) nor a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineOf(text, Number(pos[1])) : lineOf(text, text.length);
    throw new InputError(`${spec}: line ${line}: not valid JSON (${message})`);
  }
  const result = parseCacheConfig(json);
  if (!result.ok) throw new InputError(`${spec}: ${result.problems.join('; ')}`);
  return result.config;
}

function parsePatternParams(pattern: string, texts: readonly string[]): Record<string, number> {
  const given: Record<string, number> = {};
  for (const text of texts) {
    for (const part of text.split(',')) {
      if (part.trim() === '') continue;
      const eq = part.indexOf('=');
      if (eq <= 0) throw new UsageError(`nanoscope cache: --param takes k=v (got "${part}")`);
      const key = part.slice(0, eq).trim();
      given[key] = parseSize(part.slice(eq + 1), `--param ${key}`);
    }
  }
  const resolved = resolvePatternParams(pattern, given);
  if (!resolved.ok) throw new InputError(`--pattern ${pattern}: ${resolved.problems.join('; ')}`);
  return resolved.params;
}

/** Streams a trace (file or '-' for stdin; gzip by magic bytes) into a parser made once the format is known. */
async function streamTrace(file: string, makeParser: (head: string) => LineParser, progress: (records: number) => void): Promise<LineParser> {
  const source: Readable = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const input = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first: IteratorResult<Buffer>;
  try {
    first = await input.next();
  } catch (e) {
    throw new InputError(`--trace: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  async function* raw(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    for (;;) {
      const n = await input.next();
      if (n.done) return;
      yield n.value;
    }
  }
  const gz = !first.done && first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
  let chunks: AsyncIterable<Buffer> = raw();
  if (gz) {
    const gunzip = createGunzip();
    pipeline(Readable.from(raw()), gunzip, () => undefined);
    chunks = gunzip;
  }
  let parser: LineParser | null = null;
  let head: Buffer[] = [];
  let headText = '';
  let lastProgress = Date.now();
  try {
    for await (const chunk of chunks) {
      if (parser === null) {
        // Until the format is known, keep the bytes and their text (for the guess).
        head.push(chunk);
        headText += chunk.toString('latin1');
        if (guessFormat(headText, false) === undefined && headText.length < 1 << 20) continue;
        parser = makeParser(headText);
        for (const h of head) parser.feedBytes(h);
        head = [];
      } else parser.feedBytes(chunk);
      const now = Date.now();
      if (now - lastProgress > 2000) {
        lastProgress = now;
        progress(parser.records);
      }
    }
    if (parser === null) {
      parser = makeParser(headText);
      for (const h of head) parser.feedBytes(h);
    }
    parser.end();
  } catch (e) {
    if (e instanceof ParseError) throw new InputError(`${file === '-' ? 'stdin' : file}: ${e.message}`);
    if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string') {
      throw new InputError(`--trace: cannot read "${file}" (${(e as NodeJS.ErrnoException).code}: ${e.message})`);
    }
    throw e;
  }
  return parser;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  const configSpec = stringFlag(args, 'config');
  const trace = stringFlag(args, 'trace');
  const pattern = stringFlag(args, 'pattern');
  if (configSpec === undefined) throw new UsageError('nanoscope cache: --config FILE.json|PRESET is required');
  if ((trace === undefined) === (pattern === undefined)) throw new UsageError('nanoscope cache: give exactly one of --trace FILE|- and --pattern NAME');
  const extra = pattern === undefined ? positionals : positionals.filter((p) => !/^[\w-]+=/.test(p));
  if (extra.length) throw new UsageError(`nanoscope cache: unexpected argument "${extra[0]}"`);
  const format = stringFlag(args, 'format');
  if (format !== undefined && format !== 'lackey' && format !== 'din') throw new UsageError(`nanoscope cache: --format must be lackey or din (got "${format}")`);
  const ifetchFlag = stringFlag(args, 'ifetch');
  if (ifetchFlag !== undefined && ifetchFlag !== 'ignore' && ifetchFlag !== 'data') throw new UsageError(`nanoscope cache: --ifetch must be ignore or data (got "${ifetchFlag}")`);
  const dinSizeText = stringFlag(args, 'din-size');
  const dinSize = dinSizeText === undefined ? 4 : parseInteger(dinSizeText, '--din-size', 1, 1 << 20);

  const config = loadConfig(configSpec);
  const seed = ctx.seed ?? config.seed ?? 1;
  const hierarchy = new CacheHierarchy({ ...config, seed });
  const ifetch: IfetchMode = (ifetchFlag as IfetchMode | undefined) ?? config.ifetch ?? 'ignore';

  let records: number;
  let source: Record<string, unknown>;
  if (pattern !== undefined) {
    const info = patternInfo(pattern);
    if (info === undefined) throw new UsageError(`nanoscope cache: unknown pattern "${pattern}" (known: ${PATTERNS.map((p) => p.id).join(', ')})`);
    const params = parsePatternParams(pattern, [...listFlag(args, 'param'), ...positionals]);
    records = runPattern(info.id as PatternId, params, hierarchy, seed);
    source = { pattern: info.id, params };
  } else {
    let chosen: 'lackey' | 'din' = 'din';
    const parser = await streamTrace(
      trace!,
      (head) => {
        chosen = (format as 'lackey' | 'din' | undefined) ?? guessFormat(head, true) ?? 'din';
        return chosen === 'lackey' ? new LackeyParser(hierarchy, ifetch) : new DinParser(hierarchy, ifetch, dinSize);
      },
      (n) => ctx.err(`cache: ${(n / 1e6).toFixed(1)} M records…`),
    );
    records = parser.records;
    source = { trace: trace === '-' ? 'stdin' : trace, format: chosen, lines: parser.lines };
  }

  const counters = hierarchy.counters();
  const amat = hierarchy.amatNs();
  const dirty = hierarchy.dirtyLines();
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...counters, amat_ns: amat, dirty_at_end: dirty, records, source }));
    return;
  }
  const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(2)} %`);
  const out = [`${records} records (${JSON.stringify(source)})`];
  counters.levels.forEach((l, i) => {
    out.push(
      `${l.name.padEnd(4)} accesses ${l.accesses}  hits ${l.hits}  misses ${l.misses} (${pct(l.misses, l.accesses)})  reads ${l.reads} (misses ${l.read_misses})  writes ${l.writes} (misses ${l.write_misses})  write-backs ${l.writebacks}  dirty at end ${dirty[i]}`,
    );
  });
  out.push(`memory reads ${counters.memory.reads}  writes ${counters.memory.writes}`);
  out.push(`AMAT ${amat === null ? 'unknown (a latency is missing)' : `${amat.toFixed(3)} ns`}`);
  ctx.out(out.join('\n'));
}
