/**
 * `nanoscope eventloop FILE.js [--runtime node|browser] [--real] [--json]`: the model's
 * predicted console output of a program, one line per console call, as the runtime prints it
 * (stdout lines on stdout, console.error/warn on stderr). With `--real`, the program runs for
 * real instead, isolated (services/eventLoopReal.ts). With `--json`, the full step trace.
 * Unsupported syntax exits 1 naming the construct, line and column; where the real order is a
 * race the model's choice is printed and stderr says so; a runaway program exits 3.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runEventLoop, stdoutOf, type EventLoopRun } from '../../sim/eventloop/run';
import type { QueueItem, Queues } from '../../sim/eventloop/trace';
import { getPreset } from '../../sim/hardware/presets';
import { describeSandbox, plannedSandbox, runRealProgram } from '../../main/services/eventLoopReal';
import type { EventLoopRealOutcome as RealOutcome } from '../../shared/api';
import { asText, ChromiumRunner } from '../chromiumReal';
import { stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { BudgetError, InputError, UsageError } from '../errors';

type Flags = ParsedArgs['flags'];

function queueJson(items: readonly QueueItem[]): Record<string, unknown>[] {
  return items.map((q) => (q.dueNs === undefined ? { id: q.id, label: q.label, line: q.line } : { id: q.id, label: q.label, line: q.line, due_ns: q.dueNs }));
}

/** The `--json` document of a model run (shape documented in the README). */
export function traceJson(file: string, run: EventLoopRun): Record<string, unknown> {
  const queues = (q: Queues) => ({
    ticks: queueJson(q.ticks),
    microtasks: queueJson(q.microtasks),
    timers: queueJson(q.timers),
    check: queueJson(q.check),
    io: queueJson(q.io),
    tasks: queueJson(q.tasks),
    frames: queueJson(q.frames),
  });
  return {
    runtime: run.runtime,
    file,
    stdout: run.console.filter((l) => l.stream === 'stdout').map((l) => l.text),
    console: run.console.map((l) => ({ stream: l.stream, text: l.text, line: l.line, t_ns: l.t })),
    exit: run.exit,
    notes: run.notes,
    truncated: run.truncated,
    end_ns: run.endNs,
    fs_op_ns: run.fsOpNs,
    steps: run.steps.map((s, i) => ({ step: i + 1, t_ns: s.t, kind: s.kind, phase: s.phase, label: s.label, line: s.line, stack: s.stack, queues: queues(s.queues), console_lines: s.consoleLines })),
  };
}

/** Line-by-line differences between two outputs (1-based line numbers). */
export function outputDifferences(model: readonly string[], real: readonly string[]): { line: number; model: string | null; real: string | null }[] {
  const out: { line: number; model: string | null; real: string | null }[] = [];
  for (let i = 0; i < Math.max(model.length, real.length); i++) {
    const a = model[i] ?? null;
    const b = real[i] ?? null;
    if (a !== b) out.push({ line: i + 1, model: a, real: b });
  }
  return out;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

export async function run(ctx: CliContext, positionals: string[], flags: Flags): Promise<void> {
  const parsed = { positionals, flags } as ParsedArgs;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'eventloop needs a FILE.js' : `eventloop takes one file (got ${positionals.join(' ')})`);
  const file = positionals[0] as string;
  const runtime = stringFlag(parsed, 'runtime') ?? 'node';
  if (runtime !== 'node' && runtime !== 'browser') throw new UsageError(`--runtime must be node or browser (got "${runtime}")`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const path = resolve(file);
  const model = runEventLoop(source, { runtime, filename: path, machine: getPreset('2020') ?? null });
  if (flags.has('real')) {
    if (model.error !== null) ctx.err(`nanoscope: the model cannot run it (${file}:${model.error.line}:${model.error.column}: ${model.error.message}); running it for real anyway`);
    return runReal(ctx, file, source, runtime, model);
  }
  if (model.error !== null) throw new InputError(`${file}:${model.error.line}:${model.error.column}: ${model.error.message}`);
  for (const note of model.notes) ctx.err(`nanoscope: note: ${note}`);
  if (ctx.json) {
    ctx.out(JSON.stringify(traceJson(file, model)));
  } else {
    const text = stdoutOf(model);
    if (text !== '') process.stdout.write(text);
    for (const l of model.console) if (l.stream === 'stderr') ctx.err(l.text);
  }
  const exit = model.exit;
  if (exit?.reason === 'budget') throw new BudgetError(`${file}: ${exit.message ?? 'budget exceeded'}`);
  if (exit && exit.reason !== 'done' && exit.message !== null) ctx.err(`nanoscope: the program ends (exit code ${exit.code}): ${exit.message}`);
}

async function runInNode(ctx: CliContext, source: string): Promise<RealOutcome> {
  ctx.err(`nanoscope: running the program sandboxed in a separate Node process (${describeSandbox(plannedSandbox())}; 5 s, 128 MiB heap, 320 MiB resident, 1 MiB output)`);
  return runRealProgram(source);
}

/** The browser runtime for real: a page of headless Chromium (see chromiumReal.ts), shaped like a Node run's outcome. */
async function runInChromium(ctx: CliContext, source: string): Promise<RealOutcome> {
  let runner: ChromiumRunner;
  try {
    runner = await ChromiumRunner.launch();
  } catch (e) {
    throw new InputError(`--real --runtime browser: cannot start headless Chromium here: ${(e as Error).message}`);
  }
  ctx.err('nanoscope: running the program in a page of headless Chromium (no network, no files; 5 s)');
  try {
    const run = await runner.run(source, { timeoutMs: 5000 });
    return {
      stdout: asText(run.stdout),
      stderr: asText(run.stderr),
      exitCode: null,
      signal: null,
      stopped: run.stopped,
      message: run.stopped === null ? null : run.stopped === 'output' ? 'stopped: the program printed more than 1024 KiB' : 'stopped after 5 s (the time budget): an infinite loop, or a program that keeps scheduling work?',
      wallMs: run.wallMs,
      events: run.console.map((l, i) => ({ kind: 'log' as const, stream: l.stream, line: i + 1, tMs: l.t })),
      tempDir: '',
    };
  } finally {
    await runner.close();
  }
}

async function runReal(ctx: CliContext, file: string, source: string, runtime: 'node' | 'browser', model: EventLoopRun): Promise<void> {
  const real = runtime === 'browser' ? await runInChromium(ctx, source) : await runInNode(ctx, source);
  const differences = outputDifferences(lines(stdoutOf(model)), lines(real.stdout));
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        runtime,
        file,
        real: { stdout: lines(real.stdout), stderr: real.stderr, sandbox: real.sandbox ?? null, exit_code: real.exitCode, signal: real.signal, stopped: real.stopped, message: real.message, wall_ms: real.wallMs, events: real.events },
        model: { stdout: lines(stdoutOf(model)), exit: model.exit, notes: model.notes },
        differences,
      }),
    );
  } else {
    if (real.stdout !== '') process.stdout.write(real.stdout);
    if (real.stderr !== '') process.stderr.write(real.stderr);
    if (model.error !== null) ctx.err('nanoscope: no comparison: the model could not run this program');
    else if (real.stopped === null) ctx.err(differences.length === 0 ? 'nanoscope: the model predicted this output exactly' : `nanoscope: the model differs on ${differences.length} line(s): ${differences.slice(0, 5).map((d) => `line ${d.line}: model ${JSON.stringify(d.model)}, real ${JSON.stringify(d.real)}`).join('; ')}`);
  }
  if (real.stopped !== null) throw new BudgetError(`${file}: ${real.message ?? 'stopped'}`);
}
