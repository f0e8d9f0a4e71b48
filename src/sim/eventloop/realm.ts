/**
 * The realm of one run: prototypes, property access, errors and conversions. Built-in
 * methods live in builtins.ts and promiseBuiltins.ts.
 */
import type { Node } from 'acorn';
import type { Interpreter } from './interpreter';
import { position } from './parse';
import { Promises, type PromiseHost } from './promise';
import { Accessor, Closure, JSArray, JSFunction, JSObject, JSSymbol, NativeFunction, ThrowSignal, UnsupportedError, getOwnOrProto, isErrorLike, isSymbolKey, toStr, type Value } from './values';
import { installBuiltins } from './builtins';
import { installPromise } from './promiseBuiltins';
import { installModern } from './modernBuiltins';

/** Error constructors of the subset. */
export const ERROR_TYPES = ['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'AggregateError'] as const;
/** One of {@link ERROR_TYPES}. */
export type ErrorType = (typeof ERROR_TYPES)[number];

/** Prototypes, constructors and the property semantics of the subset. */
export class Realm {
  readonly objectProto = new JSObject(null);
  readonly functionProto = new JSObject(this.objectProto);
  readonly arrayProto = new JSObject(this.objectProto);
  readonly stringProto = new JSObject(this.objectProto);
  readonly numberProto = new JSObject(this.objectProto);
  readonly promiseProto = new JSObject(this.objectProto);
  /** %IteratorPrototype% (its [Symbol.iterator] returns this) and the generators' prototypes. */
  readonly iteratorProto = new JSObject(this.objectProto);
  readonly generatorProto = new JSObject(this.iteratorProto);
  readonly asyncIteratorProto = new JSObject(this.objectProto);
  readonly asyncGeneratorProto = new JSObject(this.asyncIteratorProto);
  readonly errorProtos = new Map<string, JSObject>();
  readonly globals = new Map<string, Value>();
  readonly promises: Promises;
  source = '';

  constructor(readonly it: Interpreter) {
    const base = new JSObject(this.objectProto);
    base.className = 'ErrorPrototype';
    for (const t of ERROR_TYPES) {
      const proto = t === 'Error' ? base : new JSObject(base);
      proto.props.name = t;
      proto.props.message = '';
      this.errorProtos.set(t, proto);
    }
    const host: PromiseHost = {
      enqueueJob: (job, label) => it.host.enqueueJob(job, label),
      call: (fn, t, a) => it.call(fn, t, a),
      get: (o, k) => this.get(o, k),
      track: (p, op) => it.host.track(p, op),
      native: (name, fn) => this.native(name, fn),
      typeError: (m) => this.makeError('TypeError', m),
    };
    this.promises = new Promises(host, this.promiseProto);
    installBuiltins(this);
    installPromise(this);
    installModern(this);
  }

  /** A built-in function. */
  native(name: string, fn: (thisValue: Value, args: readonly Value[]) => Value, construct: ((args: readonly Value[]) => Value) | null = null): NativeFunction {
    return new NativeFunction(this.functionProto, name, fn, construct);
  }

  /** A plain object with these properties. */
  object(props: Record<string, Value> = {}): JSObject {
    const o = new JSObject(this.objectProto);
    for (const [k, v] of Object.entries(props)) o.props[k] = v;
    return o;
  }

  array(items: Value[]): JSArray {
    return new JSArray(this.arrayProto, items);
  }

  /** An error object of the program (not thrown). */
  makeError(type: ErrorType, message: string): JSObject {
    const e = new JSObject(this.errorProtos.get(type) ?? null);
    e.className = type;
    if (message !== '') e.props.message = message;
    return e;
  }

  /** A throwable error of the program. */
  error(type: ErrorType, message: string): ThrowSignal {
    return new ThrowSignal(this.makeError(type, message));
  }

  /** Symbols by key, so that a key can be turned back into its symbol. */
  readonly symbols = new Map<string, JSSymbol>();
  private symbolCount = 0;

  /** A new symbol (`wellKnown`: `Symbol.iterator` and the like, keyed by name). */
  symbol(description: string | undefined, wellKnown = false): JSSymbol {
    const key = wellKnown ? `\uD800@${description ?? ''}` : `\uD800@${++this.symbolCount}:${description ?? ''}`;
    const s = new JSSymbol(description, key);
    s.proto = this.symbolProto;
    this.symbols.set(key, s);
    return s;
  }

  /** ToPropertyKey. */
  key(v: Value): string {
    if (v instanceof JSSymbol) return v.key;
    return this.toStr(v);
  }

  /** A key as a function name shows it (`[Symbol.iterator]` for a symbol). */
  keyName(k: string): string {
    if (!isSymbolKey(k)) return k;
    const d = this.symbols.get(k)?.description;
    return d === undefined ? '' : `[${d}]`;
  }

  /** The value of a property key (a string, or the symbol it stands for). */
  keyValue(k: string): Value {
    return isSymbolKey(k) ? this.symbols.get(k) : k;
  }

  /** Own enumerable string keys, in the host's order. */
  keys(o: JSObject): string[] {
    return Object.keys(o.props).filter((k) => !isSymbolKey(k) && (o.hidden === null || !o.hidden.has(k)));
  }

  /** RegExp.prototype (set by installModern). */
  regexpProto: JSObject | null = null;

  /** A regular expression of the program: the host's RegExp (deterministic) behind an object. */
  regexp(pattern: string, flags: string): JSObject {
    let host: RegExp;
    try {
      host = new RegExp(pattern, flags);
    } catch (e) {
      throw this.error('SyntaxError', (e as Error).message);
    }
    const o = new JSObject(this.regexpProto ?? this.objectProto);
    o.className = 'RegExp';
    o.internal = host;
    return o;
  }

  /** Symbol.prototype (set by installModern). */
  symbolProto: JSObject | null = null;

  /** Makes an own property non-enumerable. */
  hide(o: JSObject, key: string): void {
    (o.hidden ??= new Set()).add(key);
  }

  /** Defines a non-enumerable own property. */
  defineHidden(o: JSObject, key: string, v: Value): void {
    o.props[key] = v;
    (o.hidden ??= new Set()).add(key);
  }

  /** Reads a `#private` member. */
  getPrivate(obj: Value, name: string): Value {
    const m = obj instanceof JSObject ? obj.privates : null;
    if (m === null || !m.has(name)) throw this.error('TypeError', `Cannot read private member ${name} from an object whose class did not declare it`);
    const v = m.get(name);
    if (v instanceof Accessor) {
      if (v.getter === undefined) throw this.error('TypeError', `'${name}' was defined without a getter`);
      return this.it.call(v.getter, obj, []);
    }
    return v;
  }

  /** Writes a `#private` member. */
  setPrivate(obj: Value, name: string, value: Value): void {
    const m = obj instanceof JSObject ? obj.privates : null;
    if (m === null || !m.has(name)) throw this.error('TypeError', `Cannot write private member ${name} to an object whose class did not declare it`);
    const v = m.get(name);
    if (v instanceof Accessor) {
      if (v.setter === undefined) throw this.error('TypeError', `'${name}' was defined without a setter`);
      this.it.call(v.setter, obj, [value]);
      return;
    }
    if (v instanceof Closure && v.isMethod) throw this.error('TypeError', `Private method is not writable`);
    m.set(name, value);
  }

  /** ToString, honouring an Error's name and message. */
  toStr(v: Value): string {
    if (v instanceof JSObject && !(v instanceof JSFunction) && !(v instanceof JSArray) && !isErrorLike(v)) {
      const custom = getOwnOrProto(v, 'toString');
      if (custom instanceof JSFunction && custom.proto === this.functionProto && !(custom instanceof NativeFunction)) return toStr(this.it.call(custom, v, []));
    }
    return toStr(v);
  }

  /** [[Get]] for the subset; `receiver` is the getter's `this` (super.x passes the instance). */
  get(obj: Value, key: string, receiver: Value = obj): Value {
    if (obj === null || obj === undefined) throw this.error('TypeError', `Cannot read properties of ${String(obj)} (reading '${key}')`);
    if (typeof obj === 'string') {
      if (key === 'length') return obj.length;
      if (/^\d+$/.test(key)) return obj[Number(key)];
      return getOwnOrProto(this.stringProto, key);
    }
    if (typeof obj === 'number') return getOwnOrProto(this.numberProto, key);
    if (typeof obj === 'boolean') return key === 'toString' ? getOwnOrProto(this.stringProto, 'toString') : undefined;
    if (obj instanceof JSArray) {
      if (key === 'length') return obj.items.length;
      if (/^\d+$/.test(key)) return obj.items[Number(key)];
    }
    if (obj instanceof JSFunction && key === 'name' && !('name' in obj.props)) return obj.name;
    if (obj instanceof Closure && key === 'prototype' && !('prototype' in obj.props) && obj.node.type !== 'ArrowFunctionExpression' && !obj.isMethod && !obj.isAsync) {
      // An ordinary function's prototype, made when first read.
      const proto = new JSObject(obj.isGenerator ? this.generatorProto : this.objectProto);
      if (!obj.isGenerator) this.defineHidden(proto, 'constructor', obj);
      this.defineHidden(obj, 'prototype', proto);
      return proto;
    }
    for (let p: JSObject | null = obj; p !== null; p = p.proto) {
      if (key in p.props) {
        const v = p.props[key];
        if (v instanceof Accessor) return v.getter === undefined ? undefined : this.it.call(v.getter, receiver, []);
        return v;
      }
    }
    // A module's (or process's) member the model does not have is refused by name, not undefined.
    const module = obj.internal !== null && typeof obj.internal === 'object' && 'module' in obj.internal ? String((obj.internal as { module: string }).module) : null;
    if (module !== null && key !== 'then' && !isSymbolKey(key)) throw new UnsupportedError(`${module}.${key}`, this.it.line, 1);
    return undefined;
  }

  /** [[Set]] for the subset (assignments to primitives are ignored, as in sloppy mode). */
  set(obj: Value, key: string, v: Value): void {
    if (obj === null || obj === undefined) throw this.error('TypeError', `Cannot set properties of ${String(obj)} (setting '${key}')`);
    if (!(obj instanceof JSObject)) return;
    if (obj instanceof JSArray) {
      if (key === 'length') {
        obj.items.length = Math.max(0, Math.floor(Number(v)));
        return;
      }
      if (/^\d+$/.test(key)) {
        const i = Number(key);
        if (i > obj.items.length) this.unsupportedHere('an array with holes');
        obj.items[i] = v;
        return;
      }
    }
    for (let p: JSObject | null = obj; p !== null; p = p.proto) {
      if (!(key in p.props)) continue;
      const a = p.props[key];
      if (a instanceof Accessor) {
        if (a.setter !== undefined) this.it.call(a.setter, obj, [v]);
        return;
      }
      break;
    }
    obj.props[key] = v;
  }

  has(obj: JSObject, key: string): boolean {
    if (obj instanceof JSArray && (key === 'length' || (/^\d+$/.test(key) && Number(key) < obj.items.length))) return true;
    for (let p: JSObject | null = obj; p !== null; p = p.proto) if (key in p.props) return true;
    return false;
  }

  instanceOf(v: Value, ctor: Value): boolean {
    if (!(ctor instanceof JSFunction)) throw this.error('TypeError', "Right-hand side of 'instanceof' is not callable");
    if (!(v instanceof JSObject)) return false;
    const proto = this.get(ctor, 'prototype');
    for (let p = v.proto; p !== null; p = p.proto) if (p === proto) return true;
    return false;
  }

  /** The elements of an iterable (arrays and strings directly, anything else through its iterator); at most `limit`, then the iterator is closed. */
  iterate(v: Value, node: Node, limit = Infinity): Value[] {
    if (v instanceof JSArray && this.get(v, '\uD800@Symbol.iterator') === this.arrayValues) return v.items.slice(0, limit === Infinity ? undefined : limit);
    if (typeof v === 'string') return [...v].slice(0, limit === Infinity ? undefined : limit);
    void node;
    const iter = this.getIterator(v);
    const out: Value[] = [];
    while (out.length < limit) {
      this.it.tick();
      const r = this.iterStep(iter);
      if (r === null) return out;
      out.push(r.value);
    }
    this.iteratorClose(iter.iterator);
    return out;
  }

  /** The built-in Array.prototype.values (an array that keeps it iterates directly). */
  arrayValues: Value = undefined;

  /** GetIterator(v, sync). */
  getIterator(v: Value): { iterator: Value; next: Value } {
    const method = v === null || v === undefined ? undefined : this.get(v, '\uD800@Symbol.iterator');
    if (!(method instanceof JSFunction)) throw this.error('TypeError', `${describe(v)} is not iterable`);
    const iterator = this.it.call(method, v, []);
    if (!(iterator instanceof JSObject)) throw this.error('TypeError', 'Result of the Symbol.iterator method is not an object');
    return { iterator, next: this.get(iterator, 'next') };
  }

  /** IteratorStep: the next result, or null when done. */
  iterStep(iter: { iterator: Value; next: Value }): { value: Value } | null {
    const r = this.it.call(iter.next, iter.iterator, []);
    if (!(r instanceof JSObject)) throw this.error('TypeError', `Iterator result ${this.toStr(r)} is not an object`);
    if (this.get(r, 'done') !== undefined && Boolean(this.get(r, 'done') instanceof JSObject ? true : this.get(r, 'done'))) return null;
    return { value: this.get(r, 'value') };
  }

  /** IteratorClose for a normal exit (break, or destructuring that took enough). */
  iteratorClose(iterator: Value): void {
    const ret = this.get(iterator, 'return');
    if (ret === undefined || ret === null) return;
    const r = this.it.call(ret, iterator, []);
    if (!(r instanceof JSObject)) throw this.error('TypeError', `Iterator result ${this.toStr(r)} is not an object`);
  }

  /** { value, done } */
  iterResult(value: Value, done: boolean): JSObject {
    return this.object({ value, done });
  }

  private unsupportedHere(what: string): never {
    throw new UnsupportedError(what, this.it.line, 1);
  }

  unsupportedAt(node: Node, what: string): never {
    const p = position(node);
    throw new UnsupportedError(what, p.line, p.column);
  }
}

function describe(v: Value): string {
  if (v instanceof JSFunction) return v.name === '' ? 'function' : `${v.name}`;
  if (v instanceof JSObject) return 'object';
  return typeof v === 'string' ? `"${v}"` : String(v);
}
