/**
 * The instrument of the browser runtime's real runs, one text for both places a program runs
 * for real: the app's sandboxed Worker (sink `worker`: messages to the page) and a headless
 * Chromium page driven by the CLI and the fixture recorder (sink `page`: an array the driver
 * reads back). Before the program, it shadows network and storage APIs, replaces the console
 * with one that records each call's arguments (encoded, so they can be formatted exactly as the
 * model formats them), records uncaught errors and unhandled rejections with their values,
 * optionally multiplies every timer delay (the recorder's "timers scaled up" run), and tells
 * when the program is done: no timer or animation frame pending and nothing happened for a
 * quiet period.
 */
import { formatLog, inspect } from './inspect';
import { Interpreter } from './interpreter';
import { ERROR_TYPES, type ErrorType } from './realm';
import { Accessor, getOwnOrProto, isErrorLike, JSObject, NativeFunction, toStr, type Value } from './values';

/** An argument of a console call, as the instrument sends it. */
export type Encoded =
  | { t: 'u' }
  | { t: 'p'; v: string | number | boolean | null }
  /** A number JSON cannot carry: -0, NaN, ±Infinity (the page sink sends JSON). */
  | { t: 'n'; v: '-0' | 'NaN' | 'Infinity' | '-Infinity' }
  | { t: 'a'; v: Encoded[] }
  | { t: 'o'; v: [string, Encoded][] }
  | { t: 'f'; name: string }
  | { t: 'e'; name: string; message: string }
  | { t: 's'; v: string }
  /** An array hole. */
  | { t: 'h' }
  /** A symbol (its description). */
  | { t: 'y'; v: string | null }
  /** A Map's entries, a Set's values. */
  | { t: 'm'; v: [Encoded, Encoded][] }
  | { t: 'S'; v: Encoded[] }
  /** An accessor property (util.inspect shows [Getter], [Setter], [Getter/Setter]). */
  | { t: 'g'; get: boolean; set: boolean }
  /** An object whose constructor is not Object (a class instance), or with no prototype (c: null). */
  | { t: 'c'; c: string | null; v: [string, Encoded][] }
  /** A function with its kind (class, async, generator…) and, for a class, what it extends. */
  | { t: 'F'; name: string; kind: string; heritage: string | null };

/** One record of the instrument. */
export type InstrumentRecord =
  | { type: 'log'; stream: 'stdout' | 'stderr'; args: Encoded[]; t: number }
  | { type: 'uncaught'; value: Encoded; t: number }
  | { type: 'rejection'; value: Encoded; t: number }
  | { type: 'done'; t: number };

/** Where the instrument sends its records. */
export type InstrumentSink = 'worker' | 'page';

/** The function the page sink calls with each record as JSON (a driver's binding). */
export const PAGE_BINDING = '__nanoscopeEmit';

