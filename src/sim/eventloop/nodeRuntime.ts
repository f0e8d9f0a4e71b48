/**
 * Node 20's event loop, as lib/internal/timers.js, lib/internal/process/task_queues.js and
 * libuv's uv_run write it: after every callback the nextTick queue is drained, then V8's
 * microtasks, repeatedly, then unhandled rejections are processed; the loop goes
 * timers → pending → poll (waits for I/O or the next timer) → check (setImmediate) → close.
 * Timer lists are keyed by duration and ordered by (expiry, list id), with Node's
 * `diff < msecs` rule; loop time is libuv's whole milliseconds.
 */
import type { Program } from 'acorn';
import { LoopBase, item, lineOf, nameOf, type Job, type LoopLimits } from './loopBase';
import { installNodeModules } from './nodeModules';
import type { Queues } from './trace';
import { JSFunction, JSObject, type Scope, type Value } from './values';

/**
 * The one cost of code the model charges: Node creates process.stdout (and stderr) on the first
 * console call, which takes milliseconds (5–16 ms measured on the recording machine, under
 * load; the model charges 2 ms). Timers created after it start that much later, which real outputs show.
 */
export const NODE_STREAM_INIT_NS = 2e6;

interface Timer extends Job {
  idleStart: number;
  msecs: number;
  readonly repeat: number | null;
  cleared: boolean;
  refed: boolean;
}

interface TimerList {
  readonly msecs: number;
  expiry: number;
  id: number;
  readonly timers: Timer[];
}

interface Immediate extends Job {
  cleared: boolean;
}

/** An I/O request in flight in libuv's thread pool. */
export interface IoRequest extends Job {
  readonly dueNs: number;
}

/** The Node runtime. */
export class NodeRuntime extends LoopBase {
  ticks: Job[] = [];
  private readonly lists = new Map<number, TimerList>();
  private timerListId = 1;
  private immediates: Immediate[] = [];
  private io: IoRequest[] = [];
  /** Latency of one thread-pool file operation (open, fstat, read, close), ns. */
  readonly fsOpNs: number;

  constructor(limits: LoopLimits, fsOpNs: number, streamInitNs = NODE_STREAM_INIT_NS) {
    super(limits);
    this.fsOpNs = fsOpNs;
    this.streamInitNs = streamInitNs;
  }

  protected ownQueues(): Partial<Queues> {
    const timers: Timer[] = [];
    for (const l of this.lists.values()) timers.push(...l.timers.filter((t) => !t.cleared));
    timers.sort((a, b) => a.idleStart + a.msecs - (b.idleStart + b.msecs) || a.id - b.id);
    return {
      ticks: this.ticks.map(item),
      timers: timers.map((t) => ({ id: t.id, label: t.label, line: t.line, dueNs: (t.idleStart + t.msecs) * 1e6 })),
      check: this.immediates.filter((i) => !i.cleared).map(item),
      io: [...this.io].sort((a, b) => a.dueNs - b.dueNs).map(item),
    };
  }

  /** libuv's loop time, whole ms. */
  private loopMs(): number {
    return Math.floor(this.nowNs / 1e6);
  }

  /** Runs a whole program. */
  run(program: Program, source: string, filename: string): void {
    const scope = this.it.global;
    this.it.realm.source = source;
    this.installGlobals(scope);
    this.installNode(scope, source, filename);
    this.guarded(() => {
      this.runMain(program, scope);
      this.afterCallback();
      this.loop();
      this.end({ reason: 'done', code: 0, message: null });
    });
  }

  /** InternalCallbackScope::Close: microtasks, then (if needed) processTicksAndRejections. */
  private afterCallback(): void {
    if (this.ticks.length === 0 && !this.hasRejectionToWarn) this.runMicrotasks();
    if (this.ticks.length === 0 && !this.hasRejectionToWarn) return;
    this.processTicksAndRejections();
  }

  private processTicksAndRejections(): void {
    do {
      while (this.ticks.length > 0) {
        const tick = this.ticks.shift() as Job;
        this.phase = 'ticks';
        this.runCallback(tick, `run nextTick: ${tick.label}`);
      }
      this.runMicrotasks();
    } while (this.ticks.length > 0 || this.processPromiseRejections());
    this.hasRejectionToWarn = false;
  }

  private alive(): boolean {
    for (const l of this.lists.values()) if (l.timers.some((t) => t.refed && !t.cleared)) return true;
    return this.immediates.length > 0 || this.io.length > 0;
  }

