import { describe, expect, it } from 'vitest';
import { loadCorpus } from './fixtures/loadCorpus';
import { runEventLoop, stderrOf, stdoutOf } from './run';
import { generateModernProgram } from './corpus/modern';
import { MODERN_PUZZLES } from './corpus/modernPuzzles';

// Ground truth: real Chromium (a headless page per run), recorded by
// `scripts/eventloopFixtures.ts --style modern --runtime browser` (three runs two pages at a time,
// one with timers ×20), then rechecked (three more, one ×50). Deterministic: every run printed the
// same console.log lines and reported the same errors.
const corpus = await loadCorpus('browser', 'modern');
const deterministic = corpus.programs.filter((p) => p.deterministic);

describe('modern-style corpus against real Chromium (browser runtime)', () => {
  it('holds at least 120 deterministic generated programs and the hand-written ones a page can run', () => {
    expect(deterministic.filter((p) => p.seed !== null).length).toBeGreaterThanOrEqual(120);
    expect(corpus.meta.runtime).toBe('browser');
    expect(corpus.programs.filter((p) => p.id.startsWith('puzzle:')).map((p) => p.id.slice(7))).toEqual(MODERN_PUZZLES.filter((p) => p.browser).map((p) => p.id));
    const all = corpus.programs.map((p) => p.source).join('\n');
    for (const api of ['class ', 'function*', 'async function*', 'for await', 'AbortController', 'MessageChannel']) expect(all).toContain(api);
    expect(all).not.toMatch(/process\.nextTick|setImmediate|require\(/);
  });

  it('was recorded from the generator as it is now (regenerate the fixture if this fails)', () => {
    for (const p of corpus.programs) if (p.seed !== null) expect(p.source).toBe(generateModernProgram(p.seed, { runtime: 'browser' }));
  });

  it.each(deterministic.map((p) => [p.id, p] as const))('%s: the model accepts it, prints what Chromium printed and reports the same errors', (_id, p) => {
    const run = runEventLoop(p.source, { runtime: 'browser' });
    expect(run.error).toBeNull();
    expect(stdoutOf(run)).toBe(p.stdout);
    expect(stderrOf(run)).toBe(p.stderr ?? '');
  });
});
