/**
 * Expression evaluation. Every function is a generator so that an `await` anywhere in an
 * expression suspends the async function around it (see interpreter.ts).
 */
import type { AssignmentExpression, CallExpression, Expression, MemberExpression, Node, ObjectExpression, Pattern, SpreadElement, TemplateLiteral } from 'acorn';
import type { Interpreter } from './interpreter';
import { isLibrary, position } from './parse';
import { Accessor, Closure, JSArray, JSFunction, JSObject, YieldSignal, looseEquals, strictEquals, toNumber, toPrimitive, toStr, truthy, typeOf, type Scope, type Value } from './values';
import { classValue, superCall } from './classes';
import { yieldDelegate } from './generators';

/**
 * A generator of the evaluator: yields awaited values (and, in a generator's body,
 * YieldSignals), is resumed with their results.
 */
export type Eval<T> = Generator<Value | YieldSignal, T, Value>;

/** `a?.b` short-circuits the whole chain. */
class ShortCircuit {}
const SHORT = new ShortCircuit();

/** Globals that exist in Node but are outside the subset (an error rather than a ReferenceError). */
export const UNSUPPORTED_GLOBALS: ReadonlySet<string> = new Set([
  'Date', 'Proxy', 'Reflect', 'BigInt', 'fetch', 'Buffer',
  'performance', 'globalThis', 'global', 'module', 'exports', 'arguments', 'eval', 'Function', 'Intl',
  'setTimeoutPromise', 'TextEncoder', 'TextDecoder', 'URL', 'EventTarget',
  'Atomics', 'SharedArrayBuffer', 'ArrayBuffer', 'Uint8Array', 'Int32Array', 'Float64Array', 'DataView',
  'FinalizationRegistry', 'Worker', 'Generator', 'window', 'document', 'self', 'navigator', 'requestIdleCallback',
]);

