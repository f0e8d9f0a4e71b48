/**
 * What both runtimes share: the interpreter, the microtask queue (V8's: promise jobs and
 * queueMicrotask callbacks, FIFO), the rejection tracker, the console and the step recorder.
 */
import type { Program } from 'acorn';
import { nanos } from '../core/units';
import { formatLog, inspect } from './inspect';
import { Interpreter, type InterpreterHost, type InterpreterLimits } from './interpreter';
import type { JSPromise, JobLabel } from './promise';
import type { ConsoleLine, ExitInfo, LoopStep, Phase, QueueItem, Queues, StepKind } from './trace';
import { BudgetError, Closure, JSFunction, JSObject, Scope, ThrowSignal, isErrorLike, getOwnOrProto, toStr, type Value } from './values';

/** Characters of console output the model keeps (1 MiB, as a real run's output cap). */
export const CONSOLE_BUDGET_CHARS = 1 << 20;

/** A queued callback or job. */
export interface Job extends QueueItem {
  readonly run: () => void;
}

/** Ends the run (uncaught error, unhandled rejection, process.exit, budget). */
export class ExitSignal {
  constructor(readonly info: ExitInfo) {}
}

/** Limits of one run. */
export interface LoopLimits extends InterpreterLimits {
  /** Steps recorded for the timeline; the run goes on (console only) past it. */
  readonly maxRecordedSteps: number;
  /** Virtual time after which the run stops (a program that never ends), ns. */
  readonly maxVirtualNs: number;
}

/** Default limits: enough for any teaching program, small enough to stop a runaway fast. */
export const DEFAULT_LIMITS: LoopLimits = { maxSteps: 2_000_000, maxDepth: 400, maxRecordedSteps: 4000, maxVirtualNs: 3_600e9 };

const EMPTY: readonly QueueItem[] = [];

/** The shared half of an event loop. */
export abstract class LoopBase implements InterpreterHost {
  readonly it: Interpreter;
  nowNs = 0;
  phase: Phase = 'main';
  microtasks: Job[] = [];
  readonly console: ConsoleLine[] = [];
  readonly steps: LoopStep[] = [];
  truncated = false;
  exit: ExitInfo | null = null;
  protected nextId = 1;
  protected readonly maybeUnhandled = new Set<JSPromise>();
  protected pendingRejections: JSPromise[] = [];
  protected hasRejectionToWarn = false;
  readonly notes: string[] = [];

  constructor(readonly limits: LoopLimits) {
    this.it = new Interpreter(this, limits);
  }

  /** The queues this runtime has (others empty). */
  protected abstract ownQueues(): Partial<Queues>;

  protected queues(): Queues {
    const q = this.ownQueues();
    return {
      ticks: q.ticks ?? EMPTY,
      microtasks: this.microtasks.map(item),
      timers: q.timers ?? EMPTY,
      check: q.check ?? EMPTY,
      io: q.io ?? EMPTY,
      tasks: q.tasks ?? EMPTY,
      frames: q.frames ?? EMPTY,
    };
  }

  /** Records a step (until the recording budget is spent); `entering` names the frame about to run. */
  record(kind: StepKind, label: string, line: number | null, entering: string | null = null): void {
    if (this.steps.length >= this.limits.maxRecordedSteps) {
      this.truncated = true;
      return;
    }
    this.steps.push({
      t: nanos(this.nowNs),
      kind,
      phase: this.phase,
      label,
      line,
      stack: entering !== null ? [entering] : this.it.stack.map((f) => `${f.name} (line ${f.line})`),
      parked: [...this.it.parked.values()],
      queues: this.queues(),
      consoleLines: this.console.length,
    });
  }

  /** A step inside a callback (a generator resuming or yielding, a constructor, a listener). */
  step(label: string): void {
    this.record('call', label, this.it.line);
  }

  newId(): number {
    return this.nextId++;
  }

  enqueueJob(run: () => void, label: JobLabel): void {
    const job: Job = { id: this.newId(), label: label.label, line: label.line, run };
    this.microtasks.push(job);
    this.record('enqueue', `microtask queued: ${label.label}`, this.it.line || null);
  }

