/**
 * Words on screen: every scene's Explain panel, rendered to HTML, has a space between a word
 * and a code span (JSX drops the line break between "of" and <code>…</code> on the next line),
 * names no source file and calls the source document "the tutorial". The panels load on demand
 * (lazy chunks), so the panel is prerendered: that waits for its module, as the app's Suspense does.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { prerender } from 'react-dom/static';
import { SCENES } from './registry';

describe('Explain panels', () => {
  for (const scene of SCENES) {
    it(`${scene.id}: code spans are spaced, no file names, "the tutorial"`, async () => {
      const { prelude } = await prerender(createElement(scene.Explain));
      let html = await new Response(prelude).text();
      // The inline script React adds for streamed content is not the panel's text.
      html = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<!--[\s\S]*?-->/g, '');
      expect(html).toMatch(/<p>/); // the panel itself, not a fallback
      const glued = [...html.matchAll(/[\p{L}\d,;:]<code>|<\/code>[\p{L}\d]/gu)].map((m) => html.slice(Math.max(0, m.index - 20), m.index + 30));
      expect(glued).toEqual([]);
      expect(html).not.toMatch(/\b[\w-]+\.md\b/);
      expect(html).not.toMatch(/\bthe seed('s)?\b(?! field)/i);
    });
  }
});
