/**
 * A tree-walking interpreter of the documented subset. Evaluation is written with generators:
 * an `await` yields the awaited value out of the async function's body, and the function
 * resumes when the promise reaction job calls it back — so `await` suspends exactly where
 * the spec says, inside any expression, loop or try/finally. Sync functions never yield, so a
 * call of one is an ordinary host call.
 */
import type { BlockStatement, Node, Pattern, Program, Statement, SwitchStatement, TryStatement, VariableDeclaration } from 'acorn';
import { evalExpr, type Eval } from './expressions';
import { loops } from './loops';
import { patternNames, varNames } from './names';
import { isLibrary, position } from './parse';
import type { JSPromise, JobLabel } from './promise';
import { Realm } from './realm';
import { BudgetError, Closure, JSArray, JSFunction, JSObject, NativeFunction, NO_THIS, ReturnSignal, Scope, ThrowSignal, UnsupportedError, YieldSignal, strictEquals, truthy, type FunctionNode, type Value } from './values';
import { classValue, constructClosure } from './classes';
import { installGenerators, makeAsyncGenerator, makeGenerator } from './generators';

/** A statement's completion (normal completion is `undefined`). */
export type Completion = undefined | { readonly t: 'return'; readonly v: Value } | { readonly t: 'break' | 'continue'; readonly label?: string };

/** One frame of the program's call stack (for the trace). */
export interface Frame {
  readonly name: string;
  line: number;
}

/** What the interpreter needs from the runtime around it. */
export interface InterpreterHost {
  enqueueJob(job: () => void, label: JobLabel): void;
  track(promise: JSPromise, operation: 'reject' | 'handle'): void;
  /** Records a step inside a callback (optional: a throwaway interpreter has no trace). */
  step?(label: string): void;
}

/** Interpreter limits. */
export interface InterpreterLimits {
  /** Evaluation steps (statements + calls) before the run is stopped as a runaway. */
  readonly maxSteps: number;
  /** Call depth at which a RangeError is thrown, as engines do. */
  readonly maxDepth: number;
}

/** The interpreter of one program run. */
export class Interpreter {
  readonly realm: Realm;
  readonly global = new Scope(null, true);
  readonly stack: Frame[] = [];
  /** Suspended functions (async functions at an await, generators at a yield), drawn parked beside the stack. */
  readonly parked = new Map<object, string>();
  /** Line of the statement being evaluated (1-based), for the trace. */
  line = 0;
  steps = 0;

  constructor(
    readonly host: InterpreterHost,
    readonly limits: InterpreterLimits,
  ) {
    this.realm = new Realm(this);
    installGenerators(this);
  }

  park(key: object, label: string): void {
    this.parked.set(key, label);
  }
  unpark(key: object): void {
    this.parked.delete(key);
  }

  /** Counts one step; past the budget the run stops (not catchable by the program). */
  tick(): void {
    if (++this.steps > this.limits.maxSteps) throw new BudgetError(`the program ran more than ${this.limits.maxSteps.toLocaleString('en-US')} steps (an infinite loop?)`);
  }

  /** Runs the program's top level (a CommonJS script body). Throws ThrowSignal if it throws. */
  runProgram(program: Program, scope: Scope): void {
    this.hoist(program.body as Statement[], scope, true);
    this.stack.push({ name: '(main)', line: 1 });
    try {
      const c = drive(this.statements(program.body as Statement[], scope));
      if (c !== undefined && c.t === 'return') return;
    } finally {
      this.stack.pop();
    }
  }

  /** Calls a function synchronously. A program throw comes back as ThrowSignal. */
  call(fn: Value, thisValue: Value, args: readonly Value[]): Value {
    if (!(fn instanceof JSFunction)) throw this.realm.error('TypeError', `${describeCallee(fn)} is not a function`);
    this.tick();
    if (fn instanceof NativeFunction) return fn.call(thisValue, args);
    const c = fn as Closure;
    if (c.classInfo !== null) throw this.realm.error('TypeError', `Class constructor ${c.name} cannot be invoked without 'new'`);
    return this.callClosure(c, thisValue, args, undefined);
  }

