/**
 * Loops: while, do-while, for (with a fresh binding per iteration for `let`, so closures
 * created in the body see that iteration's value), for-of (arrays directly, anything else
 * through its iterator, lazily, closed on break), for await…of (each step awaited as V8 does,
 * sync iterables through CreateAsyncFromSyncIterator), for-in, and labelled break/continue.
 */
import type { DoWhileStatement, ForInStatement, ForOfStatement, ForStatement, Node, Pattern, VariableDeclaration, WhileStatement } from 'acorn';
import { evalExpr, type Eval } from './expressions';
import type { Completion, Interpreter } from './interpreter';
import { patternNames } from './names';
import { JSArray, JSFunction, JSObject, ReturnSignal, Scope, ThrowSignal, truthy, type Value } from './values';

type Loop = WhileStatement | DoWhileStatement | ForStatement | ForOfStatement | ForInStatement;

/** What a loop does with its body's completion: go on, or stop with this completion. */
function exits(c: Completion, labels: readonly string[]): { stop: false } | { stop: true; c: Completion } {
  if (c === undefined) return { stop: false };
  if (c.t === 'continue' && (c.label === undefined || labels.includes(c.label))) return { stop: false };
  if (c.t === 'break' && (c.label === undefined || labels.includes(c.label))) return { stop: true, c: undefined };
  return { stop: true, c };
}

/** Evaluates a loop statement (`labels`: the labels written in front of it). */
export function* loops(it: Interpreter, s: Loop, scope: Scope, labels: readonly string[] = []): Eval<Completion> {
  switch (s.type) {
    case 'WhileStatement':
      while (truthy(yield* evalExpr(it, s.test, scope))) {
        it.tick();
        const x = exits(yield* it.statement(s.body, scope), labels);
        if (x.stop) return x.c;
      }
      return undefined;
    case 'DoWhileStatement':
      do {
        it.tick();
        const x = exits(yield* it.statement(s.body, scope), labels);
        if (x.stop) return x.c;
      } while (truthy(yield* evalExpr(it, s.test, scope)));
      return undefined;
    case 'ForStatement':
      return yield* forLoop(it, s, scope, labels);
    case 'ForOfStatement':
      if (s.await) return yield* forAwait(it, s, scope, labels);
      return yield* forOf(it, s, scope, labels);
    default:
      return yield* forIn(it, s, scope, labels);
  }
}

function* forLoop(it: Interpreter, s: ForStatement, scope: Scope, labels: readonly string[]): Eval<Completion> {
  let loopScope = new Scope(scope, false);
  const init = s.init;
  const perIteration: string[] = [];
  if (init && init.type === 'VariableDeclaration') {
    if (init.kind !== 'var') for (const d of init.declarations) perIteration.push(...patternNames(d.id));
    it.hoist([init], loopScope, false);
    yield* it.statement(init, loopScope);
  } else if (init) {
    yield* evalExpr(it, init, loopScope);
  }
  const copy = (): void => {
    if (perIteration.length === 0) return;
    const next = new Scope(scope, false);
    for (const name of perIteration) {
      const b = loopScope.vars.get(name);
      if (b !== undefined) next.vars.set(name, { ...b });
    }
    loopScope = next;
  };
  copy();
  for (;;) {
    it.tick();
    if (s.test && !truthy(yield* evalExpr(it, s.test, loopScope))) return undefined;
    const x = exits(yield* it.statement(s.body, loopScope), labels);
    if (x.stop) return x.c;
    copy();
    if (s.update) yield* evalExpr(it, s.update, loopScope);
  }
}

/** Binds the loop variable for one iteration; returns the body's scope. */
function bindLeft(it: Interpreter, s: ForOfStatement | ForInStatement, scope: Scope, value: Value): Scope {
  const iterScope = new Scope(scope, false);
  const left = s.left as Node;
  if (left.type === 'VariableDeclaration') {
    const d = left as VariableDeclaration;
    it.bindPattern((d.declarations[0] as { id: Pattern }).id, value, d.kind === 'var' ? scope : iterScope, d.kind === 'var' ? 'var' : (d.kind as 'let' | 'const'));
  } else {
    it.bindPattern(left as Pattern, value, scope, 'assign');
  }
  return iterScope;
}

function* forIn(it: Interpreter, s: ForInStatement, scope: Scope, labels: readonly string[]): Eval<Completion> {
  const subject: Value = yield* evalExpr(it, s.right, scope);
  const items = subject instanceof JSArray ? Object.keys(subject.items).concat(it.realm.keys(subject)) : subject instanceof JSObject ? forInKeys(it, subject) : typeof subject === 'string' ? [...subject].map((_, i) => String(i)) : [];
  for (const key of items) {
    it.tick();
    const x = exits(yield* it.statement(s.body, bindLeft(it, s, scope, key)), labels);
    if (x.stop) return x.c;
  }
  return undefined;
}

/** Enumerable string keys, own then inherited (each once). */
function forInKeys(it: Interpreter, o: JSObject): string[] {
  const out: string[] = [];
  for (let p: JSObject | null = o; p !== null; p = p.proto) for (const k of it.realm.keys(p)) if (!out.includes(k)) out.push(k);
  return out;
}