/** Evaluates an expression. */
export function* evalExpr(it: Interpreter, node: Node, scope: Scope): Eval<Value> {
  const e = node as Expression;
  switch (e.type) {
    case 'Literal':
      if ('regex' in e && e.regex !== undefined) return it.realm.regexp(e.regex.pattern, e.regex.flags);
      return e.value as Value;
    case 'Identifier':
      return lookup(it, e.name, scope, e);
    case 'ThisExpression':
      return it.thisOf(scope);
    case 'TemplateLiteral':
      return yield* template(it, e, scope);
    case 'ArrayExpression': {
      const items: Value[] = [];
      for (const el of e.elements) {
        if (el === null) items.length++;
        else if (el.type === 'SpreadElement') items.push(...it.realm.iterate(yield* evalExpr(it, el.argument, scope), el));
        else items.push(yield* evalExpr(it, el, scope));
      }
      return it.realm.array(items);
    }
    case 'ClassExpression':
      return yield* classValue(it, e, scope, e.id?.name ?? '');
    case 'MetaProperty': {
      const b = scope.lookup('%newtarget');
      return b === undefined ? undefined : b.value;
    }
    case 'YieldExpression': {
      if (e.delegate) return yield* yieldDelegate(it, yield* evalExpr(it, e.argument as Expression, scope), e);
      let v = e.argument ? yield* evalExpr(it, e.argument, scope) : undefined;
      // An async generator awaits what it yields before yielding it.
      if (scope.lookup('%asyncgen')?.value === true) v = yield v;
      return yield new YieldSignal(v);
    }
    case 'TaggedTemplateExpression': {
      let fn: Value;
      let thisValue: Value = undefined;
      if (e.tag.type === 'MemberExpression') {
        const ref = yield* reference(it, e.tag, scope);
        thisValue = ref.base;
        fn = ref.get();
      } else {
        fn = yield* evalExpr(it, e.tag, scope);
      }
      const strings = it.realm.array(e.quasi.quasis.map((q) => q.value.cooked ?? undefined));
      it.realm.defineHidden(strings, 'raw', it.realm.array(e.quasi.quasis.map((q) => q.value.raw)));
      const values: Value[] = [];
      for (const x of e.quasi.expressions) values.push(yield* evalExpr(it, x, scope));
      if (!(fn instanceof JSFunction)) throw it.realm.error('TypeError', `${calleeText(it, e.tag)} is not a function`);
      return it.call(fn, thisValue, [strings, ...values]);
    }
    case 'ObjectExpression':
      return yield* objectLiteral(it, e, scope);
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return it.closure(e, scope, '');
    case 'UnaryExpression': {
      if (e.operator === 'typeof' && e.argument.type === 'Identifier' && scope.lookup(e.argument.name) === undefined) {
        if (UNSUPPORTED_GLOBALS.has(e.argument.name)) return it.unsupported(e.argument, e.argument.name);
        return 'undefined';
      }
      if (e.operator === 'delete') {
        if (e.argument.type !== 'MemberExpression') return true;
        const obj = yield* evalExpr(it, e.argument.object, scope);
        const key = yield* memberKey(it, e.argument, scope);
        if (obj instanceof JSArray && /^\d+$/.test(key)) {
          if (Number(key) < obj.items.length) delete obj.items[Number(key)];
        } else if (obj instanceof JSObject) delete obj.props[key];
        return true;
      }
      const v = yield* evalExpr(it, e.argument, scope);
      switch (e.operator) {
        case '!': return !truthy(v);
        case '-': return -toNumber(v);
        case '+': return toNumber(v);
        case '~': return ~toNumber(v);
        case 'typeof': return typeOf(v);
        case 'void': return undefined;
      }
      return it.unsupported(e, `operator ${e.operator}`);
    }
    case 'UpdateExpression': {
      if (e.argument.type === 'MemberExpression') {
        const ref = yield* reference(it, e.argument, scope);
        const old = toNumber(ref.get());
        const next = e.operator === '++' ? old + 1 : old - 1;
        ref.set(next);
        return e.prefix ? next : old;
      }
      const old = toNumber(yield* evalExpr(it, e.argument, scope));
      const next = e.operator === '++' ? old + 1 : old - 1;
      yield* assignTo(it, e.argument as Pattern, next, scope);
      return e.prefix ? next : old;
    }
    case 'BinaryExpression': {
      if (e.left.type === 'PrivateIdentifier') {
        const name = `#${e.left.name}`;
        const r = yield* evalExpr(it, e.right, scope);
        if (!(r instanceof JSObject)) throw it.realm.error('TypeError', `Cannot use 'in' operator to search for '${name}' in ${toStr(r)}`);
        return r.privates !== null && r.privates.has(name);
      }
      const l = yield* evalExpr(it, e.left, scope);
      const r = yield* evalExpr(it, e.right, scope);
      return binary(it, e.operator, l, r, e);
    }
    case 'LogicalExpression': {
      const l = yield* evalExpr(it, e.left, scope);
      if (e.operator === '&&') return truthy(l) ? yield* evalExpr(it, e.right, scope) : l;
      if (e.operator === '||') return truthy(l) ? l : yield* evalExpr(it, e.right, scope);
      return l === null || l === undefined ? yield* evalExpr(it, e.right, scope) : l;
    }
    case 'ConditionalExpression':
      return truthy(yield* evalExpr(it, e.test, scope)) ? yield* evalExpr(it, e.consequent, scope) : yield* evalExpr(it, e.alternate, scope);
    case 'AssignmentExpression':
      return yield* assignment(it, e, scope);
    case 'SequenceExpression': {
      let v: Value;
      for (const x of e.expressions) v = yield* evalExpr(it, x, scope);
      return v;
    }
    case 'MemberExpression': {
      const ref = yield* reference(it, e, scope);
      return ref.get();
    }
    case 'ChainExpression':
      try {
        return yield* evalExpr(it, e.expression, scope);
      } catch (x) {
        if (x === SHORT) return undefined;
        throw x;
      }
    case 'CallExpression':
      return yield* callExpr(it, e, scope);
    case 'NewExpression': {
      const ctor = yield* evalExpr(it, e.callee, scope);
      return it.construct(ctor, yield* args(it, e.arguments, scope), e);
    }
    case 'AwaitExpression': {
      const v = yield* evalExpr(it, e.argument, scope);
      return yield v;
    }
    case 'ParenthesizedExpression':
      return yield* evalExpr(it, e.expression, scope);
    default:
      return it.unsupported(e, e.type);
  }
}

function lookup(it: Interpreter, name: string, scope: Scope, node: Node): Value {
  const b = scope.lookup(name);
  if (b === undefined) {
    if (UNSUPPORTED_GLOBALS.has(name)) return it.unsupported(node, name);
    throw it.realm.error('ReferenceError', `${name} is not defined`);
  }
  if (!b.initialized) throw it.realm.error('ReferenceError', `Cannot access '${name}' before initialization`);
  return b.value;
}

/** A member reference `obj.key`, `obj[k]`, `obj.#p` or `super.key`: evaluated once, read and written through. */
export interface Reference {
  readonly base: Value;
  get(): Value;
  set(v: Value): void;
}