  /** Calls a closure with `new.target` (undefined for a plain call). */
  callClosure(c: Closure, thisValue: Value, args: readonly Value[], newTarget: Value): Value {
    if (this.stack.length >= this.limits.maxDepth) throw this.realm.error('RangeError', 'Maximum call stack size exceeded');
    const scope = this.enter(c, thisValue, args, newTarget);
    if (c.isGenerator) return c.isAsync ? makeAsyncGenerator(this, c, this.body(c.node, scope)) : makeGenerator(this, c, this.body(c.node, scope));
    if (c.isAsync) return this.startAsync(c, scope);
    this.stack.push(this.frameOf(c));
    try {
      return drive(this.body(c.node, scope));
    } catch (e) {
      // JavaScript's own length limits pass up unchanged (the loop turns them into a budget stop).
      if (e instanceof RangeError && !(e instanceof BudgetError) && !/^Invalid (string|array|typed array) length/.test(e.message)) throw this.realm.error('RangeError', 'Maximum call stack size exceeded');
      throw e;
    } finally {
      this.stack.pop();
    }
  }

  /** `new F(...args)`; `newTarget` is the class `new` named (a subclass when called through super()). */
  construct(fn: Value, args: readonly Value[], node: Node, newTarget: Value = fn): Value {
    if (fn instanceof NativeFunction && fn.construct !== null) {
      const made = fn.construct(args);
      if (newTarget !== fn && made instanceof JSObject) {
        const proto = this.realm.get(newTarget, 'prototype');
        if (proto instanceof JSObject) made.proto = proto;
      }
      return made;
    }
    if (fn instanceof Closure && fn.node.type !== 'ArrowFunctionExpression' && !fn.isMethod && !fn.isAsync && !fn.isGenerator) return constructClosure(this, fn, args, node, newTarget);
    throw this.realm.error('TypeError', `${describeCallee(fn)} is not a constructor`);
  }

  /** An async function: runs until its first await, returns its promise. */
  private startAsync(c: Closure, scope: Scope): Value {
    const cap = this.realm.promises.capability();
    const gen = this.body(c.node, scope);
    const name = c.name === '' ? '(async anonymous)' : this.frameOf(c).name;
    const line = position(c.node).line;
    const key = {};
    let frame: Frame = { name, line: this.line };
    const resume = (mode: 'next' | 'throw', value: Value): void => {
      this.unpark(key);
      frame = { name, line: this.line };
      this.stack.push(frame);
      let r: IteratorResult<Value | YieldSignal, Value>;
      try {
        r = mode === 'next' ? gen.next(value) : gen.throw(new ThrowSignal(value));
      } catch (e) {
        if (e instanceof ThrowSignal) {
          cap.reject(e.value);
          return;
        }
        throw e;
      } finally {
        this.stack.pop();
      }
      if (r.done === true) {
        cap.resolve(r.value);
        return;
      }
      const awaited = this.realm.promises.promiseResolve(r.value as Value);
      const at = frame.line;
      this.park(key, `${name} (awaiting, line ${at})`);
      this.realm.promises.performThen(
        awaited,
        this.realm.native('', (_t, a) => (resume('next', a[0]), undefined)),
        this.realm.native('', (_t, a) => (resume('throw', a[0]), undefined)),
        null,
        { label: `resume ${name} after await`, line: at },
      );
    };
    resume('next', undefined);
    void line;
    return cap.promise;
  }

  /** A call's frame: the function's name and line (Node's own functions: named by module, at the caller's line). */
  frameOf(c: Closure): Frame {
    if (isLibrary(c.node)) return { name: `${c.name === '' ? '(anonymous)' : c.name} (node internals)`, line: this.line };
    return { name: c.name === '' ? '(anonymous)' : qualifiedName(c), line: position(c.node).line };
  }

  /** Creates the call's scope and binds `this` and the parameters. */
  private enter(c: Closure, thisValue: Value, args: readonly Value[], newTarget: Value): Scope {
    const scope = new Scope(c.scope, true);
    if (c.lexicalThis === NO_THIS) {
      // A derived constructor's `this` exists only after super() (the TDZ says so).
      const derivedCtor = c.classInfo !== null && c.classInfo.derived;
      scope.declare('%this', thisValue, true, !derivedCtor);
      scope.declare('%newtarget', newTarget, false);
      scope.declare('%fn', c, false);
      if (c.homeObject !== null) scope.declare('%home', c.homeObject, false);
      if (c.isGenerator && c.isAsync) scope.declare('%asyncgen', true, false);
      else if (c.isGenerator || c.isAsync || c.node.type !== 'ArrowFunctionExpression') scope.declare('%asyncgen', false, false);
    }
    const node = c.node;
    if (node.type === 'FunctionExpression' && node.id && c.name === node.id.name) scope.declare(node.id.name, c, false);
    node.params.forEach((p, i) => {
      if (p.type === 'RestElement') this.bindPattern(p.argument, this.realm.array(args.slice(i)), scope, 'let');
      else this.bindPattern(p, args[i], scope, 'let');
    });
    if (node.body.type === 'BlockStatement') this.hoist(node.body.body, scope, true);
    return scope;
  }

