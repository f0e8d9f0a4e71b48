/**
 * Generators and async generators. The body is the evaluator's own host generator: a `yield`
 * comes out as a YieldSignal, an `await` as the bare value. A sync generator's next/return/throw
 * resume it directly; an async generator follows the spec's request queue (AsyncGeneratorEnqueue,
 * …Resume, …CompleteStep, …DrainQueue, …AwaitReturn), so every resumption and every settled
 * request goes through the microtask queue exactly where V8's does. A suspended generator is
 * parked (Interpreter.parked) until it is resumed, like an async function at an await.
 */
import type { Node } from 'acorn';
import type { Eval } from './expressions';
import type { Interpreter } from './interpreter';
import type { Capability } from './promise';
import { Closure, JSFunction, JSObject, ReturnSignal, ThrowSignal, YieldSignal, type Value } from './values';

type Body = Eval<Value>;
type Mode = 'next' | 'throw' | 'return';

interface GenState {
  state: 'suspendedStart' | 'suspendedYield' | 'executing' | 'completed';
  readonly body: Body;
  readonly name: string;
  line: number;
}

/** Runs the body one leg; returns the host result or throws the program's throw. */
function leg(it: Interpreter, g: GenState | AsyncGenState, mode: Mode, value: Value): IteratorResult<Value | YieldSignal, Value> {
  const resumed = it.parked.has(g);
  it.unpark(g);
  it.stack.push({ name: g.name, line: g.line });
  const library = g.name.endsWith('(node internals)');
  if (!library) it.host.step?.(`${g.name} ${resumed ? 'resumes' : 'runs'}${mode === 'next' ? '' : ` (${mode}())`}`);
  let r: IteratorResult<Value | YieldSignal, Value>;
  try {
    r = mode === 'next' ? g.body.next(value) : mode === 'throw' ? g.body.throw(new ThrowSignal(value)) : g.body.throw(new ReturnSignal(value));
    g.line = it.line;
  } catch (e) {
    if (e instanceof ReturnSignal) r = { done: true, value: e.value };
    else throw e;
  } finally {
    it.stack.pop();
  }
  if (!library && r.done !== true && r.value instanceof YieldSignal) it.host.step?.(`${g.name} yields at line ${g.line}: its frame is parked`);
  return r;
}

function genName(c: Closure): string {
  return c.name === '' ? '(anonymous generator)' : c.name;
}

/** The generator object a `function*` call returns (the body has not started). */
export function makeGenerator(it: Interpreter, c: Closure, body: Body): JSObject {
  const realm = it.realm;
  const proto = realm.get(c, 'prototype');
  const obj = new JSObject(proto instanceof JSObject ? proto : realm.generatorProto);
  obj.className = 'Generator';
  const frame = it.frameOf(c);
  const g: GenState = { state: 'suspendedStart', body, name: frame.name === '(anonymous)' ? genName(c) : frame.name, line: frame.line };
  obj.internal = g;
  return obj;
}

/** next/return/throw of a sync generator. */
export function generatorResume(it: Interpreter, thisValue: Value, mode: Mode, value: Value): Value {
  const realm = it.realm;
  const g = thisValue instanceof JSObject && thisValue.className === 'Generator' ? (thisValue.internal as GenState) : null;
  if (g === null) throw realm.error('TypeError', `${mode} method called on incompatible receiver ${realm.toStr(thisValue)}`);
  if (g.state === 'executing') throw realm.error('TypeError', 'Generator is already running');
  if (g.state === 'suspendedStart' && mode !== 'next') {
    g.state = 'completed';
    it.unpark(g);
  }
  if (g.state === 'completed') {
    if (mode === 'throw') throw new ThrowSignal(value);
    return realm.iterResult(mode === 'return' ? value : undefined, true);
  }
  g.state = 'executing';
  let r: IteratorResult<Value | YieldSignal, Value>;
  try {
    r = leg(it, g, mode, value);
  } catch (e) {
    g.state = 'completed';
    throw e;
  }
  if (r.done === true) {
    g.state = 'completed';
    return realm.iterResult(r.value, true);
  }
  g.state = 'suspendedYield';
  it.park(g, `${g.name} (suspended at yield, line ${g.line})`);
  return realm.iterResult(r.value instanceof YieldSignal ? r.value.value : r.value, false);
}

interface Request {
  readonly mode: Mode;
  readonly value: Value;
  readonly cap: Capability;
}