/** Evaluates the object and key of a member expression. */
export function* reference(it: Interpreter, e: MemberExpression, scope: Scope): Eval<Reference> {
  if (e.object.type === 'Super') {
    const home = scope.lookup('%home')?.value;
    const thisValue = it.thisOf(scope);
    const key = yield* memberKey(it, e, scope);
    const proto = home instanceof JSObject ? home.proto : null;
    return {
      base: thisValue,
      get: () => (proto === null ? undefined : it.realm.get(proto, key, thisValue)),
      set: (v) => it.realm.set(thisValue, key, v),
    };
  }
  const obj = yield* evalExpr(it, e.object, scope);
  if (e.optional && (obj === null || obj === undefined)) throw SHORT;
  if (e.property.type === 'PrivateIdentifier') {
    const name = `#${e.property.name}`;
    return { base: obj, get: () => it.realm.getPrivate(obj, name), set: (v) => it.realm.setPrivate(obj, name, v) };
  }
  const key = yield* memberKey(it, e, scope);
  return { base: obj, get: () => it.realm.get(obj, key), set: (v) => it.realm.set(obj, key, v) };
}

function* memberKey(it: Interpreter, e: MemberExpression, scope: Scope): Eval<string> {
  if (!e.computed) return (e.property as { name: string }).name;
  return it.realm.key(yield* evalExpr(it, e.property as Expression, scope));
}

function* template(it: Interpreter, e: TemplateLiteral, scope: Scope): Eval<Value> {
  let out = '';
  for (let i = 0; i < e.quasis.length; i++) {
    out += e.quasis[i]?.value.cooked ?? '';
    const x = e.expressions[i];
    if (x !== undefined) out += it.realm.toStr(yield* evalExpr(it, x, scope));
  }
  return out;
}

function* objectLiteral(it: Interpreter, e: ObjectExpression, scope: Scope): Eval<Value> {
  const obj = it.realm.object();
  for (const p of e.properties) {
    if (p.type === 'SpreadElement') {
      const src = yield* evalExpr(it, p.argument, scope);
      if (src instanceof JSArray) src.items.forEach((v, i) => (obj.props[String(i)] = v));
      else if (src instanceof JSObject) for (const k of Object.keys(src.props)) obj.props[k] = src.props[k];
      else if (typeof src === 'string') [...src].forEach((ch, i) => (obj.props[String(i)] = ch));
      continue;
    }
    const key = p.computed ? it.realm.key(yield* evalExpr(it, p.key, scope)) : p.key.type === 'Identifier' ? p.key.name : String((p.key as { value: unknown }).value);
    if (p.kind === 'get' || p.kind === 'set') {
      const fn = it.closure(p.value as never, scope, `${p.kind} ${it.realm.keyName(key)}`);
      fn.homeObject = obj;
      fn.isMethod = true;
      const existing = obj.props[key];
      const acc = existing instanceof Accessor ? existing : new Accessor(undefined, undefined);
      if (p.kind === 'get') acc.getter = fn;
      else acc.setter = fn;
      obj.props[key] = acc;
      continue;
    }
    let v = yield* evalExpr(it, p.value, scope);
    if (v instanceof Closure && v.name === '' && (p.value.type === 'FunctionExpression' || p.value.type === 'ArrowFunctionExpression' || p.value.type === 'ClassExpression')) v = it.rename(v, it.realm.keyName(key));
    if (p.method && v instanceof Closure) {
      v.homeObject = obj;
      v.isMethod = true;
    }
    if (key === '__proto__' && !p.computed && !p.shorthand && !p.method) {
      if (v instanceof JSObject || v === null) obj.proto = v;
      continue;
    }
    obj.props[key] = v;
  }
  return obj;
}

function* args(it: Interpreter, list: readonly (Expression | SpreadElement)[], scope: Scope): Eval<Value[]> {
  const out: Value[] = [];
  for (const a of list) {
    if (a.type === 'SpreadElement') out.push(...it.realm.iterate(yield* evalExpr(it, a.argument, scope), a));
    else out.push(yield* evalExpr(it, a, scope));
  }
  return out;
}