  private loop(): void {
    const first = this.nextTimerMs();
    if (this.immediates.length > 0 && first !== null && first <= this.loopMs() + 1) {
      const timerFirst = first <= this.loopMs();
      this.notes.push(
        `race: the main script queued a timer due within 1 ms of the loop's start and a setImmediate. Real Node runs the timer first only if it is due when the loop first checks its timers, which varies run to run; the model runs the ${timerFirst ? 'timer' : 'immediate'} first (code takes no virtual time but the first console call, ${NODE_STREAM_INIT_NS / 1e6} ms).`,
      );
    }
    this.runTimers();
    while (this.alive()) {
      if (this.nowNs > this.limits.maxVirtualNs) {
        this.end({ reason: 'budget', code: 3, message: `the program was still running after ${this.limits.maxVirtualNs / 1e9} s of virtual time` });
      }
      this.poll();
      this.runImmediates();
      this.runTimers();
    }
  }

  private earliestList(): TimerList | null {
    let best: TimerList | null = null;
    for (const l of this.lists.values()) if (best === null || l.expiry < best.expiry || (l.expiry === best.expiry && l.id < best.id)) best = l;
    return best;
  }

  /** processTimers(now) and listOnTimeout(list, now). */
  private runTimers(): void {
    const now = this.loopMs();
    let ranList = false;
    for (let list = this.earliestList(); list !== null && list.expiry <= now; list = this.earliestList()) {
      this.phase = 'timers';
      if (ranList) this.afterCallback();
      ranList = true;
      let ranTimer = false;
      let emptied = true;
      while (list.timers.length > 0) {
        const timer = list.timers[0] as Timer;
        if (now - timer.idleStart < list.msecs) {
          list.expiry = Math.max(timer.idleStart + list.msecs, now + 1);
          list.id = this.timerListId++;
          emptied = false;
          break;
        }
        if (ranTimer) this.afterCallback();
        ranTimer = true;
        list.timers.shift();
        if (timer.cleared) continue;
        this.phase = 'timers';
        const start = this.loopMs();
        this.runCallback(timer, `run timer: ${timer.label}`);
        if (timer.repeat !== null && !timer.cleared) this.insert(timer, timer.repeat, start);
        else timer.cleared = true;
      }
      if (emptied && this.lists.get(list.msecs) === list) this.lists.delete(list.msecs);
      this.afterCallback();
    }
  }

  private insert(timer: Timer, msecs: number, start: number): void {
    timer.idleStart = start;
    timer.msecs = msecs;
    let list = this.lists.get(msecs);
    if (list === undefined) {
      list = { msecs, expiry: start + msecs, id: this.timerListId++, timers: [] };
      this.lists.set(msecs, list);
    }
    list.timers.push(timer);
  }

  private nextTimerMs(): number | null {
    let best: number | null = null;
    for (const l of this.lists.values()) {
      if (!l.timers.some((t) => t.refed && !t.cleared)) continue;
      if (best === null || l.expiry < best) best = l.expiry;
    }
    return best;
  }

  /** The poll phase: wait for I/O or the next timer (not at all if immediates wait), run I/O callbacks. */
  private poll(): void {
    this.phase = 'poll';
    const timerMs = this.nextTimerMs();
    const ioNs = this.io.length > 0 ? Math.min(...this.io.map((r) => r.dueNs)) : null;
    if (this.immediates.length === 0) {
      const timerNs = timerMs === null ? null : timerMs * 1e6;
      const wake = timerNs === null ? ioNs : ioNs === null ? timerNs : Math.min(timerNs, ioNs);
      if (wake !== null && wake > this.nowNs) {
        this.nowNs = wake;
        this.record('phase', ioNs !== null && wake === ioNs ? 'poll: waited for I/O' : 'poll: waited for the next timer', null);
      }
    }
    const done = this.io.filter((r) => r.dueNs <= this.nowNs).sort((a, b) => a.dueNs - b.dueNs || a.id - b.id);
    this.io = this.io.filter((r) => r.dueNs > this.nowNs);
    for (const r of done) {
      this.phase = 'poll';
      this.runCallback(r, `I/O done: ${r.label}`);
      this.afterCallback();
    }
  }

  /** processImmediate: the queue as it was when the check phase began. */
  private runImmediates(): void {
    const queue = this.immediates;
    if (queue.length === 0) return;
    this.immediates = [];
    let ran = false;
    for (const imm of queue) {
      if (ran) this.afterCallback();
      if (imm.cleared) continue;
      ran = true;
      imm.cleared = true;
      this.phase = 'check';
      this.runCallback(imm, `run immediate: ${imm.label}`);
    }
    this.afterCallback();
  }