interface AsyncGenState {
  state: 'suspendedStart' | 'suspendedYield' | 'executing' | 'awaiting-return' | 'completed';
  readonly body: Body;
  readonly queue: Request[];
  readonly name: string;
  line: number;
}

/** The object an `async function*` call returns. */
export function makeAsyncGenerator(it: Interpreter, c: Closure, body: Body): JSObject {
  const realm = it.realm;
  const proto = realm.get(c, 'prototype');
  const obj = new JSObject(proto instanceof JSObject && proto !== realm.generatorProto ? proto : realm.asyncGeneratorProto);
  obj.className = 'AsyncGenerator';
  const frame = it.frameOf(c);
  const g: AsyncGenState = { state: 'suspendedStart', body, queue: [], name: frame.name === '(anonymous)' ? '(anonymous async generator)' : frame.name, line: frame.line };
  obj.internal = g;
  return obj;
}

/** AsyncGenerator.prototype.next/return/throw. */
export function asyncGeneratorRequest(it: Interpreter, thisValue: Value, mode: Mode, value: Value): Value {
  const realm = it.realm;
  const cap = realm.promises.capability();
  const g = thisValue instanceof JSObject && thisValue.className === 'AsyncGenerator' ? (thisValue.internal as AsyncGenState) : null;
  if (g === null) {
    cap.reject(realm.makeError('TypeError', `${mode} method called on incompatible receiver ${realm.toStr(thisValue)}`));
    return cap.promise;
  }
  if (mode === 'next' && g.state === 'completed') {
    cap.resolve(realm.iterResult(undefined, true));
    return cap.promise;
  }
  if (mode === 'throw') {
    if (g.state === 'suspendedStart') {
      g.state = 'completed';
      it.unpark(g);
    }
    if (g.state === 'completed') {
      cap.reject(value);
      return cap.promise;
    }
  }
  g.queue.push({ mode, value, cap });
  if (mode === 'return' && (g.state === 'suspendedStart' || g.state === 'completed')) {
    it.unpark(g);
    g.state = 'awaiting-return';
    awaitReturn(it, g);
  } else if (g.state === 'suspendedStart' || g.state === 'suspendedYield') {
    unwrapResumption(it, g, mode, value);
  }
  return cap.promise;
}

function completeStep(it: Interpreter, g: AsyncGenState, kind: 'normal' | 'throw', value: Value, done: boolean): void {
  const next = g.queue.shift();
  if (next === undefined) return;
  if (kind === 'throw') next.cap.reject(value);
  else next.cap.resolve(it.realm.iterResult(value, done));
}

function drainQueue(it: Interpreter, g: AsyncGenState): void {
  for (;;) {
    const next = g.queue[0];
    if (next === undefined) return;
    if (next.mode === 'return') {
      g.state = 'awaiting-return';
      awaitReturn(it, g);
      return;
    }
    if (next.mode === 'throw') completeStep(it, g, 'throw', next.value, true);
    else completeStep(it, g, 'normal', undefined, true);
  }
}

function awaitReturn(it: Interpreter, g: AsyncGenState): void {
  const next = g.queue[0];
  if (next === undefined) return;
  const realm = it.realm;
  let p: Value;
  try {
    p = realm.promises.promiseResolve(next.value);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    g.state = 'completed';
    completeStep(it, g, 'throw', e.value, true);
    drainQueue(it, g);
    return;
  }
  realm.promises.performThen(
    p as never,
    realm.native('', (_t, a) => {
      g.state = 'completed';
      completeStep(it, g, 'normal', a[0], true);
      drainQueue(it, g);
      return undefined;
    }),
    realm.native('', (_t, a) => {
      g.state = 'completed';
      completeStep(it, g, 'throw', a[0], true);
      drainQueue(it, g);
      return undefined;
    }),
    null,
    { label: `${g.name}: return() settles`, line: it.line },
  );
}

