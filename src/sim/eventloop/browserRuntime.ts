/**
 * The browser's event loop (HTML §8.1.7, as Chromium runs it): one task (a timer, a message
 * from a MessageChannel), then every microtask, then — at each ~16.7 ms frame boundary — a
 * rendering opportunity that runs the requestAnimationFrame callbacks. An uncaught error or an
 * unhandled rejection is reported on the console (the latter by a task of its own) and the page
 * goes on. From the 7th level of nested timers (and an interval's 7th firing) a delay under 4 ms
 * becomes 4 ms.
 */
import type { Program } from 'acorn';
import { loadLibrary } from './nodeModules';
import { browserRejectionText, browserUncaughtText } from './browserInstrument';
import { LoopBase, item, lineOf, nameOf, type Job, type LoopLimits } from './loopBase';
import type { Queues } from './trace';
import { JSFunction, JSObject, ThrowSignal, type Scope, type Value } from './values';

/** An uncaught error that has been reported already. */
class Reported {}

/** One frame at 60 Hz, ns. */
export const FRAME_NS = 1e9 / 60;

interface Task extends Job {
  readyNs: number;
  /** Where in its instant it becomes ready (see {@link BrowserRuntime.slot}). */
  readySlot: number;
  seq: number;
  cleared: boolean;
  /** HTML's timer nesting level of this task (the level it was scheduled at, plus one). */
  nesting: number;
  /** An interval's requested delay, ms (null for everything else). */
  readonly repeatMs: number | null;
}

/**
 * HTML's timer initialization step 6: a timer scheduled while a timer task of nesting level
 * above 5 runs waits at least 4 ms. (So the 7th timeout of a 0 ms chain, and the 7th firing of
 * a 0 ms interval, are the first ones clamped — as Chromium does, measured against a
 * MessageChannel ping-pong.) Chromium has no 1 ms minimum any more: 0 means 0.
 */
function clampMs(ms: number, level: number): number {
  return level > 5 && ms < 4 ? 4 : ms;
}

/** Task order: due instant, then slot within it, then the order queued. */
function before(a: Task, b: Task): boolean {
  return a.readyNs !== b.readyNs ? a.readyNs < b.readyNs : a.readySlot !== b.readySlot ? a.readySlot < b.readySlot : a.seq < b.seq;
}

/** The browser runtime. */
export class BrowserRuntime extends LoopBase {
  private tasks: Task[] = [];
  private frames: (Job & { cleared: boolean })[] = [];
  private seq = 0;
  /**
   * Code takes no virtual time, yet in a real page each task takes a little real time, and a
   * timer is due its delay after the moment it was created. So within one virtual instant the
   * tasks run in slots 0, 1, 2…: a timer created in slot k is due in slot k of its due instant,
   * a task queued now (a message, a 0 ms timer, a rejection report) is ready at k + ½. Ties
   * between a timer and a message are then decided as Chromium decides them (a timer made by a
   * later task of the same instant is due after a message posted at its due instant by a timer
   * made earlier).
   */
  private slot = 0;
  /** The slot of the task running now. */
  private runningSlot = 0;
  private nesting = 0;

  constructor(limits: LoopLimits) {
    super(limits);
  }

  protected ownQueues(): Partial<Queues> {
    const live = this.tasks.filter((t) => !t.cleared).sort((a, b) => (before(a, b) ? -1 : 1));
    return {
      timers: live.filter((t) => t.readyNs > this.nowNs).map((t) => ({ id: t.id, label: t.label, line: t.line, dueNs: t.readyNs })),
      tasks: live.filter((t) => t.readyNs <= this.nowNs).map(item),
      frames: this.frames.filter((f) => !f.cleared).map(item),
    };
  }

  run(program: Program, source: string): void {
    const scope = this.it.global;
    this.it.realm.source = source;
    this.installGlobals(scope);
    this.installBrowser(scope);
    // AbortController and friends: the same library code as Node's (lazily, when the program names them).
    if (/\b(AbortController|AbortSignal|DOMException)\b/.test(source)) {
      const lib = loadLibrary(this.it, scope);
      for (const name of ['AbortController', 'AbortSignal', 'DOMException']) scope.declare(name, lib.props[name], true);
    }
    this.guarded(() => {
      this.inSlot(() => this.runMain(program, scope));
      this.loop();
      this.end({ reason: 'done', code: 0, message: null });
    });
  }