/** The instrument's source, to be run before the program in the same global scope. */
export function browserPrelude(sink: InstrumentSink, timerScale = 1, quietMs = 150): string {
  const post = sink === 'worker' ? '(m) => postMessage(m)' : `((emit, json) => (m) => emit(json(m)))(self.${PAGE_BINDING}, JSON.stringify)`;
  return `(() => {
  const post = ${post};
  const now = () => performance.now();
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport', 'localStorage', 'sessionStorage', 'open']) {
    try { Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false }); } catch {}
  }
  const enc = (v, depth) => {
    if (v === undefined) return { t: 'u' };
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { t: 'n', v: Object.is(v, -0) ? '-0' : String(v) };
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { t: 'p', v };
    if (typeof v === 'symbol') return { t: 'y', v: v.description ?? null };
    if (typeof v === 'function') {
      const src = Function.prototype.toString.call(v);
      const kind = /^class\b/.test(src) ? 'class' : Object.prototype.toString.call(v).slice(8, -1);
      const parent = Object.getPrototypeOf(v);
      return { t: 'F', name: v.name, kind, heritage: kind === 'class' && parent !== Function.prototype && parent !== null ? String(parent.name) : null };
    }
    if (v instanceof Error) return { t: 'e', name: String(v.name), message: String(v.message) };
    if (depth > 4) return { t: 's', v: '[Object]' };
    if (Array.isArray(v)) return { t: 'a', v: Array.from({ length: v.length }, (_, i) => (i in v ? enc(v[i], depth + 1) : { t: 'h' })) };
    if (v instanceof Map) return { t: 'm', v: [...v].map(([k, x]) => [enc(k, depth + 1), enc(x, depth + 1)]) };
    if (v instanceof Set) return { t: 'S', v: [...v].map((x) => enc(x, depth + 1)) };
    if (typeof v === 'object') {
      const props = Object.keys(v).map((k) => {
        const d = Object.getOwnPropertyDescriptor(v, k);
        return [k, d && (d.get || d.set) ? { t: 'g', get: !!d.get, set: !!d.set } : enc(v[k], depth + 1)];
      });
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype) return { t: 'o', v: props };
      const ctor = proto === null ? null : proto.constructor;
      return { t: 'c', c: typeof ctor === 'function' && ctor.name !== '' ? ctor.name : proto === null ? null : 'Object', v: props };
    }
    return { t: 's', v: String(v) };
  };
  let last = now();
  const touch = () => { last = now(); };
  for (const [key, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['error', 'stderr'], ['warn', 'stderr']]) {
    console[key] = (...args) => { touch(); post({ type: 'log', stream, args: args.map((a) => enc(a, 0)), t: now() }); };
  }
  self.addEventListener('error', (e) => { touch(); post({ type: 'uncaught', value: enc(e.error, 0), t: now() }); e.preventDefault(); });
  self.addEventListener('unhandledrejection', (e) => { touch(); post({ type: 'rejection', value: enc(e.reason, 0), t: now() }); e.preventDefault(); });
  const scale = ${Number(timerScale)};
  const live = new Set();
  const st = self.setTimeout.bind(self), ct = self.clearTimeout.bind(self), si = self.setInterval.bind(self), ci = self.clearInterval.bind(self);
  const raf = self.requestAnimationFrame ? self.requestAnimationFrame.bind(self) : (cb) => st(() => cb(now()), 16);
  const caf = self.cancelAnimationFrame ? self.cancelAnimationFrame.bind(self) : ct;
  const ms = (d) => (Number(d) || 0) * scale;
  self.setTimeout = (cb, d, ...a) => { const id = st(() => { live.delete('t' + id); touch(); cb(...a); }, ms(d)); live.add('t' + id); return id; };
  self.clearTimeout = (id) => { live.delete('t' + id); ct(id); };
  self.setInterval = (cb, d, ...a) => { const id = si(() => { touch(); cb(...a); }, ms(d)); live.add('i' + id); return id; };
  self.clearInterval = (id) => { live.delete('i' + id); ci(id); };
  self.requestAnimationFrame = (cb) => { const id = raf((ts) => { live.delete('r' + id); touch(); cb(ts); }); live.add('r' + id); return id; };
  self.cancelAnimationFrame = (id) => { live.delete('r' + id); caf(id); };
  const watch = () => { if (live.size === 0 && now() - last > ${Number(quietMs)}) post({ type: 'done', t: now() }); else st(watch, 50); };
  st(watch, 50);
})();
`;
}

/** What the model prints for an uncaught error in the browser runtime ("Uncaught Error: boom"). */
export function browserUncaughtText(v: Value): string {
  return `Uncaught ${browserErrorText(v)}`;
}

/** What the model prints for an unhandled rejection in the browser runtime. */
export function browserRejectionText(v: Value): string {
  return `Uncaught (in promise) ${browserErrorText(v)}`;
}

