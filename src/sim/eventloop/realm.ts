/**
 * The realm of one run: prototypes, property access, errors and conversions. Built-in
 * methods live in builtins.ts and promiseBuiltins.ts.
 */
import type { Node } from 'acorn';
import type { Interpreter } from './interpreter';
import { position } from './parse';
import { Promises, type PromiseHost } from './promise';
import { JSArray, JSFunction, JSObject, NativeFunction, ThrowSignal, UnsupportedError, getOwnOrProto, isErrorLike, toStr, type Value } from './values';
import { installBuiltins } from './builtins';
import { installPromise } from './promiseBuiltins';

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

  /** ToPropertyKey. */
  key(v: Value): string {
    return this.toStr(v);
  }

  /** ToString, honouring an Error's name and message. */
  toStr(v: Value): string {
    if (v instanceof JSObject && !(v instanceof JSFunction) && !(v instanceof JSArray) && !isErrorLike(v)) {
      const custom = getOwnOrProto(v, 'toString');
      if (custom instanceof JSFunction && custom.proto === this.functionProto && !(custom instanceof NativeFunction)) return toStr(this.it.call(custom, v, []));
    }
    return toStr(v);
  }

  /** [[Get]] for the subset. */
  get(obj: Value, key: string): Value {
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
    return getOwnOrProto(obj, key);
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

  /** The elements of an iterable of the subset (arrays and strings). */
  iterate(v: Value, node: Node): Value[] {
    if (v instanceof JSArray) return [...v.items];
    if (typeof v === 'string') return [...v];
    if (v instanceof JSObject && getOwnOrProto(v, 'Symbol.iterator') !== undefined) this.unsupportedAt(node, 'a custom iterable');
    throw this.error('TypeError', `${describe(v)} is not iterable`);
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
  if (v instanceof JSObject) return 'object';
  return typeof v === 'string' ? `"${v}"` : String(v);
}