/** AsyncGeneratorResume: runs the body until it awaits, yields or finishes. */
function resume(it: Interpreter, g: AsyncGenState, mode: Mode, value: Value): void {
  g.state = 'executing';
  let r: IteratorResult<Value | YieldSignal, Value>;
  try {
    r = leg(it, g, mode, value);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    g.state = 'completed';
    completeStep(it, g, 'throw', e.value, true);
    drainQueue(it, g);
    return;
  }
  if (r.done === true) {
    g.state = 'completed';
    completeStep(it, g, 'normal', r.value, true);
    drainQueue(it, g);
    return;
  }
  const realm = it.realm;
  if (r.value instanceof YieldSignal) {
    // AsyncGeneratorYield: settle this request; carry on with the next one at once if queued.
    completeStep(it, g, 'normal', r.value.value, false);
    const next = g.queue[0];
    if (next !== undefined) {
      unwrapResumption(it, g, next.mode, next.value);
      return;
    }
    g.state = 'suspendedYield';
    it.park(g, `${g.name} (suspended at yield, line ${g.line})`);
    return;
  }
  // An await inside the body.
  const awaited = realm.promises.promiseResolve(r.value);
  it.park(g, `${g.name} (awaiting, line ${g.line})`);
  realm.promises.performThen(
    awaited,
    realm.native('', (_t, a) => (resume(it, g, 'next', a[0]), undefined)),
    realm.native('', (_t, a) => (resume(it, g, 'throw', a[0]), undefined)),
    null,
    { label: `resume ${g.name} after await`, line: g.line },
  );
}

/** AsyncGeneratorUnwrapYieldResumption: a return() awaits its value before unwinding the body. */
function unwrapResumption(it: Interpreter, g: AsyncGenState, mode: Mode, value: Value): void {
  if (mode !== 'return') {
    resume(it, g, mode, value);
    return;
  }
  g.state = 'executing';
  const realm = it.realm;
  const awaited = realm.promises.promiseResolve(value);
  it.park(g, `${g.name} (awaiting return(), line ${g.line})`);
  realm.promises.performThen(
    awaited,
    realm.native('', (_t, a) => (resume(it, g, 'return', a[0]), undefined)),
    realm.native('', (_t, a) => (resume(it, g, 'throw', a[0]), undefined)),
    null,
    { label: `resume ${g.name} after await`, line: g.line },
  );
}

/** `yield* iterable` in a sync generator: delegates next/throw/return to the inner iterator. */
export function* yieldDelegate(it: Interpreter, iterable: Value, node: Node): Eval<Value> {
  const realm = it.realm;
  void node;
  const { iterator, next } = realm.getIterator(iterable);
  let mode: Mode = 'next';
  let received: Value = undefined;
  for (;;) {
    it.tick();
    let r: Value;
    if (mode === 'next') {
      r = it.call(next, iterator, [received]);
    } else {
      const m = realm.get(iterator, mode);
      if (m === undefined || m === null) {
        if (mode === 'return') throw new ReturnSignal(received);
        realm.iteratorClose(iterator);
        throw realm.error('TypeError', 'The iterator does not provide a \'throw\' method');
      }
      r = it.call(m, iterator, [received]);
    }
    if (!(r instanceof JSObject)) throw realm.error('TypeError', `Iterator result ${realm.toStr(r)} is not an object`);
    const done = realm.get(r, 'done');
    if (done !== undefined && done !== false && done !== null && done !== 0 && done !== '') {
      const v = realm.get(r, 'value');
      if (mode === 'return') throw new ReturnSignal(v);
      return v;
    }
    try {
      received = yield new YieldSignal(realm.get(r, 'value'));
      mode = 'next';
    } catch (e) {
      if (e instanceof ThrowSignal) {
        mode = 'throw';
        received = e.value;
      } else if (e instanceof ReturnSignal) {
        mode = 'return';
        received = e.value;
      } else {
        throw e;
      }
    }
  }
}

/** Installs the generator prototypes' methods. */
export function installGenerators(it: Interpreter): void {
  const realm = it.realm;
  const def = (o: JSObject, key: string, fn: (t: Value, a: readonly Value[]) => Value, name = key): void => realm.defineHidden(o, key, realm.native(name, fn));
  def(realm.iteratorProto, '\uD800@Symbol.iterator', (t) => t, '[Symbol.iterator]');
  def(realm.asyncIteratorProto, '\uD800@Symbol.asyncIterator', (t) => t, '[Symbol.asyncIterator]');
  for (const mode of ['next', 'return', 'throw'] as const) {
    def(realm.generatorProto, mode, (t, a) => generatorResume(it, t, mode, a[0]));
    def(realm.asyncGeneratorProto, mode, (t, a) => asyncGeneratorRequest(it, t, mode, a[0]));
  }
  void JSFunction;
}
