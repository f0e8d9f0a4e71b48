import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './highlight';

describe('editor highlighting', () => {
  it('tokens join back to the source, whatever it is', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => tokenize(s).map((t) => t.text).join('') === s));
  });

  it('marks keywords, builtins, strings, numbers and comments', () => {
    const kinds = tokenize("const x = 'a'; // note\nsetTimeout(f, 10);")
      .filter((t) => t.kind !== 'plain')
      .map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(['keyword:const', "string:'a'", 'comment:// note', 'builtin:setTimeout', 'number:10']);
  });
});