  /** Evaluates a function's body in a prepared scope (class constructors use it). */
  *body(node: FunctionNode, scope: Scope): Eval<Value> {
    if (node.body.type !== 'BlockStatement') return yield* evalExpr(this, node.body, scope);
    const c = yield* this.statements(node.body.body, scope);
    return c !== undefined && c.t === 'return' ? c.v : undefined;
  }

  /** Binds `var` (when `functionLevel`), let/const (uninitialized) and function declarations. */
  hoist(body: readonly Node[], scope: Scope, functionLevel: boolean): void {
    if (functionLevel) for (const name of varNames(body)) if (!scope.vars.has(name)) scope.declare(name, undefined, true);
    for (const s of body) {
      if (s.type === 'VariableDeclaration' && (s as VariableDeclaration).kind !== 'var') {
        const d = s as VariableDeclaration;
        for (const decl of d.declarations) for (const name of patternNames(decl.id)) scope.declare(name, undefined, d.kind === 'let', false);
      } else if (s.type === 'ClassDeclaration') {
        const name = (s as unknown as { id: { name: string } }).id.name;
        scope.declare(name, undefined, true, false);
      } else if (s.type === 'FunctionDeclaration') {
        const f = s as FunctionNode & { id: { name: string } };
        scope.declare(f.id.name, this.closure(f, scope, f.id.name), true);
      }
    }
  }

  /** A closure of a function node. */
  closure(node: FunctionNode, scope: Scope, name: string): Closure {
    // An arrow finds `this` in the scopes around it (the marker only says it declares none).
    const lexicalThis = node.type === 'ArrowFunctionExpression' ? undefined : NO_THIS;
    return new Closure(this.realm.functionProto, node.id?.name ?? name, node, scope, lexicalThis);
  }