function* forOf(it: Interpreter, s: ForOfStatement, scope: Scope, labels: readonly string[]): Eval<Completion> {
  const subject: Value = yield* evalExpr(it, s.right, scope);
  const realm = it.realm;
  if ((subject instanceof JSArray && realm.get(subject, '\uD800@Symbol.iterator') === realm.arrayValues) || typeof subject === 'string') {
    // The built-in array iterator, without the objects: reads the live length each step.
    const items = typeof subject === 'string' ? [...subject] : subject.items;
    for (let i = 0; i < items.length; i++) {
      it.tick();
      const x = exits(yield* it.statement(s.body, bindLeft(it, s, scope, items[i])), labels);
      if (x.stop) return x.c;
    }
    return undefined;
  }
  const iter = realm.getIterator(subject);
  for (;;) {
    it.tick();
    const r = realm.iterStep(iter);
    if (r === null) return undefined;
    let c: Completion;
    try {
      c = yield* it.statement(s.body, bindLeft(it, s, scope, r.value));
    } catch (e) {
      if (e instanceof ThrowSignal || e instanceof ReturnSignal) {
        // IteratorClose on a throw: return() is called, its own throw is dropped.
        try {
          const ret = realm.get(iter.iterator, 'return');
          if (ret instanceof JSFunction) it.call(ret, iter.iterator, []);
        } catch (inner) {
          if (!(inner instanceof ThrowSignal)) throw inner;
        }
      }
      throw e;
    }
    const x = exits(c, labels);
    if (x.stop) {
      realm.iteratorClose(iter.iterator);
      return x.c;
    }
  }
}

/** CreateAsyncFromSyncIterator's next: the value through PromiseResolve, then the result one job later. */
function asyncFromSync(it: Interpreter, iter: { iterator: Value; next: Value }): { iterator: Value; next: Value } {
  const realm = it.realm;
  const wrapper = realm.object();
  const step = (method: 'next' | 'return', arg: Value): Value => {
    const cap = realm.promises.capability();
    let result: Value;
    try {
      if (method === 'return') {
        const ret = realm.get(iter.iterator, 'return');
        if (ret === undefined || ret === null) {
          cap.resolve(realm.iterResult(arg, true));
          return cap.promise;
        }
        result = it.call(ret, iter.iterator, [arg]);
      } else {
        result = it.call(iter.next, iter.iterator, [arg]);
      }
      if (!(result instanceof JSObject)) throw realm.error('TypeError', `Iterator result ${realm.toStr(result)} is not an object`);
      const done = truthy(realm.get(result, 'done'));
      const valueWrapper = realm.promises.promiseResolve(realm.get(result, 'value'));
      realm.promises.performThen(valueWrapper, realm.native('', (_t, a) => realm.iterResult(a[0], done)), undefined, cap, { label: 'for await: unwrap a sync value', line: it.line });
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      cap.reject(e.value);
    }
    return cap.promise;
  };
  const next = realm.native('next', (_t, a) => step('next', a[0]));
  realm.defineHidden(wrapper, 'return', realm.native('return', (_t, a) => step('return', a[0])));
  return { iterator: wrapper, next };
}

function* forAwait(it: Interpreter, s: ForOfStatement, scope: Scope, labels: readonly string[]): Eval<Completion> {
  const subject: Value = yield* evalExpr(it, s.right, scope);
  const realm = it.realm;
  const method = subject === null || subject === undefined ? undefined : realm.get(subject, '\uD800@Symbol.asyncIterator');
  let iter: { iterator: Value; next: Value };
  if (method === undefined || method === null) {
    iter = asyncFromSync(it, realm.getIterator(subject));
  } else {
    const iterator = it.call(method, subject, []);
    if (!(iterator instanceof JSObject)) throw realm.error('TypeError', 'Result of the Symbol.asyncIterator method is not an object');
    iter = { iterator, next: realm.get(iterator, 'next') };
  }
  const close = function* (): Eval<void> {
    const ret = realm.get(iter.iterator, 'return');
    if (ret === undefined || ret === null) return;
    const r = yield it.call(ret, iter.iterator, []);
    if (!(r instanceof JSObject)) throw realm.error('TypeError', `Iterator result ${realm.toStr(r)} is not an object`);
  };
  for (;;) {
    it.tick();
    const r = yield it.call(iter.next, iter.iterator, []);
    if (!(r instanceof JSObject)) throw realm.error('TypeError', `Iterator result ${realm.toStr(r)} is not an object`);
    if (truthy(realm.get(r, 'done'))) return undefined;
    const value = realm.get(r, 'value');
    let c: Completion;
    try {
      c = yield* it.statement(s.body, bindLeft(it, s, scope, value));
    } catch (e) {
      if (e instanceof ThrowSignal || e instanceof ReturnSignal) {
        try {
          yield* close();
        } catch (inner) {
          if (!(inner instanceof ThrowSignal)) throw inner;
        }
      }
      throw e;
    }
    const x = exits(c, labels);
    if (x.stop) {
      yield* close();
      return x.c;
    }
  }
}
