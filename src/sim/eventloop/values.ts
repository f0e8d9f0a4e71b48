/**
 * The interpreted program's values. Primitives are the host's own (number, string, boolean,
 * undefined, null); objects, arrays, functions and promises are instances of the classes below,
 * so the program can never reach a host object.
 */
import type { ArrowFunctionExpression, FunctionDeclaration, FunctionExpression } from 'acorn';

/** A value of the interpreted program. */
export type Value = undefined | null | boolean | number | string | JSObject;

/** A property bag with a prototype; key order is the host's (integer keys first, then insertion). */
export class JSObject {
  /** Own properties; created without a prototype so no host key can leak in. */
  readonly props: Record<string, Value> = Object.create(null) as Record<string, Value>;
  constructor(public proto: JSObject | null) {}
  /** What `console.log` calls it when it is not a plain object (`Timeout`, `Error`…). */
  className: string | null = null;
  /** `#private` fields and methods (a class's private names, by their source text). */
  privates: Map<string, Value> | null = null;
  /** Keys that are not enumerable (a class's `constructor`, a function's `prototype`…). */
  hidden: Set<string> | null = null;
  /** Host data of a built-in (a Map's entries, a generator's state…). */
  internal: unknown = null;
}

/** A getter/setter pair stored in place of a data property. Never reaches the program as a value. */
export class Accessor extends JSObject {
  constructor(
    public getter: JSFunction | undefined,
    public setter: JSFunction | undefined,
  ) {
    super(null);
  }
}

/** A symbol. Its property key is `\uD800@` + an id (keys starting with `\uD800@` are symbols, never strings). */
export class JSSymbol extends JSObject {
  constructor(
    readonly description: string | undefined,
    readonly key: string,
  ) {
    super(null);
  }
}

/** True for a key that stands for a symbol. */
export function isSymbolKey(k: string): boolean {
  return k.startsWith('\uD800@');
}

/** What a class constructor carries besides its body. */
export interface ClassInfo {
  readonly name: string;
  /** `extends` was given (the constructor must call super()). */
  readonly derived: boolean;
  /** No `constructor` in the body: the default one. */
  readonly defaultConstructor: boolean;
  /** Instance fields and private methods, in order, initialized on each new instance. */
  readonly fields: readonly { readonly key: string; readonly private: boolean; readonly init: ((thisValue: Value) => Value) | null; readonly method?: Value }[];
  /** Source text `class A extends B` shown by console.log. */
  readonly heritage: string | null;
}

/** An array; its elements live in a host array (holes are not supported). */
export class JSArray extends JSObject {
  constructor(
    proto: JSObject | null,
    readonly items: Value[],
  ) {
    super(proto);
  }
}

/** Something callable: a closure of the program or a built-in. */
export abstract class JSFunction extends JSObject {
  abstract readonly name: string;
  abstract readonly isAsync: boolean;
  /** How util.inspect shows it when it stands for a real engine's function (`[class A]`, `[AsyncFunction: f]`). */
  display: string | null = null;
}

/** A built-in function. `call` receives `this` and the arguments. */
export class NativeFunction extends JSFunction {
  readonly isAsync = false;
  constructor(
    proto: JSObject | null,
    readonly name: string,
    readonly call: (thisValue: Value, args: readonly Value[]) => Value,
    /** When set, `new` calls this instead of refusing. */
    readonly construct: ((args: readonly Value[]) => Value) | null = null,
  ) {
    super(proto);
  }
}

/** The AST of a function plus the scope it closed over. */
export class Closure extends JSFunction {
  /** The object whose prototype `super.x` reads (methods of classes and object literals). */
  homeObject: JSObject | null = null;
  /** Set on a class's constructor. */
  classInfo: ClassInfo | null = null;
  /** A method (no `prototype`, not a constructor). */
  isMethod = false;
  /** A class's source text (`String(C)` and the default constructor's position). */
  classSource: string | null = null;
  constructor(
    proto: JSObject | null,
    readonly name: string,
    readonly node: FunctionNode,
    readonly scope: Scope,
    /** Arrows keep the `this` of their definition. */
    readonly lexicalThis: Value | typeof NO_THIS,
  ) {
    super(proto);
  }
  get isAsync(): boolean {
    return this.node.async;
  }
  get isGenerator(): boolean {
    return this.node.generator;
  }
}

/** Marks a closure that takes `this` from its call. */
export const NO_THIS: unique symbol = Symbol('no-this');

/** A function node of acorn's AST. */
export type FunctionNode = FunctionDeclaration | FunctionExpression | ArrowFunctionExpression;

/** One variable. `initialized` is false inside the temporal dead zone of let/const. */
export interface Binding {
  value: Value;
  readonly mutable: boolean;
  initialized: boolean;
}