  /** Runs a task body, reports an uncaught error, then the microtask checkpoint. */
  private task(body: () => void): void {
    try {
      body();
    } catch (e) {
      if (e instanceof Reported) {
        this.checkpoint();
        return;
      }
      if (!(e instanceof ThrowSignal)) throw e;
      this.it.stack.length = 0;
      this.console.push({ text: this.uncaughtText(e.value), stream: 'stderr', line: this.it.line, t: this.nowNs });
      this.record('log', 'uncaught error reported', this.it.line);
    }
    this.checkpoint();
  }

  protected override uncaughtText(v: Value): string {
    return browserUncaughtText(v);
  }

  /** Runs a callback; an uncaught throw is reported instead of ending the page. */
  protected override runCallback(job: Job, label: string): void {
    try {
      super.runCallback(job, label);
    } catch (e) {
      if (!(e instanceof Reported)) throw e;
    }
  }

  /**
   * The microtask checkpoint, then HTML's "notify about rejected promises": the promises
   * rejected without a handler are reported by a task queued now, so a handler attached before
   * that task runs (in a timer or message already queued) means no report at all — as Chromium
   * does (found by experiment: a setTimeout(0) queued before the checkpoint runs first).
   */
  private checkpoint(): void {
    this.runMicrotasks();
    const rejected = this.pendingRejections.filter((p) => this.maybeUnhandled.has(p));
    this.pendingRejections = [];
    if (rejected.length === 0) return;
    this.post('report unhandled rejections', this.it.line || null, () => {
      for (const p of rejected) {
        if (!this.maybeUnhandled.has(p)) continue;
        this.maybeUnhandled.delete(p);
        this.console.push({ text: browserRejectionText(p.result), stream: 'stderr', line: this.it.line, t: this.nowNs });
        this.record('log', 'unhandled rejection reported', this.it.line || null);
      }
    });
    this.record('enqueue', 'a task queued to report unhandled rejections', this.it.line || null);
  }

  /** Overridden so an uncaught throw in a microtask is reported, not fatal. */
  override end(info: Parameters<LoopBase['end']>[0]): never {
    if (info.reason === 'uncaught') {
      this.console.push({ text: info.message ?? 'Uncaught error', stream: 'stderr', line: this.it.line, t: this.nowNs });
      throw new Reported();
    }
    return super.end(info);
  }

  private loop(): void {
    for (;;) {
      if (this.nowNs > this.limits.maxVirtualNs) this.end({ reason: 'budget', code: 3, message: `the page was still busy after ${this.limits.maxVirtualNs / 1e9} s of virtual time` });
      this.tasks = this.tasks.filter((t) => !t.cleared);
      const frames = this.frames.filter((f) => !f.cleared);
      if (this.tasks.length === 0 && frames.length === 0) return;
      const next = this.tasks.reduce<Task | null>((b, t) => (b === null || before(t, b) ? t : b), null);
      const frameAt = Math.floor(this.nowNs / FRAME_NS + 1e-9) * FRAME_NS + FRAME_NS;
      if (frames.length > 0 && (next === null || frameAt <= next.readyNs)) {
        if (frameAt > this.nowNs) this.slot = 0;
        this.nowNs = frameAt;
        this.phase = 'render';
        this.frames = [];
        this.record('phase', 'rendering opportunity: run requestAnimationFrame callbacks', null);
        for (const f of frames) this.inSlot(() => this.runCallback(f, `run rAF: ${f.label}`));
        continue;
      }
      if (next === null) return;
      this.tasks = this.tasks.filter((t) => t !== next);
      if (next.readyNs > this.nowNs) {
        this.nowNs = next.readyNs;
        this.slot = next.readySlot;
      } else this.slot = Math.max(this.slot, next.readySlot);
      this.phase = 'task';
      this.nesting = next.nesting;
      this.inSlot(() => this.runCallback(next, `run task: ${next.label}`));
      if (next.repeatMs !== null && !next.cleared) {
        // The same task object again, so clearInterval's handle still reaches it; each
        // repetition is one level deeper, clamped to 4 ms past level 5 like a nested timeout.
        const ms = clampMs(next.repeatMs, next.nesting);
        next.readyNs = this.nowNs + ms * 1e6;
        next.nesting++;
        // Chromium's repeating timer is drift-free: the k-th firing is due k intervals after the
        // interval was created, so it keeps its creation slot and order. A 0 ms interval is
        // re-posted instead, after the tasks already queued.
        if (ms === 0) {
          next.readySlot = this.postedSlot();
          next.seq = this.seq++;
        }
        this.pushTask(next);
      }
      this.nesting = 0;
    }
  }

