/**
 * Classes: the constructor is a closure carrying a ClassInfo (its instance fields, whether it
 * extends another), methods live on its prototype (non-enumerable), statics on the constructor,
 * `#private` members in each object's private map. `new` allocates (or, in a derived class,
 * lets super() allocate), initializes the fields in order, then runs the constructor's body.
 */
import type { ClassDeclaration, ClassExpression, Expression, FunctionExpression, MethodDefinition, Node, PropertyDefinition, StaticBlock } from 'acorn';
import { evalExpr, type Eval } from './expressions';
import { drive, type Interpreter } from './interpreter';
import { Accessor, Closure, NO_THIS, JSFunction, JSObject, Scope, type ClassInfo, type Value } from './values';

type ClassNode = ClassDeclaration | ClassExpression;
type Field = ClassInfo['fields'][number];

/** Evaluates a class declaration or expression to its constructor. */
export function* classValue(it: Interpreter, node: ClassNode, scope: Scope, name: string): Eval<Closure> {
  const realm = it.realm;
  const classScope = new Scope(scope, false);
  if (node.id) classScope.declare(node.id.name, undefined, false, false);
  let parent: Value = undefined;
  let protoParent: JSObject | null = realm.objectProto;
  if (node.superClass) {
    parent = yield* evalExpr(it, node.superClass, classScope);
    if (parent === null) {
      protoParent = null;
    } else {
      if (!(parent instanceof JSFunction)) throw realm.error('TypeError', `Class extends value ${realm.toStr(parent)} is not a constructor or null`);
      const pp = realm.get(parent, 'prototype');
      if (!(pp instanceof JSObject) && pp !== null) throw realm.error('TypeError', `Class extends value does not have valid prototype property ${realm.toStr(pp)}`);
      protoParent = pp;
    }
  }
  const proto = new JSObject(protoParent);
  const ctorDef = node.body.body.find((m): m is MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor');
  const fields: Field[] = [];
  const heritage = node.superClass ? `extends ${realm.source.slice(node.superClass.start, node.superClass.end)}` : null;
  const info: ClassInfo = { name, derived: node.superClass !== null && node.superClass !== undefined, defaultConstructor: ctorDef === undefined, fields, heritage };
  // The default constructor is represented by the class node itself (its body is never run).
  const ctorNode = (ctorDef?.value ?? { ...node, type: 'FunctionExpression', params: [], async: false, generator: false, body: { type: 'BlockStatement', body: [], start: node.start, end: node.end } }) as FunctionExpression;
  const ctor = new Closure(parent instanceof JSFunction ? parent : realm.functionProto, name, ctorNode, classScope, NO_THIS);
  ctor.classInfo = info;
  ctor.homeObject = proto;
  ctor.classSource = realm.source.slice(node.start, node.end);
  realm.defineHidden(ctor, 'prototype', proto);
  realm.defineHidden(proto, 'constructor', ctor);

  const statics: (() => Eval<void>)[] = [];
  const staticThis = new Scope(classScope, true);
  staticThis.declare('%this', ctor, false);
  staticThis.declare('%home', ctor, false);
  staticThis.declare('%newtarget', undefined, false);
  for (const m of node.body.body) {
    if (m.type === 'MethodDefinition') {
      if (m.kind === 'constructor') continue;
      const key = yield* memberName(it, m, classScope);
      const target = m.static ? ctor : proto;
      const fn = it.closure(m.value, classScope, m.kind === 'method' ? realm.keyName(key) : `${m.kind} ${realm.keyName(key)}`);
      fn.homeObject = target;
      fn.isMethod = true;
      const isPrivate = m.key.type === 'PrivateIdentifier';
      if (isPrivate && !m.static) {
        const prev = fields.find((f) => f.key === key && f.private);
        if (m.kind === 'method') fields.unshift({ key, private: true, init: null, method: fn });
        else if (prev !== undefined && prev.method instanceof Accessor) setAccessor(prev.method, m.kind, fn);
        else fields.unshift({ key, private: true, init: null, method: setAccessor(new Accessor(undefined, undefined), m.kind, fn) });
        continue;
      }
      const bag = isPrivate ? (ctor.privates ??= new Map()) : null;
      if (m.kind === 'method') {
        if (bag !== null) bag.set(key, fn);
        else realm.defineHidden(target, key, fn);
      } else {
        const existing = bag !== null ? bag.get(key) : target.props[key];
        const acc = existing instanceof Accessor ? existing : new Accessor(undefined, undefined);
        setAccessor(acc, m.kind, fn);
        if (bag !== null) bag.set(key, acc);
        else realm.defineHidden(target, key, acc);
      }
    } else if (m.type === 'PropertyDefinition') {
      const key = yield* memberName(it, m, classScope);
      const isPrivate = m.key.type === 'PrivateIdentifier';
      if (m.static) {
        statics.push(function* () {
          let v = m.value ? yield* evalExpr(it, m.value, staticThis) : undefined;
          v = named(it, v, m, key);
          if (isPrivate) (ctor.privates ??= new Map()).set(key, v);
          else ctor.props[key] = v;
        });
      } else {
        const valueNode = m.value ?? null;
        fields.push({
          key,
          private: isPrivate,
          init:
            valueNode === null
              ? null
              : (thisValue: Value) => {
                  const s = new Scope(classScope, true);
                  s.declare('%this', thisValue, false);
                  s.declare('%home', proto, false);
                  s.declare('%newtarget', undefined, false);
                  return named(it, drive(evalExpr(it, valueNode, s)), m, key);
                },
        });
      }
    } else {
      const block = m as StaticBlock;
      statics.push(function* () {
        const s = new Scope(staticThis, true);
        it.hoist(block.body, s, true);
        yield* it.statements(block.body, s);
      });
    }
  }
  if (node.id) {
    const b = classScope.vars.get(node.id.name);
    if (b !== undefined) {
      b.value = ctor;
      b.initialized = true;
    }
  }
  for (const s of statics) yield* s();
  return ctor;
}

function setAccessor(acc: Accessor, kind: string, fn: JSFunction): Accessor {
  if (kind === 'get') acc.getter = fn;
  else acc.setter = fn;
  return acc;
}

/** A field's anonymous function or class takes the field's name. */
function named(it: Interpreter, v: Value, m: PropertyDefinition, key: string): Value {
  if (v instanceof Closure && v.name === '' && m.value && (m.value.type === 'ArrowFunctionExpression' || m.value.type === 'FunctionExpression')) return it.rename(v, it.realm.keyName(key));
  return v;
}

function* memberName(it: Interpreter, m: MethodDefinition | PropertyDefinition, scope: Scope): Eval<string> {
  if (m.key.type === 'PrivateIdentifier') return `#${m.key.name}`;
  if (m.computed) return it.realm.key(yield* evalExpr(it, m.key as Expression, scope));
  if (m.key.type === 'Identifier') return m.key.name;
  return String((m.key as { value: unknown }).value);
}

/** Installs a class's instance fields (and private methods) on a new instance, in order. */
export function initializeFields(it: Interpreter, c: Closure, obj: Value): void {
  const info = c.classInfo;
  if (info === null || !(obj instanceof JSObject)) return;
  for (const f of info.fields) {
    if (f.private) {
      const m = (obj.privates ??= new Map());
      if (m.has(f.key) && f.method === undefined) throw it.realm.error('TypeError', `Cannot initialize ${f.key} twice on the same object`);
      if (f.method !== undefined) {
        m.set(f.key, f.method);
        continue;
      }
      m.set(f.key, f.init === null ? undefined : f.init(obj));
    } else {
      const v = f.init === null ? undefined : f.init(obj);
      it.realm.set(obj, f.key, v);
      if (obj.hidden !== null) obj.hidden.delete(f.key);
    }
  }
}

/** `new C(...args)` for a closure: a class, or an ordinary function used as a constructor. */
export function constructClosure(it: Interpreter, c: Closure, args: readonly Value[], node: Node, newTarget: Value): Value {
  const realm = it.realm;
  const info = c.classInfo;
  const allocate = (): JSObject => {
    const proto = realm.get(newTarget, 'prototype');
    return new JSObject(proto instanceof JSObject ? proto : realm.objectProto);
  };
  const derived = info !== null && info.derived;
  const frame = it.frameOf(c);
  const library = frame.name.endsWith('(node internals)');
  if (info !== null && info.defaultConstructor) {
    // The default constructor: (...args) { super(...args); } or nothing, then the fields.
    it.stack.push({ ...frame, name: `new ${frame.name}` });
    if (!library) it.host.step?.(`new ${frame.name}: the constructor runs`);
    try {
      let obj: Value;
      if (derived) {
        const parent = c.proto;
        if (!(parent instanceof JSFunction)) throw realm.error('TypeError', 'Super constructor null of anonymous class is not a constructor');
        obj = it.construct(parent, args, node, newTarget);
      } else {
        obj = allocate();
      }
      initializeFields(it, c, obj);
      return obj;
    } finally {
      it.stack.pop();
    }
  }
  const thisValue: Value = derived ? undefined : allocate();
  if (!derived) initializeFields(it, c, thisValue);
  it.stack.push({ ...frame, name: `new ${frame.name}` });
  if (!library) it.host.step?.(`new ${frame.name}: the constructor runs`);
  try {
    const scope = it.enterConstructor(c, thisValue, args, newTarget);
    const result = drive(it.body(c.node, scope));
    if (result instanceof JSObject) return result;
    if (derived && result !== undefined) throw realm.error('TypeError', 'Derived constructors may only return object or undefined');
    return it.thisOf(scope);
  } finally {
    it.stack.pop();
  }
}

/** `super(...args)` in a derived constructor: constructs the parent with this `new.target`, binds `this`, adds the fields. */
export function superCall(it: Interpreter, scope: Scope, args: readonly Value[], node: Node): Value {
  const fn = scope.lookup('%fn')?.value;
  const newTarget = scope.lookup('%newtarget')?.value;
  if (!(fn instanceof Closure) || fn.classInfo === null) return it.unsupported(node, "'super' keyword unexpected here");
  const parent = fn.proto;
  if (!(parent instanceof JSFunction)) throw it.realm.error('TypeError', 'Super constructor null of anonymous class is not a constructor');
  const obj = it.construct(parent, args, node, newTarget);
  const b = scope.lookup('%this');
  if (b === undefined) return it.unsupported(node, "'super' keyword unexpected here");
  if (b.initialized) throw it.realm.error('ReferenceError', 'Super constructor may only be called once');
  b.value = obj;
  b.initialized = true;
  initializeFields(it, fn, obj);
  return undefined;
}