/** A lexical scope. */
export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null,
    /** Function (or program) scopes receive `var` declarations. */
    readonly isFunction: boolean,
  ) {}
  lookup(name: string): Binding | undefined {
    const b = this.vars.get(name);
    if (b !== undefined) return b;
    return this.parent === null ? undefined : this.parent.lookup(name);
  }
  declare(name: string, value: Value, mutable: boolean, initialized = true): void {
    this.vars.set(name, { value, mutable, initialized });
  }
  functionScope(): Scope {
    return this.isFunction || this.parent === null ? this : this.parent.functionScope();
  }
}

/** A thrown value of the program (what `throw` throws and `catch` receives). */
export class ThrowSignal {
  constructor(readonly value: Value) {}
}

/** The program used something outside the documented subset. */
export class UnsupportedError extends Error {
  constructor(
    readonly construct: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${construct} is not supported (line ${line}, column ${column})`);
  }
}

/** A generator's `return()` unwinding the body (finally blocks run, catch blocks do not). */
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

/** What a generator body yields out to its driver (an async function's `await` yields the bare value). */
export class YieldSignal {
  constructor(readonly value: Value) {}
}

/** The program ran past the interpreter's step budget (a runaway loop or recursion). */
export class BudgetError extends Error {}

/** `typeof v` as JavaScript answers it. */
export function typeOf(v: Value): string {
  if (v === null) return 'object';
  if (v instanceof JSFunction) return 'function';
  if (v instanceof JSSymbol) return 'symbol';
  if (v instanceof JSObject) return 'object';
  return typeof v;
}

/** ToBoolean. */
export function truthy(v: Value): boolean {
  return v instanceof JSObject ? true : Boolean(v);
}

/** ToNumber for the subset (objects: arrays of one number, else NaN). */
export function toNumber(v: Value): number {
  if (v instanceof JSObject) {
    const s = toPrimitiveString(v);
    return Number(s);
  }
  return Number(v);
}

/** ToString as `String(v)` and template literals do it. */
export function toStr(v: Value): string {
  if (v instanceof JSObject) return toPrimitiveString(v);
  return String(v);
}

function toPrimitiveString(o: JSObject): string {
  if (o instanceof JSSymbol) return `Symbol(${o.description ?? ''})`;
  if (o.className === 'RegExp' && o.internal instanceof RegExp) return String(o.internal);
  if (o instanceof JSArray) return o.items.map((x) => (x === null || x === undefined ? '' : toStr(x))).join(',');
  if (o instanceof JSFunction) return o instanceof Closure ? sourceOfClosure(o) : `function ${o.name}() { [native code] }`;
  if (o.className !== null && isErrorLike(o)) {
    const name = getOwnOrProto(o, 'name');
    const message = getOwnOrProto(o, 'message');
    const n = name === undefined ? 'Error' : toStr(name);
    const m = message === undefined ? '' : toStr(message);
    return m === '' ? n : n === '' ? m : `${n}: ${m}`;
  }
  if (o.className === 'Promise') return '[object Promise]';
  return '[object Object]';
}

/** Function source is only available to closures that were given it (see setSourceText). */
let sourceText = '';
/** Lets `String(fn)` print the function's source, as engines do. */
export function setSourceText(text: string): void {
  sourceText = text;
}
function sourceOfClosure(c: Closure): string {
  return sourceText.slice(c.node.start, c.node.end);
}

/** True for objects made by an Error constructor. */
export function isErrorLike(o: JSObject): boolean {
  for (let p: JSObject | null = o; p !== null; p = p.proto) if (p.className === 'ErrorPrototype') return true;
  return false;
}

/** A property along the prototype chain (no getters in the subset). */
export function getOwnOrProto(o: JSObject, key: string): Value {
  for (let p: JSObject | null = o; p !== null; p = p.proto) {
    if (key in p.props) {
      const v = p.props[key];
      return v instanceof Accessor ? undefined : v;
    }
  }
  return undefined;
}

/** Strict equality (===). */
export function strictEquals(a: Value, b: Value): boolean {
  return a === b;
}

/** Loose equality (==) for the subset's values. */
export function looseEquals(a: Value, b: Value): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const ao = a instanceof JSObject;
  const bo = b instanceof JSObject;
  if (ao && bo) return a === b;
  if (ao) return looseEquals(toPrimitive(a), b);
  if (bo) return looseEquals(a, toPrimitive(b));
  return a == b;
}

/** ToPrimitive with the default hint, for the subset. */
export function toPrimitive(v: Value): Exclude<Value, JSObject> {
  return v instanceof JSObject ? toPrimitiveString(v) : v;
}
