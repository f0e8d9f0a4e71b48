/**
 * The Promise constructor, Promise.prototype.then/catch/finally and the combinators
 * (resolve, reject, all, allSettled, race, any), step for step as ECMAScript §27.2 writes them:
 * `catch` and `finally` invoke `then`, the combinators call `C.resolve` and then `then` on each
 * element, and `finally` returns a promise from its handler — each of which costs the ticks
 * real engines spend.
 */
import { JSPromise, type Capability } from './promise';
import type { Realm } from './realm';
import { JSArray, JSFunction, ThrowSignal, type Value } from './values';

/** Installs `Promise` into a realm. */
export function installPromise(realm: Realm): void {
  const P = realm.promises;
  const it = realm.it;
  const invoke = (obj: Value, key: string, args: Value[]): Value => it.call(realm.get(obj, key), obj, args);
  const fnOf = (cap: Capability, which: 'resolve' | 'reject'): JSFunction => P.wrap(which, cap[which]);
  const label = (what: string) => ({ label: what, line: it.line || null });

  const ctor = realm.native(
    'Promise',
    () => {
      throw realm.error('TypeError', "Promise constructor cannot be invoked without 'new'");
    },
    (args) => {
      const executor = args[0];
      if (!(executor instanceof JSFunction)) throw realm.error('TypeError', `Promise resolver ${describe(executor)} is not a function`);
      const cap = P.capability();
      try {
        it.call(executor, undefined, [fnOf(cap, 'resolve'), fnOf(cap, 'reject')]);
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
      }
      return cap.promise;
    },
  );
  ctor.props.prototype = realm.promiseProto;
  realm.promiseProto.props['constructor' as string] = ctor;
  realm.globals.set('Promise', ctor);

  const proto = realm.promiseProto;
  const thisPromise = (t: Value, name: string): JSPromise => {
    if (!(t instanceof JSPromise)) throw realm.error('TypeError', `Method Promise.prototype.${name} called on incompatible receiver ${describe(t)}`);
    return t;
  };
  const handlerName = (v: Value): string => (v instanceof JSFunction && v.name !== '' ? v.name : 'callback');
  proto.props.then = realm.native('then', (t, a) => {
    const p = thisPromise(t, 'then');
    const cap = P.capability();
    P.performThen(p, a[0], a[1], cap, label(`then: ${handlerName(a[0] instanceof JSFunction ? a[0] : a[1])}`));
    return cap.promise;
  });
  proto.props.catch = realm.native('catch', (t, a) => invoke(t, 'then', [undefined, a[0]]));
  proto.props.finally = realm.native('finally', (t, a) => {
    thisPromise(t, 'finally');
    const onFinally = a[0];
    if (!(onFinally instanceof JSFunction)) return invoke(t, 'then', [onFinally, onFinally]);
    const thenFinally = realm.native('', (_x, v) => {
      const result = it.call(onFinally, undefined, []);
      const p = P.promiseResolve(result);
      const value = v[0];
      return invoke(p, 'then', [realm.native('', () => value)]);
    });
    const catchFinally = realm.native('', (_x, v) => {
      const result = it.call(onFinally, undefined, []);
      const p = P.promiseResolve(result);
      const reason = v[0];
      return invoke(p, 'then', [
        realm.native('', () => {
          throw new ThrowSignal(reason);
        }),
      ]);
    });
    return invoke(t, 'then', [thenFinally, catchFinally]);
  });

  ctor.props.resolve = realm.native('resolve', (_t, a) => P.promiseResolve(a[0]));
  ctor.props.reject = realm.native('reject', (_t, a) => P.rejected(a[0]));

  /** Runs a combinator body; an abrupt completion rejects the result (IfAbruptRejectPromise). */
  const combinator = (name: string, body: (items: Value[], cap: Capability, resolveFn: Value) => void): void => {
    ctor.props[name] = realm.native(name, (t, a) => {
      const cap = P.capability();
      try {
        const resolveFn = realm.get(t, 'resolve');
        if (!(resolveFn instanceof JSFunction)) throw realm.error('TypeError', 'Promise resolve or reject function is not callable');
        body(realm.iterate(a[0], { type: 'Identifier', start: 0, end: 0, loc: { start: { line: it.line, column: 0 }, end: { line: it.line, column: 0 } } } as never), cap, resolveFn);
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
      }
      return cap.promise;
    });
  };
  const each = (items: Value[], resolveFn: Value, t: Value, onEach: (next: Value, index: number) => void): void => {
    items.forEach((item, index) => onEach(it.call(resolveFn, t, [item]), index));
  };

  combinator('all', (items, cap, resolveFn) => {
    const values: Value[] = [];
    let remaining = 1;
    each(items, resolveFn, ctor, (next, index) => {
      values.push(undefined);
      let called = false;
      const resolveElement = realm.native('', (_x, v) => {
        if (called) return undefined;
        called = true;
        values[index] = v[0];
        if (--remaining === 0) cap.resolve(realm.array(values));
        return undefined;
      });
      remaining++;
      invoke(next, 'then', [resolveElement, fnOf(cap, 'reject')]);
    });
    if (--remaining === 0) cap.resolve(realm.array(values));
  });

  combinator('allSettled', (items, cap, resolveFn) => {
    const values: Value[] = [];
    let remaining = 1;
    each(items, resolveFn, ctor, (next, index) => {
      values.push(undefined);
      let called = false;
      const settle = (status: 'fulfilled' | 'rejected') =>
        realm.native('', (_x, v) => {
          if (called) return undefined;
          called = true;
          values[index] = realm.object(status === 'fulfilled' ? { status, value: v[0] } : { status, reason: v[0] });
          if (--remaining === 0) cap.resolve(realm.array(values));
          return undefined;
        });
      remaining++;
      invoke(next, 'then', [settle('fulfilled'), settle('rejected')]);
    });
    if (--remaining === 0) cap.resolve(realm.array(values));
  });

  combinator('race', (items, cap, resolveFn) => {
    each(items, resolveFn, ctor, (next) => {
      invoke(next, 'then', [fnOf(cap, 'resolve'), fnOf(cap, 'reject')]);
    });
  });

  combinator('any', (items, cap, resolveFn) => {
    const errors: Value[] = [];
    let remaining = 1;
    const aggregate = (): Value => {
      const e = realm.makeError('AggregateError', 'All promises were rejected');
      e.props.errors = realm.array(errors);
      return e;
    };
    each(items, resolveFn, ctor, (next, index) => {
      errors.push(undefined);
      let called = false;
      const rejectElement = realm.native('', (_x, v) => {
        if (called) return undefined;
        called = true;
        errors[index] = v[0];
        if (--remaining === 0) cap.reject(aggregate());
        return undefined;
      });
      remaining++;
      invoke(next, 'then', [fnOf(cap, 'resolve'), rejectElement]);
    });
    if (--remaining === 0) cap.reject(aggregate());
  });
}

function describe(v: Value): string {
  if (v instanceof JSArray) return 'object';
  if (v !== null && typeof v === 'object') return '#<Object>';
  return String(v);
}