  track(promise: JSPromise, operation: 'reject' | 'handle'): void {
    if (operation === 'reject') {
      this.maybeUnhandled.add(promise);
      this.pendingRejections.push(promise);
      this.hasRejectionToWarn = true;
    } else {
      this.maybeUnhandled.delete(promise);
    }
  }

  /** V8's microtask checkpoint: runs jobs until the queue is empty, new ones included. */
  runMicrotasks(): void {
    while (this.microtasks.length > 0) {
      const job = this.microtasks.shift() as Job;
      this.phase = 'microtasks';
      this.runCallback(job, `run microtask: ${job.label}`);
    }
  }

  /** The console text of an uncaught throw (Node's first line; the browser overrides it). */
  protected uncaughtText(v: Value): string {
    return uncaughtMessage(v);
  }

  /** Runs one callback; an uncaught throw ends the program. */
  protected runCallback(job: Job, label: string): void {
    this.it.stack.length = 0;
    this.record('run', label, job.line, job.line === null ? job.label : `${job.label} (line ${job.line})`);
    try {
      job.run();
    } catch (e) {
      this.it.stack.length = 0;
      if (e instanceof ThrowSignal) this.end({ reason: 'uncaught', code: 1, message: this.uncaughtText(e.value) });
      throw e;
    }
    this.it.stack.length = 0;
  }

  /** Ends the run now. */
  end(info: ExitInfo): never {
    this.exit = info;
    this.phase = 'done';
    this.record('exit', exitLabel(info), null);
    throw new ExitSignal(info);
  }

  /** Node's processPromiseRejections in its default mode (throw): the first one still unhandled ends the program. */
  protected processPromiseRejections(): boolean {
    let len = this.pendingRejections.length;
    while (len-- > 0) {
      const p = this.pendingRejections.shift() as JSPromise;
      if (!this.maybeUnhandled.has(p)) continue;
      this.maybeUnhandled.delete(p);
      this.end({ reason: 'unhandled-rejection', code: 1, message: rejectionMessage(p.result) });
    }
    return this.pendingRejections.length > 0;
  }

  /** Streams written to so far (the first write to each creates it, which costs time in Node). */
  private readonly opened = new Set<string>();
  /** Virtual time the first write to a stream costs, ns (see {@link NODE_STREAM_INIT_NS}). */
  protected streamInitNs = 0;

  private consoleChars = 0;

  /** Prints a console line. */
  print(stream: 'stdout' | 'stderr', args: readonly Value[]): void {
    if (!this.opened.has(stream)) {
      this.opened.add(stream);
      if (this.streamInitNs > 0) {
        this.nowNs += this.streamInitNs;
        this.record('phase', `first write to ${stream}: Node creates process.${stream} (${this.streamInitNs / 1e6} ms)`, this.it.line);
      }
    }
    const text = formatLog(args);
    // The console has a budget, as a real run's output has (1 MiB): a print loop stops here
    // instead of growing a view no page can show.
    this.consoleChars += text.length + 1;
    if (this.consoleChars > CONSOLE_BUDGET_CHARS) throw new BudgetError(`the program printed more than ${CONSOLE_BUDGET_CHARS / 1024} KiB (the console budget)`);
    this.console.push({ text, stream, line: this.it.line, t: this.nowNs });
    this.record('log', `console: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`, this.it.line);
  }

  /** Installs `console` and the realm's globals into the global scope. */
  protected installGlobals(scope: Scope): void {
    const realm = this.it.realm;
    const consoleObj = realm.object();
    consoleObj.className = 'console';
    const out = (args: readonly Value[]): Value => (this.print('stdout', args), undefined);
    const err = (args: readonly Value[]): Value => (this.print('stderr', args), undefined);
    for (const name of ['log', 'info', 'debug']) consoleObj.props[name] = realm.native(name, (_t, a) => out(a));
    for (const name of ['error', 'warn', 'trace']) consoleObj.props[name] = realm.native(name, (_t, a) => err(a));
    scope.declare('console', consoleObj, true);
    for (const [k, v] of realm.globals) scope.declare(k, v, true);
    scope.declare('queueMicrotask', realm.native('queueMicrotask', (_t, a) => {
      const cb = this.callable(a[0], 'callback');
      this.enqueueJob(() => void this.it.call(cb, undefined, []), { label: `queueMicrotask: ${nameOf(cb)}`, line: lineOf(cb) });
      return undefined;
    }), true);
  }

