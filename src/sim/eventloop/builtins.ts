/**
 * The subset's standard library besides Promise: Object, Array, String, Number, Math, JSON,
 * the Error constructors and a few global functions. Callbacks are the program's functions,
 * called through the interpreter.
 */
import type { Realm } from './realm';
import { ERROR_TYPES } from './realm';
import { Closure, JSArray, JSFunction, JSObject, UnsupportedError, looseEquals, toNumber, truthy, type Value } from './values';

type Fn = (thisValue: Value, args: readonly Value[]) => Value;

/** Installs the globals and prototype methods of the subset into a realm. */
export function installBuiltins(realm: Realm): void {
  const g = realm.globals;
  const method = (proto: JSObject, name: string, fn: Fn): void => {
    proto.props[name] = realm.native(name, fn);
  };
  const call = (fn: Value, ...args: Value[]): Value => realm.it.call(fn, undefined, args);
  const arr = (t: Value): JSArray => {
    if (!(t instanceof JSArray)) throw realm.error('TypeError', 'Array.prototype method called on a non-array');
    return t;
  };
  const fnArg = (v: Value): JSFunction => {
    if (!(v instanceof JSFunction)) throw realm.error('TypeError', `${realm.toStr(v)} is not a function`);
    return v;
  };

  // Object
  const ObjectCtor = realm.native('Object', (_t, a) => (a[0] instanceof JSObject ? a[0] : realm.object()), () => realm.object());
  ObjectCtor.props.prototype = realm.objectProto;
  const own = (o: Value): [string, Value][] => {
    if (o instanceof JSArray) return o.items.map((v, i) => [String(i), v]);
    if (o instanceof JSObject) return Object.keys(o.props).map((k) => [k, o.props[k]]);
    if (typeof o === 'string') return [...o].map((c, i) => [String(i), c]);
    return [];
  };
  ObjectCtor.props.keys = realm.native('keys', (_t, a) => realm.array(own(a[0]).map(([k]) => k)));
  ObjectCtor.props.values = realm.native('values', (_t, a) => realm.array(own(a[0]).map(([, v]) => v)));
  ObjectCtor.props.entries = realm.native('entries', (_t, a) => realm.array(own(a[0]).map(([k, v]) => realm.array([k, v]))));
  ObjectCtor.props.assign = realm.native('assign', (_t, a) => {
    const target = a[0];
    for (const src of a.slice(1)) for (const [k, v] of own(src)) realm.set(target, k, v);
    return target;
  });
  ObjectCtor.props.freeze = realm.native('freeze', (_t, a) => a[0]);
  g.set('Object', ObjectCtor);
  method(realm.objectProto, 'hasOwnProperty', (t, a) => (t instanceof JSArray ? realm.has(t, realm.key(a[0])) && realm.key(a[0]) !== 'length' : t instanceof JSObject && realm.key(a[0]) in t.props));
  method(realm.objectProto, 'toString', (t) => (t instanceof JSArray ? realm.toStr(t) : '[object Object]'));

  // Function.prototype
  method(realm.functionProto, 'call', (t, a) => realm.it.call(t, a[0], a.slice(1)));
  method(realm.functionProto, 'apply', (t, a) => realm.it.call(t, a[0], a[1] instanceof JSArray ? a[1].items : []));
  method(realm.functionProto, 'bind', (t, a) => {
    const target = fnArg(t);
    const bound = a.slice(1);
    return realm.native(`bound ${target.name}`, (_x, b) => realm.it.call(target, a[0], [...bound, ...b]));
  });

  // Array
  const makeArray = (a: readonly Value[]): Value => realm.array(a.length === 1 && typeof a[0] === 'number' ? new Array<Value>(a[0]) : [...a]);
  const ArrayCtor = realm.native('Array', (_t, a) => makeArray(a), makeArray);
  ArrayCtor.props.prototype = realm.arrayProto;
  ArrayCtor.props.isArray = realm.native('isArray', (_t, a) => a[0] instanceof JSArray);
  ArrayCtor.props.from = realm.native('from', (_t, a) => {
    const src = a[0];
    let items: Value[];
    if (src instanceof JSObject && !(src instanceof JSArray) && typeof realm.get(src, 'length') === 'number') items = new Array<Value>(realm.get(src, 'length') as number).fill(undefined).map((_, i) => realm.get(src, String(i)));
    else items = realm.iterate(src, { type: 'Identifier', start: 0, end: 0, loc: { start: { line: realm.it.line, column: 0 }, end: { line: realm.it.line, column: 0 } } } as never);
    return realm.array(a[1] instanceof JSFunction ? items.map((v, i) => call(a[1], v, i)) : items);
  });
  ArrayCtor.props.of = realm.native('of', (_t, a) => realm.array([...a]));
  g.set('Array', ArrayCtor);
  const ap = realm.arrayProto;
  method(ap, 'push', (t, a) => arr(t).items.push(...a));
  method(ap, 'pop', (t) => arr(t).items.pop());
  method(ap, 'shift', (t) => arr(t).items.shift());
  method(ap, 'unshift', (t, a) => arr(t).items.unshift(...a));
  method(ap, 'slice', (t, a) => realm.array(arr(t).items.slice(a[0] === undefined ? undefined : toNumber(a[0]), a[1] === undefined ? undefined : toNumber(a[1]))));
  method(ap, 'splice', (t, a) => realm.array(arr(t).items.splice(toNumber(a[0]), a[1] === undefined ? Infinity : toNumber(a[1]), ...a.slice(2))));
  method(ap, 'concat', (t, a) => realm.array(arr(t).items.concat(...a.map((x) => (x instanceof JSArray ? x.items : [x])))));
  method(ap, 'join', (t, a) => arr(t).items.map((x) => (x === null || x === undefined ? '' : realm.toStr(x))).join(a[0] === undefined ? ',' : realm.toStr(a[0])));
  method(ap, 'indexOf', (t, a) => arr(t).items.indexOf(a[0]));
  method(ap, 'lastIndexOf', (t, a) => arr(t).items.lastIndexOf(a[0]));
  method(ap, 'includes', (t, a) => arr(t).items.includes(a[0]));
  method(ap, 'at', (t, a) => arr(t).items.at(toNumber(a[0])));
  method(ap, 'reverse', (t) => (arr(t).items.reverse(), t));
  method(ap, 'fill', (t, a) => (arr(t).items.fill(a[0]), t));
  method(ap, 'flat', (t) => realm.array(arr(t).items.flatMap((x) => (x instanceof JSArray ? x.items : [x]))));
  method(ap, 'toString', (t) => realm.toStr(t));
  const iter = (name: string, body: (items: Value[], f: JSFunction, t: JSArray, rest: readonly Value[]) => Value): void =>
    method(ap, name, (t, a) => body(arr(t).items, fnArg(a[0]), t as JSArray, a.slice(1)));
  iter('forEach', (items, f, t) => {
    for (let i = 0; i < items.length; i++) call(f, items[i], i, t);
    return undefined;
  });
  iter('map', (items, f, t) => realm.array(items.map((v, i) => call(f, v, i, t))));
  iter('flatMap', (items, f, t) => realm.array(items.flatMap((v, i) => { const r = call(f, v, i, t); return r instanceof JSArray ? r.items : [r]; })));
  iter('filter', (items, f, t) => realm.array(items.filter((v, i) => truthy(call(f, v, i, t)))));
  iter('some', (items, f, t) => items.some((v, i) => truthy(call(f, v, i, t))));
  iter('every', (items, f, t) => items.every((v, i) => truthy(call(f, v, i, t))));
  iter('find', (items, f, t) => items.find((v, i) => truthy(call(f, v, i, t))));
  iter('findIndex', (items, f, t) => items.findIndex((v, i) => truthy(call(f, v, i, t))));
  const reduce = (items: Value[], f: JSFunction, t: JSArray, rest: readonly Value[]): Value => {
    let i = 0;
    let acc: Value;
    if (rest.length > 0) acc = rest[0];
    else if (items.length === 0) throw realm.error('TypeError', 'Reduce of empty array with no initial value');
    else acc = items[i++];
    for (; i < items.length; i++) acc = call(f, acc, items[i], i, t);
    return acc;
  };
  iter('reduce', reduce);
  method(ap, 'sort', (t, a) => {
    const items = arr(t).items;
    const cmp = a[0];
    const sorted = [...items].sort((x, y) => {
      if (x === undefined) return y === undefined ? 0 : 1;
      if (y === undefined) return -1;
      if (cmp instanceof JSFunction) return toNumber(call(cmp, x, y)) || 0;
      const sx = realm.toStr(x);
      const sy = realm.toStr(y);
      return sx < sy ? -1 : sx > sy ? 1 : 0;
    });
    items.splice(0, items.length, ...sorted);
    return t;
  });

  // String and Number
  const sp = realm.stringProto;
  const str = (t: Value): string => (typeof t === 'string' ? t : realm.toStr(t));
  const num = (v: Value, d: number): number => (v === undefined ? d : toNumber(v));
  method(sp, 'toUpperCase', (t) => str(t).toUpperCase());
  method(sp, 'toLowerCase', (t) => str(t).toLowerCase());
  method(sp, 'trim', (t) => str(t).trim());
  method(sp, 'slice', (t, a) => str(t).slice(num(a[0], 0), a[1] === undefined ? undefined : toNumber(a[1])));
  method(sp, 'substring', (t, a) => str(t).substring(num(a[0], 0), a[1] === undefined ? undefined : toNumber(a[1])));
  method(sp, 'padStart', (t, a) => str(t).padStart(num(a[0], 0), a[1] === undefined ? ' ' : realm.toStr(a[1])));
  method(sp, 'padEnd', (t, a) => str(t).padEnd(num(a[0], 0), a[1] === undefined ? ' ' : realm.toStr(a[1])));
  method(sp, 'repeat', (t, a) => str(t).repeat(num(a[0], 0)));
  method(sp, 'split', (t, a) => realm.array(a[0] === undefined ? [str(t)] : str(t).split(realm.toStr(a[0]))));
  method(sp, 'includes', (t, a) => str(t).includes(realm.toStr(a[0])));
  method(sp, 'startsWith', (t, a) => str(t).startsWith(realm.toStr(a[0])));
  method(sp, 'endsWith', (t, a) => str(t).endsWith(realm.toStr(a[0])));
  method(sp, 'indexOf', (t, a) => str(t).indexOf(realm.toStr(a[0])));
  method(sp, 'charAt', (t, a) => str(t).charAt(num(a[0], 0)));
  method(sp, 'at', (t, a) => str(t).at(num(a[0], 0)));
  method(sp, 'concat', (t, a) => str(t).concat(...a.map((x) => realm.toStr(x))));
  method(sp, 'toString', (t) => str(t));
  const np = realm.numberProto;
  method(np, 'toFixed', (t, a) => (t as number).toFixed(num(a[0], 0)));
  method(np, 'toString', (t, a) => (t as number).toString(a[0] === undefined ? 10 : toNumber(a[0])));
  g.set('String', realm.native('String', (_t, a) => (a.length === 0 ? '' : realm.toStr(a[0]))));
  const NumberCtor = realm.native('Number', (_t, a) => (a.length === 0 ? 0 : toNumber(a[0])));
  NumberCtor.props.isInteger = realm.native('isInteger', (_t, a) => Number.isInteger(a[0]));
  NumberCtor.props.isFinite = realm.native('isFinite', (_t, a) => Number.isFinite(a[0]));
  NumberCtor.props.isNaN = realm.native('isNaN', (_t, a) => Number.isNaN(a[0]));
  NumberCtor.props.MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
  g.set('Number', NumberCtor);
  g.set('Boolean', realm.native('Boolean', (_t, a) => truthy(a[0])));
  g.set('parseInt', realm.native('parseInt', (_t, a) => parseInt(realm.toStr(a[0]), a[1] === undefined ? undefined : toNumber(a[1]))));
  g.set('parseFloat', realm.native('parseFloat', (_t, a) => parseFloat(realm.toStr(a[0]))));
  g.set('isNaN', realm.native('isNaN', (_t, a) => isNaN(toNumber(a[0]))));
  g.set('NaN', NaN);
  g.set('Infinity', Infinity);
  g.set('undefined', undefined);

  // Math
  const M = realm.object();
  M.className = 'Math';
  for (const name of ['floor', 'ceil', 'round', 'abs', 'sqrt', 'trunc', 'sign', 'log', 'log2', 'log10', 'exp', 'cbrt', 'sin', 'cos'] as const) {
    M.props[name] = realm.native(name, (_t, a) => Math[name](toNumber(a[0])));
  }
  M.props.max = realm.native('max', (_t, a) => Math.max(...a.map(toNumber)));
  M.props.min = realm.native('min', (_t, a) => Math.min(...a.map(toNumber)));
  M.props.pow = realm.native('pow', (_t, a) => Math.pow(toNumber(a[0]), toNumber(a[1])));
  M.props.hypot = realm.native('hypot', (_t, a) => Math.hypot(...a.map(toNumber)));
  M.props.random = realm.native('random', () => {
    throw new UnsupportedError('Math.random (nondeterministic)', realm.it.line, 1);
  });
  M.props.PI = Math.PI;
  M.props.E = Math.E;
  g.set('Math', M);

  // JSON
  const J = realm.object();
  J.className = 'JSON';
  J.props.stringify = realm.native('stringify', (_t, a) => stringify(a[0], a[2] === undefined ? '' : typeof a[2] === 'number' ? ' '.repeat(a[2]) : realm.toStr(a[2]), ''));
  J.props.parse = realm.native('parse', (_t, a) => fromHost(realm, JSON.parse(realm.toStr(a[0])) as unknown));
  g.set('JSON', J);

  // Errors
  for (const type of ERROR_TYPES) {
    const proto = realm.errorProtos.get(type) as JSObject;
    const make = (a: readonly Value[]): Value => {
      // The options bag's `cause` becomes a non-enumerable own property.
      const withCause = (e: JSObject, options: Value): JSObject => {
        if (options instanceof JSObject && realm.has(options, 'cause')) realm.defineHidden(e, 'cause', realm.get(options, 'cause'));
        return e;
      };
      if (type === 'AggregateError') {
        const e = realm.makeError(type, a[1] === undefined ? '' : realm.toStr(a[1]));
        realm.defineHidden(e, 'errors', realm.array(realm.iterate(a[0], null as never)));
        return withCause(e, a[2]);
      }
      return withCause(realm.makeError(type, a[0] === undefined ? '' : realm.toStr(a[0])), a[1]);
    };
    const ctor = realm.native(type, (_t, a) => make(a), make);
    realm.defineHidden(ctor, 'prototype', proto);
    realm.defineHidden(proto, 'constructor', ctor);
    g.set(type, ctor);
  }
  void looseEquals;
  void Closure;

  function stringify(v: Value, gap: string, indent: string): Value {
    if (v === null) return 'null';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'boolean') return String(v);
    if (v === undefined || v instanceof JSFunction) return undefined;
    const inner = indent + gap;
    const open = gap === '' ? '' : `\n${inner}`;
    const close = gap === '' ? '' : `\n${indent}`;
    const sep = gap === '' ? ',' : `,\n${inner}`;
    if (v instanceof JSArray) {
      if (v.items.length === 0) return '[]';
      return `[${open}${v.items.map((x) => stringify(x, gap, inner) ?? 'null').join(sep)}${close}]`;
    }
    const parts: string[] = [];
    for (const k of Object.keys(v.props)) {
      const s = stringify(v.props[k], gap, inner);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${gap === '' ? '' : ' '}${String(s)}`);
    }
    return parts.length === 0 ? '{}' : `{${open}${parts.join(sep)}${close}}`;
  }
}

/** A host JSON value as a value of the program. */
function fromHost(realm: Realm, v: unknown): Value {
  if (Array.isArray(v)) return realm.array(v.map((x) => fromHost(realm, x)));
  if (v !== null && typeof v === 'object') {
    const o = realm.object();
    for (const [k, x] of Object.entries(v)) o.props[k] = fromHost(realm, x);
    return o;
  }
  return v as Value;
}
