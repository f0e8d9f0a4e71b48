/**
 * `nanoscope mapreduce --input FILE|- --mappers M --reducers R [--combiner] [--json]`: the word-count
 * job's data flow over a real text (src/sim/distributed/wordcount.ts has every rule), plus what the
 * cluster timing model says the job would take (src/sim/distributed/cluster.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_INPUT_BYTES, MAX_MAPPERS, MAX_REDUCERS, wordCount, type WordCountResult } from '../../sim/distributed/wordcount';
import { getPreset } from '../../sim/hardware/presets';
import { modelForCounts, type JobTiming } from '../../sim/distributed/scaling';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';

/** `nanoscope mapreduce --help`: the rules and the JSON shape. */
export function mapreduceHelp(): string {
  return [
    'Lines: "\\n" or "\\r\\n" end a line; a final line end makes no extra empty line. Mapper i (from 0) gets lines',
    '  floor(i*L/M) .. floor((i+1)*L/M)-1. Tokens: bytes A-Z lowercased, a token is a maximal run of [a-z0-9],',
    '  every other byte separates. Map emits (token,1); --combiner sums per token within a mapper; a record goes to',
    '  reducer fnv1a32(token) mod R and is len(token)+1+len(decimal count)+1 bytes.',
    `Bounds: M 1..${MAX_MAPPERS}, R 1..${MAX_REDUCERS}, input at most ${MAX_INPUT_BYTES} bytes (256 MiB). - reads stdin.`,
    'JSON: {"mappers","reducers","combiner","input_lines","total_words","distinct_words","map_output_records",',
    '  "shuffle_records","shuffle_bytes","per_mapper":[{"input_lines","tokens","output_records","shuffle_bytes"}],',
    '  "per_reducer":[{"input_records","output_records","shuffle_bytes"}],"matrix_records":[[M rows x R]],',
    '  "matrix_bytes":[[M x R]],"top":[{"word","count"}] (20 highest, ties by word),"input_bytes",',
    '  "model":{cluster timing model of the same job: phases, makespan_s, cost_usd, …}}',
    '',
  ].join('\n');
}

/** Reads a file or stdin (fd 0) whole, refusing more than the bound before holding it all. */
function readInput(spec: string): Uint8Array {
  let fd: number;
  const name = spec === '-' ? 'stdin' : spec;
  try {
    fd = spec === '-' ? 0 : openSync(spec, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--input: cannot read "${spec}" (${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)})`);
  }
  try {
    if (spec !== '-') {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new InputError(`--input: "${spec}" is a directory`);
      if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw new InputError(`--input: "${spec}" is ${stat.size} bytes; the bound is ${MAX_INPUT_BYTES} bytes (256 MiB)`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') break;
        throw new InputError(`--input: cannot read ${name} (${code ?? (e as Error).message})`);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw new InputError(`--input: ${name} is more than ${MAX_INPUT_BYTES} bytes (256 MiB), the bound`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    const all = Buffer.concat(chunks, total);
    return new Uint8Array(all.buffer, all.byteOffset, all.length);
  } finally {
    if (spec !== '-') closeSync(fd);
  }
}

function requiredInt(args: ParsedArgs, flag: string, max: number): number {
  const text = stringFlag(args, flag);
  if (text === undefined) throw new UsageError(`nanoscope mapreduce: --${flag} N (1..${max}) is required`);
  return parseInteger(text, `--${flag}`, 1, max);
}

const seconds = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : s >= 1e-3 ? `${(s * 1e3).toFixed(2)} ms` : `${(s * 1e6).toFixed(1)} µs`);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

/** The readable table. */
export function formatTable(r: WordCountResult, timing: JobTiming): string {
  const lines = [
    `word count: ${r.mappers} mappers, ${r.reducers} reducers, combiner ${r.combiner ? 'on' : 'off'}`,
    `input: ${r.input_bytes} bytes, ${r.input_lines} lines, ${r.total_words} words, ${r.distinct_words} distinct`,
    `shuffle: ${r.shuffle_records} records, ${r.shuffle_bytes} bytes (map output ${r.map_output_records} records)`,
    '',
    'mapper   lines     tokens    records      bytes',
    ...r.per_mapper.map((m, i) => `${pad(i, 6)} ${pad(m.input_lines, 7)} ${pad(m.tokens, 10)} ${pad(m.output_records, 10)} ${pad(m.shuffle_bytes, 10)}`),
    '',
    'reducer  records      bytes    words',
    ...r.per_reducer.map((x, j) => `${pad(j, 7)} ${pad(x.input_records, 8)} ${pad(x.shuffle_bytes, 10)} ${pad(x.output_records, 8)}`),
    '',
    r.top.length ? 'top words:' : 'top words: (none)',
    ...r.top.map((t) => `${pad(t.count, 10)}  ${t.word}`),
    '',
    `model: ${timing.cluster}: ${seconds(timing.makespan_s)}, $${timing.cost_usd.toPrecision(3)}; ` + timing.phases.map((p) => `${p.name} ${seconds(p.seconds)}`).join(', '),
  ];
  return `${lines.join('\n')}\n`;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  if (positionals.length) throw new UsageError(`nanoscope mapreduce: unexpected argument "${positionals[0]}"`);
  const input = stringFlag(args, 'input');
  if (input === undefined) throw new UsageError('nanoscope mapreduce: --input FILE|- is required');
  const mappers = requiredInt(args, 'mappers', MAX_MAPPERS);
  const reducers = requiredInt(args, 'reducers', MAX_REDUCERS);
  const combiner = flags.has('combiner');
  const bytesIn = readInput(input);
  const result = wordCount(bytesIn, { mappers, reducers, combiner });
  const timing = modelForCounts(result, result.mapper_input_bytes, getPreset('2012')!, ctx.seed ?? 1);
  if (ctx.json) ctx.out(JSON.stringify({ ...result, model: timing }));
  else ctx.out(formatTable(result, timing));
  await Promise.resolve();
}
