/**
 * Loops: while, do-while, for (with a fresh binding per iteration for `let`, so closures
 * created in the body see that iteration's value), for-of over arrays and strings, for-in.
 */
import type { DoWhileStatement, ForInStatement, ForOfStatement, ForStatement, Node, Pattern, VariableDeclaration, WhileStatement } from 'acorn';
import { evalExpr, type Eval } from './expressions';
import type { Completion, Interpreter } from './interpreter';
import { patternNames } from './names';
import { JSArray, JSObject, Scope, truthy, type Value } from './values';

type Loop = WhileStatement | DoWhileStatement | ForStatement | ForOfStatement | ForInStatement;

/** Evaluates a loop statement. */
export function* loops(it: Interpreter, s: Loop, scope: Scope): Eval<Completion> {
  switch (s.type) {
    case 'WhileStatement':
      while (truthy(yield* evalExpr(it, s.test, scope))) {
        it.tick();
        const c = yield* it.statement(s.body, scope);
        if (c !== undefined && c.t !== 'continue') return c.t === 'break' ? undefined : c;
      }
      return undefined;
    case 'DoWhileStatement':
      do {
        it.tick();
        const c = yield* it.statement(s.body, scope);
        if (c !== undefined && c.t !== 'continue') return c.t === 'break' ? undefined : c;
      } while (truthy(yield* evalExpr(it, s.test, scope)));
      return undefined;
    case 'ForStatement':
      return yield* forLoop(it, s, scope);
    default:
      return yield* forEach(it, s, scope);
  }
}

function* forLoop(it: Interpreter, s: ForStatement, scope: Scope): Eval<Completion> {
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
    const c = yield* it.statement(s.body, loopScope);
    if (c !== undefined && c.t !== 'continue') return c.t === 'break' ? undefined : c;
    copy();
    if (s.update) yield* evalExpr(it, s.update, loopScope);
  }
}

function* forEach(it: Interpreter, s: ForOfStatement | ForInStatement, scope: Scope): Eval<Completion> {
  const subject: Value = yield* evalExpr(it, s.right, scope);
  let items: Value[];
  if (s.type === 'ForOfStatement') {
    items = subject instanceof JSArray ? subject.items : it.realm.iterate(subject, s.right);
  } else {
    items = subject instanceof JSArray ? subject.items.map((_, i) => String(i)) : subject instanceof JSObject ? Object.keys(subject.props) : typeof subject === 'string' ? [...subject].map((_, i) => String(i)) : [];
  }
  const left = s.left as Node;
  for (let i = 0; i < items.length; i++) {
    it.tick();
    const iterScope = new Scope(scope, false);
    const value = items[i];
    if (left.type === 'VariableDeclaration') {
      const d = left as VariableDeclaration;
      it.bindPattern((d.declarations[0] as { id: Pattern }).id, value, d.kind === 'var' ? scope : iterScope, d.kind === 'var' ? 'var' : (d.kind as 'let' | 'const'));
    } else {
      it.bindPattern(left as Pattern, value, scope, 'assign');
    }
    const c = yield* it.statement(s.body, iterScope);
    if (c !== undefined && c.t !== 'continue') return c.t === 'break' ? undefined : c;
  }
  return undefined;
}