  private pushTask(t: Task): void {
    this.tasks.push(t);
  }

  /** The slot at which a task queued now is ready (see {@link slot}). */
  private postedSlot(): number {
    return this.runningSlot + 0.5;
  }

  /** Queues a task that is ready now (a message, a rejection report). */
  private post(label: string, line: number | null, run: () => void): void {
    this.pushTask({ id: this.newId(), label, line, readyNs: this.nowNs, readySlot: this.postedSlot(), seq: this.seq++, cleared: false, nesting: 0, repeatMs: null, run });
  }

  /** Runs a task in the current slot; the next task of this instant takes the next slot. */
  private inSlot(body: () => void): void {
    this.runningSlot = this.slot;
    this.task(body);
    this.slot = this.runningSlot + 1;
  }

  private installBrowser(scope: Scope): void {
    const realm = this.it.realm;
    const handles = new Map<number, Task | (Job & { cleared: boolean })>();
    const timer = (a: readonly Value[], repeat: boolean, what: string): Value => {
      const cb = this.callable(a[0], 'callback');
      let requested = Number(a[1] ?? 0);
      if (!(requested >= 0)) requested = 0;
      const ms = clampMs(requested, this.nesting);
      const nesting = this.nesting + 1;
      const args = a.slice(2);
      const t: Task = { id: this.newId(), label: `${what}(${nameOf(cb)}, ${ms})`, line: lineOf(cb) ?? this.it.line, readyNs: this.nowNs + ms * 1e6, readySlot: ms === 0 ? this.postedSlot() : this.runningSlot, seq: this.seq++, cleared: false, nesting, repeatMs: repeat ? requested : null, run: () => void this.it.call(cb, undefined, args) };
      this.pushTask(t);
      handles.set(t.id, t);
      this.record('enqueue', `${what} scheduled: ${nameOf(cb)}, due at ${(t.readyNs / 1e6).toFixed(1)} ms`, this.it.line);
      return t.id;
    };
    const clear = (v: Value): Value => {
      const h = typeof v === 'number' ? handles.get(v) : undefined;
      if (h !== undefined) h.cleared = true;
      return undefined;
    };
    const fns: Record<string, (a: readonly Value[]) => Value> = {
      setTimeout: (a) => timer(a, false, 'setTimeout'),
      setInterval: (a) => timer(a, true, 'setInterval'),
      clearTimeout: (a) => clear(a[0]),
      clearInterval: (a) => clear(a[0]),
      cancelAnimationFrame: (a) => clear(a[0]),
      requestAnimationFrame: (a) => {
        const cb = this.callable(a[0], 'callback');
        const f = { id: this.newId(), label: `requestAnimationFrame(${nameOf(cb)})`, line: lineOf(cb) ?? this.it.line, cleared: false, run: () => void this.it.call(cb, undefined, [this.nowNs / 1e6]) };
        this.frames.push(f);
        handles.set(f.id, f);
        this.record('enqueue', `rAF queued: ${nameOf(cb)}`, this.it.line);
        return f.id;
      },
    };
    for (const [name, fn] of Object.entries(fns)) scope.declare(name, realm.native(name, (_t, a) => fn(a)), true);
    const MessageChannel = realm.native('MessageChannel', () => {
      throw realm.error('TypeError', "Failed to construct 'MessageChannel': Please use the 'new' operator");
    }, () => {
      const ports = [realm.object(), realm.object()];
      ports.forEach((port, i) => {
        port.className = 'MessagePort';
        port.props.onmessage = null;
        port.props.postMessage = realm.native('postMessage', (_t, a) => {
          const target = ports[1 - i] as JSObject;
          const data = a[0];
          this.post('message', this.it.line, () => {
            const h = target.props.onmessage;
            if (h instanceof JSFunction) this.it.call(h, target, [realm.object({ data })]);
          });
          this.record('enqueue', 'message posted (a task)', this.it.line);
          return undefined;
        });
        port.props.close = realm.native('close', () => undefined);
        port.props.start = realm.native('start', () => undefined);
      });
      return realm.object({ port1: ports[0], port2: ports[1] });
    });
    scope.declare('MessageChannel', MessageChannel, true);
    void JSObject;
  }
}