  /** Checks a callback argument as Node does (ERR_INVALID_ARG_TYPE). */
  callable(v: Value, what: string): JSFunction {
    if (v instanceof JSFunction) return v;
    throw new ThrowSignal(this.it.realm.makeError('TypeError', `The "${what}" argument must be of type function. Received ${v === undefined ? 'undefined' : v === null ? 'null' : inspect(v, 0)}`));
  }

  /** Runs the program's top level, mapping the interpreter's failures to an exit. */
  protected runMain(program: Program, scope: Scope): void {
    this.phase = 'main';
    this.record('start', 'run the script (main)', 1);
    try {
      this.it.runProgram(program, scope);
    } catch (e) {
      this.it.stack.length = 0;
      if (e instanceof ThrowSignal) this.end({ reason: 'uncaught', code: 1, message: this.uncaughtText(e.value) });
      throw e;
    }
  }

  /** Runs `body`, turning a budget overrun into an exit. */
  protected guarded(body: () => void): void {
    try {
      body();
    } catch (e) {
      if (e instanceof ExitSignal) return;
      // A value past JavaScript's own limits (a string doubled past V8's maximum length, an array
      // too long) is a budget the program exceeded, not a failure of the model.
      const limit = !(e instanceof BudgetError) && e instanceof RangeError && /^Invalid (string|array|typed array) length/.test(e.message);
      if (e instanceof BudgetError || limit) {
        const message = limit ? `the program built a value past JavaScript's limits (RangeError: ${(e as RangeError).message})` : (e as BudgetError).message;
        this.it.stack.length = 0;
        this.exit = { reason: 'budget', code: 3, message };
        this.phase = 'done';
        this.record('exit', `stopped: ${message}`, null);
        return;
      }
      throw e;
    }
  }
}

/** A queue item for a job. */
export function item(j: QueueItem): QueueItem {
  return j.dueNs === undefined ? { id: j.id, label: j.label, line: j.line } : { id: j.id, label: j.label, line: j.line, dueNs: j.dueNs };
}

/** A callback's name for labels. */
export function nameOf(fn: JSFunction): string {
  return fn.name === '' ? '(anonymous)' : fn.name;
}

/** The line a closure is defined on. */
export function lineOf(fn: JSFunction): number | null {
  if (!(fn instanceof Closure)) return null;
  const loc = (fn.node as { loc?: { source?: string; start: { line: number } } }).loc;
  return loc === undefined || loc.source !== undefined ? null : loc.start.line;
}

function errorText(v: Value): string {
  if (v instanceof JSObject && isErrorLike(v)) {
    const name = toStr(getOwnOrProto(v, 'name') ?? 'Error');
    const message = toStr(getOwnOrProto(v, 'message') ?? '');
    return message === '' ? name : `${name}: ${message}`;
  }
  return inspect(v, 2);
}

/** What Node prints for an uncaught exception (its first line). */
export function uncaughtMessage(v: Value): string {
  return `Uncaught ${errorText(v)}`;
}

/** What Node 20 prints for an unhandled rejection. */
export function rejectionMessage(v: Value): string {
  if (v instanceof JSObject && isErrorLike(v)) return errorText(v);
  const reason = v instanceof JSObject ? inspect(v, 2) : toStr(v);
  return `UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".`;
}

function exitLabel(info: ExitInfo): string {
  switch (info.reason) {
    case 'done':
      return 'nothing left to do: the process exits';
    case 'exit':
      return `process.exit(${info.code})`;
    default:
      return `the process ends: ${info.message ?? info.reason}`;
  }
}
