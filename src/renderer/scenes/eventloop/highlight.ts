/**
 * A small JavaScript tokenizer for the editor's highlighting: keywords, strings (quotes and
 * templates), numbers, comments, everything else as plain text. It never fails: whatever it
 * does not recognise is plain, and the tokens always concatenate back to the input.
 */

/** A highlighted span. */
export interface Token {
  readonly kind: 'keyword' | 'string' | 'number' | 'comment' | 'builtin' | 'plain';
  readonly text: string;
}

const KEYWORDS = new Set([
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'delete', 'do', 'else', 'false', 'finally', 'for',
  'function', 'if', 'in', 'instanceof', 'let', 'new', 'null', 'of', 'return', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined',
  'var', 'void', 'while', 'yield',
]);
const BUILTINS = new Set(['console', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'process', 'Promise', 'require', 'requestAnimationFrame', 'MessageChannel', '__filename']);

const PATTERN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\[\s\S])*`?)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

/** Tokens of `source`, in order; joined they give `source` back. */
export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'plain', text: source.slice(last, at) });
    const [text, comment, string, number, word] = m;
    if (comment !== undefined) out.push({ kind: 'comment', text });
    else if (string !== undefined) out.push({ kind: 'string', text });
    else if (number !== undefined) out.push({ kind: 'number', text });
    else if (word !== undefined) out.push({ kind: KEYWORDS.has(word) ? 'keyword' : BUILTINS.has(word) ? 'builtin' : 'plain', text });
    last = at + text.length;
  }
  if (last < source.length) out.push({ kind: 'plain', text: source.slice(last) });
  return out;
}
