/** The names declarations bind, for hoisting: a pattern's identifiers, a body's `var`s. */
import type { Node, Pattern, VariableDeclaration } from 'acorn';

/** Names a pattern binds. */
export function patternNames(p: Node | null): string[] {
  if (p === null) return [];
  const n = p as Pattern;
  switch (n.type) {
    case 'Identifier':
      return [n.name];
    case 'AssignmentPattern':
      return patternNames(n.left);
    case 'RestElement':
      return patternNames(n.argument);
    case 'ArrayPattern':
      return n.elements.flatMap((e) => patternNames(e));
    case 'ObjectPattern':
      return n.properties.flatMap((q) => patternNames(q.type === 'RestElement' ? q : (q.value as Node)));
    default:
      return [];
  }
}

/** `var` names declared in a body, not looking into nested functions. */
export function varNames(body: readonly Node[]): string[] {
  const out: string[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return;
    if (node.type === 'VariableDeclaration' && (node as VariableDeclaration).kind === 'var') {
      for (const d of (node as VariableDeclaration).declarations) out.push(...patternNames(d.id));
    }
    if (!/Statement|Declaration|SwitchCase|CatchClause|Program/.test(node.type)) return;
    for (const v of Object.values(node as unknown as Record<string, unknown>)) {
      if (Array.isArray(v)) v.forEach((x) => visit(x as Node));
      else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') visit(v as Node);
    }
  };
  body.forEach(visit);
  return out;
}