/** DevTools' text of a thrown value: `Name: message` for errors, the string itself, else its inspection. */
function browserErrorText(v: Value): string {
  if (v instanceof JSObject && isErrorLike(v)) {
    const name = toStr(getOwnOrProto(v, 'name') ?? 'Error');
    const message = toStr(getOwnOrProto(v, 'message') ?? '');
    return message === '' ? name : `${name}: ${message}`;
  }
  return typeof v === 'string' ? v : inspect(v, 2);
}

/** Formats the instrument's records as console lines, exactly as the model formats its own. */
export class RecordFormatter {
  private readonly realm = new Interpreter({ enqueueJob: () => undefined, track: () => undefined }, { maxSteps: 1, maxDepth: 1 }).realm;

  /** The line a record prints, or null for `done`. */
  line(r: InstrumentRecord): { stream: 'stdout' | 'stderr'; text: string } | null {
    switch (r.type) {
      case 'log':
        return { stream: r.stream, text: formatLog(r.args.map((a) => this.decode(a))) };
      case 'uncaught':
        return { stream: 'stderr', text: browserUncaughtText(this.decode(r.value)) };
      case 'rejection':
        return { stream: 'stderr', text: browserRejectionText(this.decode(r.value)) };
      case 'done':
        return null;
    }
  }

  private decode(e: Encoded): Value {
    const realm = this.realm;
    switch (e.t) {
      case 'u':
        return undefined;
      case 'p':
      case 's':
        return e.v;
      case 'n':
        return e.v === '-0' ? -0 : Number(e.v);
      case 'a': {
        const items: Value[] = [];
        e.v.forEach((x, i) => {
          if (x.t !== 'h') items[i] = this.decode(x);
          else items.length = i + 1;
        });
        return realm.array(items);
      }
      case 'h':
        return undefined;
      case 'y':
        return realm.symbol(e.v ?? undefined);
      case 'm':
      case 'S': {
        const ctor = realm.globals.get(e.t === 'm' ? 'Map' : 'Set') as NativeFunction;
        const made = ctor.construct?.([]) as JSObject;
        const data = made.internal as Map<Value, Value>;
        if (e.t === 'm') for (const [k, x] of e.v) data.set(this.decode(k), this.decode(x));
        else for (const x of e.v) data.set(this.decode(x), this.decode(x));
        return made;
      }
      case 'g':
        return realm.native('accessor', () => undefined);
      case 'c': {
        let proto: JSObject | null = null;
        if (e.c !== null) {
          proto = new JSObject(realm.objectProto);
          if (e.c !== 'Object') realm.defineHidden(proto, 'constructor', realm.native(e.c, () => undefined));
        }
        const o = new JSObject(proto);
        for (const [k, v] of e.v) o.props[k] = v.t === 'g' ? new Accessor(v.get ? realm.native('get', () => undefined) : undefined, v.set ? realm.native('set', () => undefined) : undefined) : this.decode(v);
        return o;
      }
      case 'F': {
        const f = realm.native(e.name, () => undefined);
        f.display = e.kind === 'class' ? `[class ${e.name === '' ? '(anonymous)' : e.name}${e.heritage === null ? '' : ` extends ${e.heritage}`}]` : e.kind === 'Function' ? null : `[${e.kind}${e.name === '' ? ' (anonymous)' : `: ${e.name}`}]`;
        return f;
      }
      case 'o': {
        const o = realm.object();
        for (const [k, v] of e.v) o.props[k] = v.t === 'g' ? new Accessor(v.get ? realm.native('get', () => undefined) : undefined, v.set ? realm.native('set', () => undefined) : undefined) : this.decode(v);
        return o;
      }
      case 'f':
        return realm.native(e.name, () => undefined);
      case 'e': {
        const type: ErrorType = (ERROR_TYPES as readonly string[]).includes(e.name) ? (e.name as ErrorType) : 'Error';
        const err = realm.makeError(type, e.message);
        if (type !== e.name) err.props.name = e.name;
        return err;
      }
    }
  }
}
