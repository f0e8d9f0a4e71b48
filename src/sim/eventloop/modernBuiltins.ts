/**
 * The modern part of the standard library: Symbol (with Symbol.iterator/asyncIterator), the
 * array and string iterators, Map, Set, WeakMap, WeakSet, WeakRef (no garbage collector is
 * modelled: a WeakRef always derefs to its target), structuredClone, Error's `cause`, and
 * the Object reflection functions examples use.
 */
import type { Realm } from './realm';
import { Accessor, JSArray, JSFunction, JSObject, JSSymbol, NativeFunction, ThrowSignal, truthy, type Value } from './values';

type Fn = (thisValue: Value, args: readonly Value[]) => Value;

/** Installs the modern globals into a realm (after installBuiltins). */
export function installModern(realm: Realm): void {
  const g = realm.globals;
  const hiddenMethod = (o: JSObject, key: string, fn: Fn, name = key): NativeFunction => {
    const f = realm.native(name, fn);
    realm.defineHidden(o, key, f);
    return f;
  };

  // Symbol
  const SymbolCtor = realm.native('Symbol', (_t, a) => realm.symbol(a[0] === undefined ? undefined : realm.toStr(a[0])));
  for (const name of ['iterator', 'asyncIterator', 'hasInstance', 'toPrimitive', 'toStringTag']) SymbolCtor.props[name] = realm.symbol(`Symbol.${name}`, true);
  const registry = new Map<string, JSSymbol>();
  SymbolCtor.props.for = realm.native('for', (_t, a) => {
    const k = realm.toStr(a[0]);
    let s = registry.get(k);
    if (s === undefined) registry.set(k, (s = realm.symbol(k)));
    return s;
  });
  const symbolProto = new JSObject(realm.objectProto);
  realm.symbolProto = symbolProto;
  hiddenMethod(symbolProto, 'toString', (t) => (t instanceof JSSymbol ? `Symbol(${t.description ?? ''})` : ''));
  symbolProto.props.description = new Accessor(realm.native('description', (t) => (t instanceof JSSymbol ? t.description : undefined)), undefined);
  g.set('Symbol', SymbolCtor);

  /** An iterator object over a host iterator (live: a Map or array changed while iterating is seen). */
  const iteratorProtos = new Map<string, JSObject>();
  const hostIterator = (className: string, source: () => Iterator<Value>): JSObject => {
    let proto = iteratorProtos.get(className);
    if (proto === undefined) {
      proto = new JSObject(realm.iteratorProto);
      hiddenMethod(proto, 'next', (t) => {
        const state = t instanceof JSObject ? (t.internal as { it: Iterator<Value> | null; make: () => Iterator<Value> } | null) : null;
        if (state === null) throw realm.error('TypeError', 'next method called on incompatible receiver');
        state.it ??= state.make();
        const r = state.it.next();
        return realm.iterResult(r.done === true ? undefined : r.value, r.done === true);
      });
      iteratorProtos.set(className, proto);
    }
    const o = new JSObject(proto);
    o.className = className;
    o.internal = { it: null, make: source };
    return o;
  };

  // Array and string iterators
  const ap = realm.arrayProto;
  const items = (t: Value): Value[] => {
    if (!(t instanceof JSArray)) throw realm.error('TypeError', 'Array.prototype method called on a non-array');
    return t.items;
  };
  function* live(list: Value[], kind: 'values' | 'keys' | 'entries'): Iterator<Value> {
    for (let i = 0; i < list.length; i++) yield kind === 'values' ? list[i] : kind === 'keys' ? i : realm.array([i, list[i]]);
  }
  const values = hiddenMethod(ap, 'values', (t) => hostIterator('Array Iterator', () => live(items(t), 'values')));
  realm.defineHidden(ap, '\uD800@Symbol.iterator', values);
  realm.arrayValues = values;
  hiddenMethod(ap, 'keys', (t) => hostIterator('Array Iterator', () => live(items(t), 'keys')));
  hiddenMethod(ap, 'entries', (t) => hostIterator('Array Iterator', () => live(items(t), 'entries')));
  hiddenMethod(realm.stringProto, '\uD800@Symbol.iterator', (t) => hostIterator('String Iterator', () => [...String(t)][Symbol.iterator]()), '[Symbol.iterator]');

  // More of String, Array, Number and Object (string patterns only: regular expressions are refused)
  const sp = realm.stringProto;
  const str = (t: Value): string => (typeof t === 'string' ? t : realm.toStr(t));
  // RegExp: the host's engine (deterministic), wrapped.
  const regexpProto = new JSObject(realm.objectProto);
  realm.regexpProto = regexpProto;
  const hostRe = (v: Value): RegExp | null => (v instanceof JSObject && v.className === 'RegExp' ? (v.internal as RegExp) : null);
  const re = (t: Value): RegExp => {
    const r = hostRe(t);
    if (r === null) throw realm.error('TypeError', `RegExp method called on incompatible receiver ${realm.toStr(t)}`);
    return r;
  };
  /** A host match as the program's array: [match, ...groups] with index, input, groups. */
  const matchArray = (m: RegExpExecArray | RegExpMatchArray): JSArray => {
    const a = realm.array([...m].map((x) => (x === undefined ? undefined : x)));
    if (m.index !== undefined) {
      a.props.index = m.index;
      a.props.input = m.input ?? '';
      let groups: JSObject | undefined;
      if (m.groups !== undefined) {
        groups = new JSObject(null);
        for (const [k, v] of Object.entries(m.groups)) groups.props[k] = v ?? undefined;
      }
      a.props.groups = groups;
    }
    return a;
  };
  const RegExpCtor = realm.native(
    'RegExp',
    (_t, a) => (hostRe(a[0]) !== null && a[1] === undefined ? a[0] : realm.regexp(hostRe(a[0])?.source ?? realm.toStr(a[0] ?? '(?:)'), a[1] === undefined ? (hostRe(a[0])?.flags ?? '') : realm.toStr(a[1]))),
    (a) => realm.regexp(hostRe(a[0])?.source ?? (a[0] === undefined ? '(?:)' : realm.toStr(a[0])), a[1] === undefined ? (hostRe(a[0])?.flags ?? '') : realm.toStr(a[1])),
  );
  realm.defineHidden(RegExpCtor, 'prototype', regexpProto);
  realm.defineHidden(regexpProto, 'constructor', RegExpCtor);
  g.set('RegExp', RegExpCtor);
  hiddenMethod(regexpProto, 'test', (t, a) => re(t).test(realm.toStr(a[0])));
  hiddenMethod(regexpProto, 'exec', (t, a) => {
    const m = re(t).exec(realm.toStr(a[0]));
    return m === null ? null : matchArray(m);
  });
  hiddenMethod(regexpProto, 'toString', (t) => String(re(t)));
  for (const k of ['source', 'flags', 'global', 'ignoreCase', 'multiline', 'sticky', 'unicode'] as const) {
    regexpProto.props[k] = new Accessor(realm.native(`get ${k}`, (t) => re(t)[k]), undefined);
    realm.hide(regexpProto, k);
  }
  regexpProto.props.lastIndex = new Accessor(
    realm.native('get lastIndex', (t) => re(t).lastIndex),
    realm.native('set lastIndex', (t, a) => ((re(t).lastIndex = Number(a[0])), undefined)),
  );
  realm.hide(regexpProto, 'lastIndex');
  const replacer = (all: boolean) => (t: Value, a: readonly Value[]): Value => {
    const s = str(t);
    const fn = a[1];
    const r = hostRe(a[0]);
    if (all && r !== null && !r.global) throw realm.error('TypeError', 'replaceAll must be called with a global RegExp');
    const pattern: string | RegExp = r ?? realm.toStr(a[0]);
    const replacement = fn instanceof JSFunction ? (...args: unknown[]) => {
      const groupsLast = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== null;
      const values = (groupsLast ? args.slice(0, -1) : args).map((x) => (x === undefined ? undefined : (x as Value)));
      return realm.toStr(realm.it.call(fn, undefined, values));
    } : realm.toStr(fn);
    if (typeof replacement === 'string') return all ? s.replaceAll(pattern, replacement) : s.replace(pattern, replacement);
    return all ? s.replaceAll(pattern, replacement) : s.replace(pattern, replacement);
  };
  hiddenMethod(sp, 'match', (t, a) => {
    const r = hostRe(a[0]) ?? new RegExp(a[0] === undefined ? '(?:)' : realm.toStr(a[0]));
    const m = str(t).match(r);
    if (m === null) return null;
    return r.global ? realm.array([...m]) : matchArray(m);
  });
  hiddenMethod(sp, 'matchAll', (t, a) => {
    const r = hostRe(a[0]);
    if (r !== null && !r.global) throw realm.error('TypeError', 'String.prototype.matchAll called with a non-global RegExp argument');
    const all = [...str(t).matchAll(r ?? new RegExp(realm.toStr(a[0]), 'g'))].map(matchArray);
    return hostIterator('RegExp String Iterator', () => all[Symbol.iterator]());
  });
  hiddenMethod(sp, 'search', (t, a) => str(t).search(hostRe(a[0]) ?? new RegExp(realm.toStr(a[0]))));
  const split = realm.get(sp, 'split');
  hiddenMethod(sp, 'split', (t, a) => {
    const r = hostRe(a[0]);
    if (r === null) return realm.it.call(split, t, a);
    return realm.array(str(t).split(r, a[1] === undefined ? undefined : Number(a[1])).map((x) => (x === undefined ? undefined : x)));
  });
  hiddenMethod(sp, 'replace', replacer(false));
  hiddenMethod(sp, 'replaceAll', replacer(true));
  hiddenMethod(sp, 'trimStart', (t) => str(t).trimStart());
  hiddenMethod(sp, 'trimEnd', (t) => str(t).trimEnd());
  hiddenMethod(sp, 'lastIndexOf', (t, a) => str(t).lastIndexOf(realm.toStr(a[0])));
  hiddenMethod(sp, 'charCodeAt', (t, a) => str(t).charCodeAt(a[0] === undefined ? 0 : Number(a[0])));
  hiddenMethod(sp, 'codePointAt', (t, a) => str(t).codePointAt(a[0] === undefined ? 0 : Number(a[0])));
  const StringCtor = g.get('String') as JSObject;
  StringCtor.props.raw = realm.native('raw', (_t, a) => {
    const raw = a[0] instanceof JSObject ? realm.get(a[0], 'raw') : undefined;
    const parts = raw instanceof JSArray ? raw.items.map((x) => realm.toStr(x)) : [];
    return parts.map((p, i) => p + (i < parts.length - 1 && i + 1 < a.length ? realm.toStr(a[i + 1]) : '')).join('');
  });
  StringCtor.props.fromCharCode = realm.native('fromCharCode', (_t, a) => String.fromCharCode(...a.map((x) => Number(x))));
  const arrItems = (t: Value): Value[] => items(t);
  const fn = (v: Value): JSFunction => {
    if (!(v instanceof JSFunction)) throw realm.error('TypeError', `${realm.toStr(v)} is not a function`);
    return v;
  };
  hiddenMethod(ap, 'findLast', (t, a) => {
    const list = arrItems(t);
    for (let i = list.length - 1; i >= 0; i--) if (truthy(realm.it.call(fn(a[0]), a[1], [list[i], i, t]))) return list[i];
    return undefined;
  });
  hiddenMethod(ap, 'findLastIndex', (t, a) => {
    const list = arrItems(t);
    for (let i = list.length - 1; i >= 0; i--) if (truthy(realm.it.call(fn(a[0]), a[1], [list[i], i, t]))) return i;
    return -1;
  });
  hiddenMethod(ap, 'toReversed', (t) => realm.array([...arrItems(t)].reverse()));
  hiddenMethod(ap, 'with', (t, a) => {
    const copy = [...arrItems(t)];
    const i = Number(a[0]) < 0 ? copy.length + Number(a[0]) : Number(a[0]);
    if (!(i >= 0 && i < copy.length)) throw realm.error('RangeError', 'Invalid index : ' + realm.toStr(a[0]));
    copy[i] = a[1];
    return realm.array(copy);
  });
  hiddenMethod(ap, 'toSorted', (t, a) => {
    const copy = realm.array([...arrItems(t)]);
    realm.it.call(realm.get(copy, 'sort'), copy, a[0] === undefined ? [] : [a[0]]);
    return copy;
  });
  hiddenMethod(ap, 'reduceRight', (t, a) => {
    const list = arrItems(t);
    let i = list.length - 1;
    let acc: Value;
    if (a.length > 1) acc = a[1];
    else if (list.length === 0) throw realm.error('TypeError', 'Reduce of empty array with no initial value');
    else acc = list[i--];
    for (; i >= 0; i--) acc = realm.it.call(fn(a[0]), undefined, [acc, list[i], i, t]);
    return acc;
  });
  hiddenMethod(realm.numberProto, 'toPrecision', (t, a) => (t as number).toPrecision(a[0] === undefined ? undefined : Number(a[0])));
  const NumberCtor = g.get('Number') as JSObject;
  NumberCtor.props.parseFloat = g.get('parseFloat');
  NumberCtor.props.parseInt = g.get('parseInt');
  NumberCtor.props.isSafeInteger = realm.native('isSafeInteger', (_t, a) => Number.isSafeInteger(a[0]));
  NumberCtor.props.EPSILON = Number.EPSILON;
  NumberCtor.props.MIN_SAFE_INTEGER = Number.MIN_SAFE_INTEGER;
  NumberCtor.props.MAX_VALUE = Number.MAX_VALUE;

  // Map and Set (host collections: SameValueZero for primitives, identity for objects — as the spec says)
  const collection = (name: 'Map' | 'Set' | 'WeakMap' | 'WeakSet'): { ctor: NativeFunction; proto: JSObject } => {
    const proto = new JSObject(realm.objectProto);
    const isMap = name === 'Map' || name === 'WeakMap';
    const weak = name.startsWith('Weak');
    const make = (a: readonly Value[]): Value => {
      const o = new JSObject(proto);
      o.className = name;
      const data = new Map<Value, Value>();
      o.internal = data;
      if (a[0] !== undefined && a[0] !== null) {
        for (const entry of realm.iterate(a[0], null as never)) {
          if (isMap) {
            if (!(entry instanceof JSObject)) throw realm.error('TypeError', `Iterator value ${realm.toStr(entry)} is not an entry object`);
            add(data, realm.get(entry, '0'), realm.get(entry, '1'));
          } else {
            add(data, entry, entry);
          }
        }
      }
      return o;
    };
    const add = (data: Map<Value, Value>, k: Value, v: Value): void => {
      if (weak && !(k instanceof JSObject)) throw realm.error('TypeError', `Invalid value used ${isMap ? 'as weak map key' : 'in weak set'}`);
      data.set(typeof k === 'number' && Object.is(k, -0) ? 0 : k, v);
    };
    const ctor = realm.native(
      name,
      () => {
        throw realm.error('TypeError', `Constructor ${name} requires 'new'`);
      },
      make,
    );
    realm.defineHidden(ctor, 'prototype', proto);
    realm.defineHidden(proto, 'constructor', ctor);
    const data = (t: Value): Map<Value, Value> => {
      if (!(t instanceof JSObject) || t.className !== name) throw realm.error('TypeError', `Method ${name}.prototype method called on incompatible receiver ${realm.toStr(t)}`);
      return t.internal as Map<Value, Value>;
    };
    if (isMap) {
      hiddenMethod(proto, 'get', (t, a) => data(t).get(a[0]));
      hiddenMethod(proto, 'set', (t, a) => (add(data(t), a[0], a[1]), t));
    } else {
      hiddenMethod(proto, 'add', (t, a) => (add(data(t), a[0], a[0]), t));
    }
    hiddenMethod(proto, 'has', (t, a) => data(t).has(a[0]));
    hiddenMethod(proto, 'delete', (t, a) => data(t).delete(a[0]));
    if (!weak) {
      hiddenMethod(proto, 'clear', (t) => (data(t).clear(), undefined));
      proto.props.size = new Accessor(realm.native('get size', (t) => data(t).size), undefined);
      realm.hide(proto, 'size');
      hiddenMethod(proto, 'forEach', (t, a) => {
        const d = data(t);
        for (const [k, v] of d) realm.it.call(a[0], a[1], [v, k, t]);
        return undefined;
      });
      const iterName = `${name} Iterator`;
      const keys = hiddenMethod(proto, 'keys', (t) => hostIterator(iterName, () => data(t).keys()));
      const vals = hiddenMethod(proto, 'values', (t) => hostIterator(iterName, () => data(t).values()));
      const entries = hiddenMethod(proto, 'entries', (t) => {
        const d = data(t);
        return hostIterator(iterName, function* () {
          for (const [k, v] of d) yield realm.array([k, v]);
        });
      });
      realm.defineHidden(proto, '\uD800@Symbol.iterator', isMap ? entries : name === 'Set' ? vals : keys);
      if (!isMap) realm.defineHidden(proto, 'keys', vals);
    }
    g.set(name, ctor);
    return { ctor, proto };
  };
  collection('Map');
  collection('Set');
  collection('WeakMap');
  collection('WeakSet');
  const refProto = new JSObject(realm.objectProto);
  const WeakRefCtor = realm.native(
    'WeakRef',
    () => {
      throw realm.error('TypeError', "Constructor WeakRef requires 'new'");
    },
    (a) => {
      if (!(a[0] instanceof JSObject)) throw realm.error('TypeError', 'WeakRef: target must be an object');
      const o = new JSObject(refProto);
      o.className = 'WeakRef';
      o.internal = a[0];
      return o;
    },
  );
  realm.defineHidden(WeakRefCtor, 'prototype', refProto);
  hiddenMethod(refProto, 'deref', (t) => (t instanceof JSObject && t.className === 'WeakRef' ? (t.internal as Value) : undefined));
  g.set('WeakRef', WeakRefCtor);

  // Object reflection
  const ObjectCtor = g.get('Object') as JSObject;
  realm.defineHidden(realm.objectProto, 'constructor', ObjectCtor);
  realm.defineHidden(realm.arrayProto, 'constructor', g.get('Array'));
  const obj = (v: Value, what: string): JSObject => {
    if (!(v instanceof JSObject)) throw realm.error('TypeError', `${what} called on non-object`);
    return v;
  };
  ObjectCtor.props.getPrototypeOf = realm.native('getPrototypeOf', (_t, a) => {
    const v = a[0];
    if (typeof v === 'string') return realm.stringProto;
    if (typeof v === 'number') return realm.numberProto;
    return obj(v, 'Object.getPrototypeOf').proto;
  });
  ObjectCtor.props.setPrototypeOf = realm.native('setPrototypeOf', (_t, a) => {
    const o = obj(a[0], 'Object.setPrototypeOf');
    if (a[1] instanceof JSObject || a[1] === null) o.proto = a[1];
    return o;
  });
  ObjectCtor.props.create = realm.native('create', (_t, a) => {
    if (!(a[0] instanceof JSObject) && a[0] !== null) throw realm.error('TypeError', `Object prototype may only be an Object or null: ${realm.toStr(a[0])}`);
    const o = new JSObject(a[0]);
    if (a[1] instanceof JSObject) for (const k of realm.keys(a[1])) define(o, k, a[1].props[k]);
    return o;
  });
  const define = (o: JSObject, key: string, desc: Value): void => {
    if (!(desc instanceof JSObject)) throw realm.error('TypeError', `Property description must be an object: ${realm.toStr(desc)}`);
    const get = realm.get(desc, 'get');
    const set = realm.get(desc, 'set');
    if (get !== undefined || set !== undefined) o.props[key] = new Accessor(get instanceof JSFunction ? get : undefined, set instanceof JSFunction ? set : undefined);
    else if (o instanceof JSArray && /^\d+$/.test(key)) o.items[Number(key)] = realm.get(desc, 'value');
    else o.props[key] = realm.get(desc, 'value');
    if (!truthy(realm.get(desc, 'enumerable'))) realm.hide(o, key);
    else o.hidden?.delete(key);
  };
  ObjectCtor.props.defineProperty = realm.native('defineProperty', (_t, a) => {
    const o = obj(a[0], 'Object.defineProperty');
    define(o, realm.key(a[1]), a[2]);
    return o;
  });
  ObjectCtor.props.fromEntries = realm.native('fromEntries', (_t, a) => {
    const o = realm.object();
    for (const e of realm.iterate(a[0], null as never)) o.props[realm.key(realm.get(e, '0'))] = realm.get(e, '1');
    return o;
  });
  ObjectCtor.props.getOwnPropertyNames = realm.native('getOwnPropertyNames', (_t, a) => {
    const o = obj(a[0], 'Object.getOwnPropertyNames');
    const own = Object.keys(o.props).filter((k) => !k.startsWith('\uD800@'));
    return realm.array(o instanceof JSArray ? [...Object.keys(o.items), 'length', ...own] : own);
  });
  ObjectCtor.props.getOwnPropertySymbols = realm.native('getOwnPropertySymbols', (_t, a) => realm.array(Object.keys(obj(a[0], 'Object.getOwnPropertySymbols').props).filter((k) => k.startsWith('\uD800@')).map((k) => realm.keyValue(k))));
  ObjectCtor.props.is = realm.native('is', (_t, a) => Object.is(a[0], a[1]));
  ObjectCtor.props.hasOwn = realm.native('hasOwn', (_t, a) => {
    const o = obj(a[0], 'Object.hasOwn');
    const k = realm.key(a[1]);
    return o instanceof JSArray && /^\d+$/.test(k) ? Number(k) in o.items : k in o.props;
  });

  // structuredClone: plain data, arrays, Map, Set and errors; functions and symbols throw DataCloneError.
  g.set(
    'structuredClone',
    realm.native('structuredClone', (_t, a) => {
      const seen = new Map<JSObject, JSObject>();
      const clone = (v: Value): Value => {
        if (!(v instanceof JSObject)) return v;
        const known = seen.get(v);
        if (known !== undefined) return known;
        if (v instanceof JSFunction || v instanceof JSSymbol) {
          const e = realm.makeError('Error', `${realm.toStr(v)} could not be cloned.`);
          e.className = 'DOMException';
          e.props.name = 'DataCloneError';
          throw new ThrowSignal(e);
        }
        if (v instanceof JSArray) {
          const out = realm.array([]);
          seen.set(v, out);
          v.items.forEach((x, i) => (out.items[i] = clone(x)));
          return out;
        }
        if (v.className === 'Map' || v.className === 'Set') {
          const ctor = g.get(v.className) as NativeFunction;
          const out = ctor.construct?.([]) as JSObject;
          seen.set(v, out);
          for (const [k, x] of v.internal as Map<Value, Value>) (out.internal as Map<Value, Value>).set(clone(k), clone(x));
          return out;
        }
        const out = v.className !== null && v.proto !== null && v.proto.className === 'ErrorPrototype' ? realm.makeError('Error', '') : realm.object();
        seen.set(v, out);
        if (out.className !== null) for (const k of ['name', 'message']) if (k in v.props || realm.get(v, k) !== undefined) out.props[k] = realm.get(v, k);
        for (const k of realm.keys(v)) out.props[k] = clone(v.props[k] instanceof Accessor ? realm.get(v, k) : v.props[k]);
        return out;
      };
      return clone(a[0]);
    }),
  );
}