function* callExpr(it: Interpreter, e: CallExpression, scope: Scope): Eval<Value> {
  let fn: Value;
  let thisValue: Value = undefined;
  if (e.callee.type === 'Super') return superCall(it, scope, yield* args(it, e.arguments, scope), e);
  if (e.callee.type === 'MemberExpression') {
    const ref = yield* reference(it, e.callee, scope);
    thisValue = ref.base;
    fn = ref.get();
    if (!(fn instanceof JSFunction) && !e.optional) throw it.realm.error('TypeError', `${calleeText(it, e.callee)} is not a function`);
  } else {
    fn = yield* evalExpr(it, e.callee, scope);
    if (!(fn instanceof JSFunction) && !e.optional) throw it.realm.error('TypeError', `${calleeText(it, e.callee)} is not a function`);
  }
  if (e.optional && (fn === null || fn === undefined)) throw SHORT;
  const argv = yield* args(it, e.arguments, scope);
  if (!isLibrary(e)) {
    const line = position(e).line;
    it.line = line;
    const top = it.stack[it.stack.length - 1];
    if (top !== undefined) top.line = line;
  }
  return it.call(fn, thisValue, argv);
}

function calleeText(it: Interpreter, callee: Node): string {
  return it.realm.source.slice(callee.start, callee.end);
}

function* assignment(it: Interpreter, e: AssignmentExpression, scope: Scope): Eval<Value> {
  const op = e.operator;
  if (op === '=') {
    if (e.left.type === 'MemberExpression') {
      const ref = yield* reference(it, e.left, scope);
      const v = yield* evalExpr(it, e.right, scope);
      ref.set(v);
      return v;
    }
    let v = yield* evalExpr(it, e.right, scope);
    if (e.left.type === 'Identifier' && v instanceof Closure && v.name === '' && (e.right.type === 'FunctionExpression' || e.right.type === 'ArrowFunctionExpression')) v = it.rename(v, e.left.name);
    yield* assignTo(it, e.left, v, scope);
    return v;
  }
  if (e.left.type === 'MemberExpression') {
    const ref = yield* reference(it, e.left, scope);
    const v = yield* compound(it, op, ref.get(), e.right, scope, e);
    if (v.assign) ref.set(v.value);
    return v.value;
  }
  const old = yield* evalExpr(it, e.left as Expression, scope);
  const v = yield* compound(it, op, old, e.right, scope, e);
  if (v.assign) yield* assignTo(it, e.left, v.value, scope);
  return v.value;
}

function* compound(it: Interpreter, op: string, old: Value, right: Expression, scope: Scope, node: Node): Eval<{ value: Value; assign: boolean }> {
  if (op === '&&=') return truthy(old) ? { value: yield* evalExpr(it, right, scope), assign: true } : { value: old, assign: false };
  if (op === '||=') return truthy(old) ? { value: old, assign: false } : { value: yield* evalExpr(it, right, scope), assign: true };
  if (op === '??=') return old === null || old === undefined ? { value: yield* evalExpr(it, right, scope), assign: true } : { value: old, assign: false };
  const r = yield* evalExpr(it, right, scope);
  return { value: binary(it, op.slice(0, -1), old, r, node), assign: true };
}

// eslint-disable-next-line require-yield -- a generator like its callers, so they can yield* it
function* assignTo(it: Interpreter, target: Pattern, v: Value, scope: Scope): Eval<void> {
  if (target.type === 'Identifier') it.assign(target.name, v, scope, target);
  else it.bindPattern(target, v, scope, 'assign');
}

/** Binary operators over the subset's values. */
export function binary(it: Interpreter, op: string, l: Value, r: Value, node: Node): Value {
  switch (op) {
    case '===': return strictEquals(l, r);
    case '!==': return !strictEquals(l, r);
    case '==': return looseEquals(l, r);
    case '!=': return !looseEquals(l, r);
    case 'instanceof': return it.realm.instanceOf(l, r);
    case 'in': {
      if (!(r instanceof JSObject)) throw it.realm.error('TypeError', `Cannot use 'in' operator to search for '${toStr(l)}' in ${toStr(r)}`);
      return it.realm.has(r, it.realm.key(l));
    }
  }
  const a = toPrimitive(l);
  const b = toPrimitive(r);
  if (op === '+') {
    if (typeof a === 'string' || typeof b === 'string') return it.realm.toStr(l instanceof JSObject ? a : l) + it.realm.toStr(r instanceof JSObject ? b : r);
    return toNumber(a) + toNumber(b);
  }
  if (op === '<' || op === '>' || op === '<=' || op === '>=') {
    const x = typeof a === 'string' && typeof b === 'string' ? a : toNumber(a);
    const y = typeof a === 'string' && typeof b === 'string' ? b : toNumber(b);
    return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  switch (op) {
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
    case '**': return x ** y;
    case '&': return x & y;
    case '|': return x | y;
    case '^': return x ^ y;
    case '<<': return x << y;
    case '>>': return x >> y;
    case '>>>': return x >>> y;
  }
  return it.unsupported(node, `operator ${op}`);
}
