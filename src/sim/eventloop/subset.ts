/**
 * The documented subset, generated from the implementation itself: the syntax table the parser
 * checks (parse.ts), the globals a real run's scope holds, the methods on the realm's
 * prototypes, the modules `require` answers and what each exports, and what is refused by name.
 * README.md's list between the `eventloop-subset` markers is this text
 * (`npx tsx scripts/eventloopSubset.ts` rewrites it; subset.test.ts checks they match).
 */
import { NODE_MODULES } from './nodeModules';
import { NodeRuntime } from './nodeRuntime';
import { parseProgram, REFUSED_SYNTAX, SUPPORTED_SYNTAX } from './parse';
import { DEFAULT_LIMITS } from './loopBase';
import { DEFAULT_FS_OP_NS } from './run';
import { UNSUPPORTED_GLOBALS } from './expressions';
import { JSFunction, JSObject, isSymbolKey, type Value } from './values';

/** How the README names a supported ESTree node type (types not listed here are internal). */
const SYNTAX_WORDS: Readonly<Record<string, string>> = {
  VariableDeclaration: '`var`/`let`/`const`', FunctionDeclaration: 'functions', ArrowFunctionExpression: 'arrows',
  IfStatement: '`if`', ForStatement: '`for`', ForOfStatement: '`for…of`, `for await…of`', ForInStatement: '`for…in`',
  WhileStatement: '`while`', DoWhileStatement: '`do…while`', SwitchStatement: '`switch`', LabeledStatement: 'labelled `break`/`continue`',
  TryStatement: '`try/catch/finally`', ThrowStatement: '`throw`', TemplateLiteral: 'template literals', TaggedTemplateExpression: 'tagged templates',
  ArrayExpression: 'arrays (holes too)', ObjectExpression: 'objects (getters/setters, methods, computed keys, `__proto__`)',
  SpreadElement: 'spread', ObjectPattern: 'destructuring', AssignmentPattern: 'defaults', ChainExpression: '`?.`',
  AwaitExpression: '`async`/`await`', YieldExpression: 'generators and async generators (`yield`, `yield*` in sync generators)',
  ClassDeclaration: 'classes (fields, `#private` fields/methods/accessors, `static` and static blocks, getters/setters, `extends`/`super`, async and generator methods)',
  MetaProperty: '`new.target`', NewExpression: '`new` (classes, constructor functions, built-ins)',
};

function sortedKeys(o: JSObject | undefined | null): string[] {
  if (o === undefined || o === null) return [];
  return Object.keys(o.props)
    .filter((k) => !isSymbolKey(k) && k !== 'constructor' && k !== 'prototype')
    .sort();
}

/** The subset as README markdown. */
export function subsetMarkdown(): string {
  const rt = new NodeRuntime(DEFAULT_LIMITS, DEFAULT_FS_OP_NS);
  const source = "const lib = [require('events'), require('util'), require('timers/promises'), require('fs'), AbortController];\n";
  rt.run(parseProgram(source), source, '/program.js');
  const realm = rt.it.realm;
  const scope = rt.it.global;
  const globals = [...scope.vars.keys()].filter((k) => !k.startsWith('%') && k !== 'lib').sort();
  const g = (name: string): Value => scope.lookup(name)?.value;
  const line = (title: string, names: readonly string[]): string => `- ${title}: ${names.map((n) => `\`${n}\``).join(', ')}`;
  const protoOf = (name: string): JSObject | null => {
    const p = realm.get(g(name), 'prototype');
    return p instanceof JSObject ? p : null;
  };
  const statics = (name: string): string[] => {
    const v = g(name);
    return v instanceof JSFunction || v instanceof JSObject ? sortedKeys(v) : [];
  };
  const out: string[] = [];
  out.push(`- Syntax: ${SUPPORTED_SYNTAX.filter((t) => SYNTAX_WORDS[t] !== undefined).map((t) => SYNTAX_WORDS[t]).join(', ')}.`);
  out.push(line('Globals', globals));
  for (const name of ['Object', 'Array', 'Promise', 'Number', 'Symbol', 'Math', 'JSON']) if (statics(name).length > 0) out.push(line(`\`${name}.\``, statics(name)));
  for (const name of ['Array', 'String', 'Number', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef']) {
    const p = name === 'String' ? realm.stringProto : name === 'Number' ? realm.numberProto : protoOf(name);
    if (p !== null) out.push(line(`\`${name}.prototype.\``, sortedKeys(p)));
  }
  const req = realm.get(g('require'), 'name') === 'require' ? g('require') : undefined;
  for (const m of NODE_MODULES) {
    const exports = rt.it.call(req, undefined, [m]);
    const names = exports instanceof JSFunction ? [`${exports.name} (the module itself)`, ...sortedKeys(exports).filter((k) => exports.props[k] instanceof JSFunction || k === 'EventEmitter')] : exports instanceof JSObject ? sortedKeys(exports) : [];
    out.push(line(`\`require('${m}')\``, names));
  }
  out.push(line('Refused with the construct, line and column (syntax)', REFUSED_SYNTAX));
  out.push(line('Refused with the construct, line and column (globals)', [...UNSUPPORTED_GLOBALS].sort()));
  out.push('- `WeakMap`, `WeakSet` and `WeakRef` have no garbage collector behind them: a `WeakRef` always derefs to its target.');
  return `${out.join('\n')}\n`;
}

const START = '<!-- eventloop-subset:start -->';
const END = '<!-- eventloop-subset:end -->';

/** The README text between the markers (null when the markers are missing). */
export function subsetInReadme(readme: string): string | null {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a + START.length + 1, b);
}

/** The README with the list between the markers replaced. */
export function replaceSubset(readme: string, list: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${list}${readme.slice(b)}`;
}
