/**
 * Parses a program with acorn (as a CommonJS script: no `import`, top-level `await` refused)
 * and checks it against the documented subset, so that anything the interpreter would get
 * wrong is refused up front with the construct, line and column.
 */
import { parse as acornParse, type Node, type Program } from 'acorn';
import { UnsupportedError } from './values';

/** Node types the interpreter evaluates. */
const SUPPORTED = new Set([
  'Program', 'ExpressionStatement', 'BlockStatement', 'EmptyStatement', 'VariableDeclaration', 'VariableDeclarator',
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ReturnStatement', 'IfStatement',
  'ForStatement', 'ForOfStatement', 'ForInStatement', 'WhileStatement', 'DoWhileStatement', 'BreakStatement',
  'ContinueStatement', 'ThrowStatement', 'TryStatement', 'CatchClause', 'SwitchStatement', 'SwitchCase',
  'Identifier', 'Literal', 'TemplateLiteral', 'TemplateElement', 'ArrayExpression', 'ObjectExpression', 'Property',
  'SpreadElement', 'RestElement', 'ArrayPattern', 'ObjectPattern', 'AssignmentPattern', 'UnaryExpression',
  'UpdateExpression', 'BinaryExpression', 'LogicalExpression', 'AssignmentExpression', 'ConditionalExpression',
  'CallExpression', 'NewExpression', 'MemberExpression', 'ChainExpression', 'SequenceExpression', 'AwaitExpression',
  'ThisExpression', 'ParenthesizedExpression',
  'ClassDeclaration', 'ClassExpression', 'ClassBody', 'MethodDefinition', 'PropertyDefinition', 'PrivateIdentifier',
  'StaticBlock', 'Super', 'MetaProperty', 'YieldExpression', 'LabeledStatement', 'TaggedTemplateExpression',
]);

/** The supported ESTree node types (the README's subset list is generated from this). */
export const SUPPORTED_SYNTAX: readonly string[] = [...SUPPORTED];

/** How the error names a node type nobody types by its ESTree name. */
const NAMES: Record<string, string> = {
  ClassDeclaration: 'class declaration', ClassExpression: 'class expression', YieldExpression: 'yield',
  LabeledStatement: 'labeled statement', WithStatement: 'with statement', DebuggerStatement: 'debugger statement',
  TaggedTemplateExpression: 'tagged template', ImportExpression: 'import()', MetaProperty: 'new.target / import.meta',
  ImportDeclaration: 'import declaration', ExportNamedDeclaration: 'export', ExportDefaultDeclaration: 'export',
  Super: 'super', PrivateIdentifier: 'private field', StaticBlock: 'static block',
};

/** What the checker refuses by name (the README lists it). */
export const REFUSED_SYNTAX: readonly string[] = [
  ...Object.entries(NAMES)
    .filter(([type]) => !SUPPORTED.has(type))
    .map(([, name]) => name),
  'BigInt literal',
  'import.meta',
  'yield* in an async generator',
].filter((v, i, a) => a.indexOf(v) === i);

/** A syntax error of the program, with its position (1-based line and column). */
export class ProgramSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`SyntaxError: ${message} (line ${line}, column ${column})`);
  }
}

type Located = Node & { loc: { start: { line: number; column: number } } };

/** Parses and checks a program. Throws ProgramSyntaxError or UnsupportedError. */
export function parseProgram(source: string): Program {
  let program: Program;
  try {
    program = acornParse(source, { ecmaVersion: 2023, sourceType: 'script', locations: true, allowHashBang: true });
  } catch (e) {
    const err = e as { message: string; loc?: { line: number; column: number } };
    const loc = err.loc ?? { line: 1, column: 0 };
    throw new ProgramSyntaxError(err.message.replace(/\s*\(\d+:\d+\)$/, ''), loc.line, loc.column + 1);
  }
  check(program);
  return program;
}

function unsupported(node: Node, what: string): never {
  const loc = (node as Located).loc.start;
  throw new UnsupportedError(what, loc.line, loc.column + 1);
}

let inAsyncGenerator = false;

function check(node: Node): void {
  const isFunction = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
  if (isFunction) {
    const f = node as unknown as { async: boolean; generator: boolean };
    const outer = inAsyncGenerator;
    inAsyncGenerator = f.async && f.generator;
    try {
      checkNode(node);
    } finally {
      inAsyncGenerator = outer;
    }
    return;
  }
  checkNode(node);
}

function checkNode(node: Node): void {
  if (!SUPPORTED.has(node.type)) unsupported(node, NAMES[node.type] ?? node.type);
  const n = node as unknown as Record<string, unknown>;
  if (node.type === 'MetaProperty' && (n.meta as { name: string }).name !== 'new') unsupported(node, 'import.meta');
  if (node.type === 'YieldExpression' && n.delegate === true && inAsyncGenerator) unsupported(node, 'yield* in an async generator');
  if (node.type === 'Literal' && n.bigint !== undefined) unsupported(node, 'BigInt literal');
  if (node.type === 'VariableDeclaration' && n.kind !== 'var' && n.kind !== 'let' && n.kind !== 'const') unsupported(node, String(n.kind));
  for (const key of Object.keys(n)) {
    if (key === 'loc') continue;
    const child = n[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c !== null && typeof c === 'object' && typeof (c as Node).type === 'string') check(c as Node);
    } else if (child !== null && typeof child === 'object' && typeof (child as Node).type === 'string') {
      check(child as Node);
    }
  }
}

/** The file name library nodes carry (Node's own modules, run by the interpreter). */
export const LIBRARY_SOURCE = 'node:lib';

/** Parses Node's library source (trusted: no subset check); its nodes are marked as library code. */
export function parseLibrary(source: string): Program {
  return acornParse(source, { ecmaVersion: 2023, sourceType: 'script', locations: true, sourceFile: LIBRARY_SOURCE });
}

/** True for a node of the library (its lines are not the program's). */
export function isLibrary(node: Node): boolean {
  return (node as Located & { loc: { source?: string } }).loc.source === LIBRARY_SOURCE;
}

/** 1-based line and column of a node. */
export function position(node: Node): { line: number; column: number } {
  const loc = (node as Located).loc.start;
  return { line: loc.line, column: loc.column + 1 };
}