  /** Starts a thread-pool request that completes after `ns`; `done` runs in the poll phase. */
  startIo(label: string, line: number | null, ns: number, done: () => void): void {
    const r: IoRequest = { id: this.newId(), label, line, dueNs: this.nowNs + ns, run: done };
    this.io.push(r);
    this.record('enqueue', `I/O started: ${label}`, this.it.line || null);
  }

  private installNode(scope: Scope, source: string, filename: string): void {
    const realm = this.it.realm;
    const timerObject = (t: Timer): JSObject => {
      const o = realm.object();
      o.className = 'Timeout';
      handles.set(o, t);
      o.props.unref = realm.native('unref', () => ((t.refed = false), o));
      o.props.ref = realm.native('ref', () => ((t.refed = true), o));
      o.props.hasRef = realm.native('hasRef', () => t.refed);
      return o;
    };
    const handles = new WeakMap<JSObject, Timer | Immediate>();
    const makeTimer = (a: readonly Value[], repeat: boolean, what: string): Value => {
      const cb = this.callable(a[0], 'callback');
      let ms = Number(a[1] ?? 0) * 1;
      if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
      const args = a.slice(2);
      const t: Timer = {
        id: this.newId(), label: `${what}(${nameOf(cb)}, ${ms})`, line: lineOf(cb) ?? this.it.line, idleStart: 0, msecs: ms,
        repeat: repeat ? ms : null, cleared: false, refed: true,
        run: () => void this.it.call(cb, undefined, args),
      };
      this.insert(t, ms, this.loopMs());
      this.record('enqueue', `${what} scheduled: ${nameOf(cb)}, due at ${this.loopMs() + ms} ms`, this.it.line);
      return timerObject(t);
    };
    const clear = (v: Value): Value => {
      if (!(v instanceof JSObject)) return undefined;
      const t = handles.get(v);
      if (t === undefined) return undefined;
      t.cleared = true;
      if ('msecs' in t) {
        const list = this.lists.get(t.msecs);
        if (list !== undefined) {
          const i = list.timers.indexOf(t);
          if (i >= 0) list.timers.splice(i, 1);
          if (list.timers.length === 0) this.lists.delete(t.msecs);
        }
      } else {
        this.immediates = this.immediates.filter((x) => x !== t);
      }
      this.record('enqueue', 'cleared', this.it.line);
      return undefined;
    };
    const fns: Record<string, (a: readonly Value[]) => Value> = {
      setTimeout: (a) => makeTimer(a, false, 'setTimeout'),
      setInterval: (a) => makeTimer(a, true, 'setInterval'),
      clearTimeout: (a) => clear(a[0]),
      clearInterval: (a) => clear(a[0]),
      clearImmediate: (a) => clear(a[0]),
      setImmediate: (a) => {
        const cb = this.callable(a[0], 'callback');
        const args = a.slice(1);
        const imm: Immediate = { id: this.newId(), label: `setImmediate(${nameOf(cb)})`, line: lineOf(cb) ?? this.it.line, cleared: false, run: () => void this.it.call(cb, undefined, args) };
        this.immediates.push(imm);
        this.record('enqueue', `setImmediate queued: ${nameOf(cb)}`, this.it.line);
        const o = realm.object();
        o.className = 'Immediate';
        handles.set(o, imm);
        return o;
      },
    };
    for (const [name, fn] of Object.entries(fns)) scope.declare(name, realm.native(name, (_t, a) => fn(a)), true);
    const processObj = realm.object();
    processObj.className = 'process';
    processObj.props.nextTick = realm.native('nextTick', (_t, a) => {
      const cb = this.callable(a[0], 'callback');
      const args = a.slice(1);
      this.ticks.push({ id: this.newId(), label: `nextTick(${nameOf(cb)})`, line: lineOf(cb) ?? this.it.line, run: () => void this.it.call(cb, undefined, args) });
      this.record('enqueue', `nextTick queued: ${nameOf(cb)}`, this.it.line);
      return undefined;
    });
    processObj.props.exit = realm.native('exit', (_t, a) => this.end({ reason: 'exit', code: a[0] === undefined ? 0 : Number(a[0]), message: null }));
    processObj.props.platform = 'linux';
    processObj.internal = { module: 'process' };
    scope.declare('process', processObj, true);
    installNodeModules(this, scope, source, filename);
    void JSFunction;
  }
}