  /** `this` in a scope: the nearest non-arrow function's receiver, else undefined... or `module.exports` at top level. */
  thisOf(scope: Scope): Value {
    const b = scope.lookup('%this');
    if (b !== undefined && !b.initialized) throw this.realm.error('ReferenceError', "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    return b === undefined ? undefined : b.value;
  }

  /** Prepares a class constructor's call (its `this`, `new.target`, parameters). */
  enterConstructor(c: Closure, thisValue: Value, args: readonly Value[], newTarget: Value): Scope {
    return this.enter(c, thisValue, args, newTarget);
  }

  /** Binds a pattern (identifier, array or object destructuring, defaults). */
  bindPattern(p: Pattern, value: Value, scope: Scope, kind: 'var' | 'let' | 'const' | 'assign'): void {
    switch (p.type) {
      case 'Identifier': {
        if (kind === 'assign' || kind === 'var') {
          this.assign(p.name, value, scope, p);
        } else {
          scope.declare(p.name, value, kind === 'let');
        }
        return;
      }
      case 'AssignmentPattern': {
        const v = value === undefined ? drive(evalExpr(this, p.right, scope)) : value;
        if (value === undefined && p.left.type === 'Identifier' && v instanceof Closure && v.name === '') this.bindPattern(p.left, this.rename(v, p.left.name), scope, kind);
        else this.bindPattern(p.left, v, scope, kind);
        return;
      }
      case 'ArrayPattern': {
        // Takes only as many values as there are elements (then closes the iterator), unless a rest takes them all.
        const hasRest = p.elements.some((el) => el !== null && el.type === 'RestElement');
        const items = this.realm.iterate(value, p, hasRest ? Infinity : p.elements.length);
        p.elements.forEach((el, i) => {
          if (el === null) return;
          if (el.type === 'RestElement') this.bindPattern(el.argument, this.realm.array(items.slice(i)), scope, kind);
          else this.bindPattern(el, items[i], scope, kind);
        });
        return;
      }
      case 'ObjectPattern': {
        if (value === null || value === undefined) throw this.realm.error('TypeError', `Cannot destructure '${String(value)}' as it is ${String(value)}.`);
        const used: string[] = [];
        for (const prop of p.properties) {
          if (prop.type === 'RestElement') {
            const rest = this.realm.object();
            if (value instanceof JSObject) for (const k of Object.keys(value.props)) if (!used.includes(k)) rest.props[k] = value.props[k];
            this.bindPattern(prop.argument, rest, scope, kind);
            continue;
          }
          const key = prop.computed ? this.realm.key(drive(evalExpr(this, prop.key, scope))) : prop.key.type === 'Identifier' ? prop.key.name : String((prop.key as { value: unknown }).value);
          used.push(key);
          this.bindPattern(prop.value as Pattern, this.realm.get(value, key), scope, kind);
        }
        return;
      }
      case 'MemberExpression': {
        const obj = drive(evalExpr(this, p.object as Node, scope));
        const key = p.computed ? this.realm.key(drive(evalExpr(this, p.property as Node, scope))) : (p.property as { name: string }).name;
        this.realm.set(obj, key, value);
        return;
      }
      default:
        this.unsupported(p, p.type);
    }
  }

  /** A copy of an anonymous closure that carries an inferred name. */
  rename(c: Closure, name: string): Closure {
    if (c.classInfo !== null) return c;
    const r = new Closure(c.proto, name, c.node, c.scope, c.lexicalThis);
    r.homeObject = c.homeObject;
    r.isMethod = c.isMethod;
    return r;
  }

  /** Assignment to an identifier (sloppy mode: an undeclared name becomes a global). */
  assign(name: string, value: Value, scope: Scope, node: Node): void {
    const b = scope.lookup(name);
    if (b === undefined) {
      this.global.declare(name, value, true);
      return;
    }
    if (!b.initialized) throw this.realm.error('ReferenceError', `Cannot access '${name}' before initialization`);
    if (!b.mutable) throw this.realm.error('TypeError', 'Assignment to constant variable.');
    b.value = value;
    void node;
  }

  unsupported(node: Node, what: string): never {
    const p = position(node);
    throw new UnsupportedError(what, p.line, p.column);
  }

  *statements(body: readonly Node[], scope: Scope): Eval<Completion> {
    for (const s of body) {
      const c = yield* this.statement(s, scope);
      if (c !== undefined) return c;
    }
    return undefined;
  }

  *block(node: BlockStatement, scope: Scope): Eval<Completion> {
    const inner = new Scope(scope, false);
    this.hoist(node.body, inner, false);
    return yield* this.statements(node.body, inner);
  }

  *statement(node: Node, scope: Scope): Eval<Completion> {
    this.tick();
    if (!isLibrary(node)) {
      this.line = position(node).line;
      const top = this.stack[this.stack.length - 1];
      if (top !== undefined) top.line = this.line;
    }
    const s = node as Statement;
    switch (s.type) {
      case 'ExpressionStatement':
        yield* evalExpr(this, s.expression, scope);
        return undefined;
      case 'VariableDeclaration':
        for (const d of s.declarations) {
          if (d.init === null || d.init === undefined) {
            if (s.kind !== 'var') this.bindPattern(d.id, undefined, scope, s.kind as 'let');
            continue;
          }
          let v = yield* evalExpr(this, d.init, scope);
          if (d.id.type === 'Identifier' && v instanceof Closure && v.name === '' && d.init.type !== 'CallExpression') v = this.rename(v, d.id.name);
          this.bindPattern(d.id, v, scope, s.kind as 'var' | 'let' | 'const');
        }
        return undefined;
      case 'FunctionDeclaration':
      case 'EmptyStatement':
        return undefined;
      case 'ClassDeclaration': {
        const cls = yield* classValue(this, s, scope, s.id?.name ?? '');
        const b = scope.vars.get(s.id?.name ?? '');
        if (b !== undefined) {
          b.value = cls;
          b.initialized = true;
        }
        return undefined;
      }
      case 'LabeledStatement': {
        const labels: string[] = [];
        let body: Node = s;
        while (body.type === 'LabeledStatement') {
          labels.push((body as unknown as { label: { name: string } }).label.name);
          body = (body as unknown as { body: Node }).body;
        }
        const isLoop = /^(While|DoWhile|For|ForOf|ForIn)Statement$/.test(body.type);
        const c = isLoop ? yield* loops(this, body as never, scope, labels) : yield* this.statement(body, scope);
        if (c !== undefined && c.t === 'break' && c.label !== undefined && labels.includes(c.label)) return undefined;
        return c;
      }
      case 'BlockStatement':
        return yield* this.block(s, scope);
      case 'ReturnStatement': {
        let v = s.argument ? yield* evalExpr(this, s.argument, scope) : undefined;
        // `return x` in an async generator awaits x.
        if (scope.lookup('%asyncgen')?.value === true) v = yield v;
        return { t: 'return', v };
      }
      case 'IfStatement':
        if (truthy(yield* evalExpr(this, s.test, scope))) return yield* this.statement(s.consequent, scope);
        return s.alternate ? yield* this.statement(s.alternate, scope) : undefined;
      case 'ThrowStatement':
        throw new ThrowSignal(yield* evalExpr(this, s.argument, scope));
      case 'TryStatement':
        return yield* this.tryStatement(s, scope);
      case 'BreakStatement':
      case 'ContinueStatement':
        return { t: s.type === 'BreakStatement' ? 'break' : 'continue', ...(s.label ? { label: s.label.name } : {}) };
      case 'SwitchStatement':
        return yield* this.switchStatement(s, scope);
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForOfStatement':
      case 'ForInStatement':
        return yield* loops(this, s, scope);
      default:
        return this.unsupported(s, s.type);
    }
  }

  private *tryStatement(s: TryStatement, scope: Scope): Eval<Completion> {
    let completion: Completion;
    let thrown: ThrowSignal | null = null;
    try {
      completion = yield* this.block(s.block, scope);
    } catch (e) {
      if (e instanceof ReturnSignal) {
        // A generator's return(): finally blocks run (and may override it), catch blocks do not.
        if (s.finalizer) {
          const f = yield* this.block(s.finalizer, scope);
          if (f !== undefined) return f;
        }
        throw e;
      }
      if (!(e instanceof ThrowSignal)) throw e;
      thrown = e;
    }
    if (thrown !== null && s.handler) {
      const caught = thrown;
      thrown = null;
      const catchScope = new Scope(scope, false);
      if (s.handler.param) this.bindPattern(s.handler.param, caught.value, catchScope, 'let');
      try {
        completion = yield* this.block(s.handler.body, catchScope);
      } catch (e) {
        if (e instanceof ReturnSignal && s.finalizer) {
          const f = yield* this.block(s.finalizer, scope);
          if (f !== undefined) return f;
        }
        if (!(e instanceof ThrowSignal)) throw e;
        thrown = e;
      }
    }
    if (s.finalizer) {
      const f = yield* this.block(s.finalizer, scope);
      if (f !== undefined) return f;
    }
    if (thrown !== null) throw thrown;
    return completion;
  }

  private *switchStatement(s: SwitchStatement, scope: Scope): Eval<Completion> {
    const d = yield* evalExpr(this, s.discriminant, scope);
    const inner = new Scope(scope, false);
    for (const c of s.cases) this.hoist(c.consequent, inner, false);
    let start = -1;
    for (let i = 0; i < s.cases.length && start < 0; i++) {
      const test = s.cases[i]?.test;
      if (test && strictEquals(d, yield* evalExpr(this, test, inner))) start = i;
    }
    if (start < 0) start = s.cases.findIndex((c) => !c.test);
    if (start < 0) return undefined;
    for (let i = start; i < s.cases.length; i++) {
      const c = yield* this.statements(s.cases[i]?.consequent ?? [], inner);
      if (c !== undefined) return c.t === 'break' && c.label === undefined ? undefined : c;
    }
    return undefined;
  }
}

/** A class method's name as V8's stack traces give it: `Account.deposit` (the function's own name otherwise). */
function qualifiedName(c: Closure): string {
  const home = c.homeObject;
  if (home === null || c.classInfo !== null) return c.name;
  const ctor = home instanceof Closure && home.classInfo !== null ? home : home.props.constructor;
  return ctor instanceof Closure && ctor.classInfo !== null && ctor.name !== '' ? `${ctor.name}.${c.name}` : c.name;
}

/** Runs a generator that must not suspend (the body of a sync function). */
export function drive<T>(gen: Eval<T>): T {
  const r = gen.next();
  if (r.done !== true) throw new Error('internal: await or yield outside an async function or generator');
  return r.value;
}

function describeCallee(v: Value): string {
  if (v instanceof JSArray) return 'object';
  if (v instanceof JSObject) return 'object';
  return typeof v === 'string' ? `"${v}"` : String(v);
}
