/**
 * Runs a program in the model: parse, check the subset, interpret under a runtime's event loop.
 * The result is the predicted console output, how the program ended and the step trace.
 */
import type { MachineModel } from '../hardware/types';
import { BrowserRuntime } from './browserRuntime';
import { DEFAULT_LIMITS, type LoopBase, type LoopLimits } from './loopBase';
import { NodeRuntime } from './nodeRuntime';
import { parseProgram, ProgramSyntaxError } from './parse';
import type { ConsoleLine, ExitInfo, LoopStep, RuntimeId } from './trace';
import { UnsupportedError, setSourceText } from './values';

/** Options of a model run. */
export interface EventLoopOptions {
  readonly runtime: RuntimeId;
  /** `__filename` (the real run uses its temporary copy's path). */
  readonly filename?: string;
  /** The machine whose SSD latency fs operations take. */
  readonly machine?: MachineModel | null;
  readonly limits?: Partial<LoopLimits>;
  /** Node: virtual time the first write to stdout/stderr costs, ns (default NODE_STREAM_INIT_NS). */
  readonly streamInitNs?: number;
}

/** A program the model refused: a syntax error or a construct outside the subset. */
export interface ProgramError {
  readonly kind: 'syntax' | 'unsupported';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The outcome of a model run. */
export interface EventLoopRun {
  readonly runtime: RuntimeId;
  readonly console: readonly ConsoleLine[];
  readonly steps: readonly LoopStep[];
  /** Null when the program was refused (then `error` says why). */
  readonly exit: ExitInfo | null;
  readonly error: ProgramError | null;
  /** Where the model made a choice reality leaves open (the setTimeout(0) vs setImmediate race). */
  readonly notes: readonly string[];
  /** True when the recorded steps stopped at the limit (the console is still complete). */
  readonly truncated: boolean;
  /** Virtual time at the end, ns. */
  readonly endNs: number;
  /** Latency the model gave one file-system request, ns. */
  readonly fsOpNs: number;
}

/** One thread-pool fs request when the machine gives no SSD figure, ns. */
export const DEFAULT_FS_OP_NS = 16_000;

/** Runs `source` in the model. */
export function runEventLoop(source: string, options: EventLoopOptions): EventLoopRun {
  const limits: LoopLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const fsOpNs = options.machine?.ssd.randomRead4K?.value ?? DEFAULT_FS_OP_NS;
  const filename = options.filename ?? '/program.js';
  let rt: LoopBase | null = null;
  try {
    setSourceText(source);
    const program = parseProgram(source);
    if (options.runtime === 'node') {
      const node = new NodeRuntime(limits, fsOpNs, options.streamInitNs);
      rt = node;
      node.run(program, source, filename);
    } else {
      const browser = new BrowserRuntime(limits);
      rt = browser;
      browser.run(program, source);
    }
    return result(options.runtime, rt, null, fsOpNs);
  } catch (e) {
    if (e instanceof ProgramSyntaxError) return result(options.runtime, rt, { kind: 'syntax', message: e.message, line: e.line, column: e.column }, fsOpNs);
    if (e instanceof UnsupportedError) return result(options.runtime, rt, { kind: 'unsupported', message: e.message, line: e.line, column: e.column }, fsOpNs);
    throw e;
  }
}

function result(runtime: RuntimeId, rt: LoopBase | null, error: ProgramError | null, fsOpNs: number): EventLoopRun {
  return {
    runtime,
    console: rt?.console ?? [],
    steps: rt?.steps ?? [],
    exit: error === null ? (rt?.exit ?? null) : null,
    error,
    notes: rt?.notes ?? [],
    truncated: rt?.truncated ?? false,
    endNs: rt?.nowNs ?? 0,
    fsOpNs,
  };
}

/** The stdout lines of a run, as a terminal shows them. */
export function stdoutOf(run: EventLoopRun): string {
  return run.console.filter((l) => l.stream === 'stdout').map((l) => `${l.text}\n`).join('');
}

/** What the run wrote to stderr (uncaught errors, console.error), a line each, as a terminal shows it. */
export function stderrOf(run: EventLoopRun): string {
  return run.console.filter((l) => l.stream === 'stderr').map((l) => `${l.text}\n`).join('');
}
