import { describe, expect, it } from 'vitest';
import { loadCorpus } from './fixtures/loadCorpus';
import { runEventLoop, stderrOf, stdoutOf } from './run';
import { generateProgram } from './corpus/generate';

// Ground truth: real Chromium (headless, a page per run), recorded by
// `scripts/eventloopFixtures.ts --runtime browser`: several runs with four pages at once (load)
// and one with every timer delay scaled up. Deterministic means every run printed the same
// console.log lines and reported the same errors.
const corpus = await loadCorpus('browser');
const deterministic = corpus.programs.filter((p) => p.deterministic);

describe('event-loop corpus against real Chromium (browser runtime)', () => {
  it('holds at least 300 deterministic generated programs, recorded in Chromium', () => {
    expect(deterministic.filter((p) => p.seed !== null).length).toBeGreaterThanOrEqual(300);
    expect(corpus.meta.runtime).toBe('browser');
    expect(corpus.meta.chromium).toMatch(/^\d+\./);
    // The generator's browser programs use the browser's APIs, and not Node's.
    const all = corpus.programs.map((p) => p.source).join('\n');
    for (const api of ['MessageChannel', 'requestAnimationFrame', 'queueMicrotask', 'setInterval', 'await ']) expect(all).toContain(api);
    expect(all).not.toMatch(/process\.nextTick|setImmediate|require\(/);
  });

  it('was recorded from the generator as it is now (regenerate the fixture if this fails)', () => {
    for (const p of corpus.programs) if (p.seed !== null) expect(p.source).toBe(generateProgram(p.seed, { runtime: 'browser' }));
  });

  it.each(deterministic.map((p) => [p.id, p] as const))('%s: the model prints what Chromium printed and reports the same errors', (_id, p) => {
    const run = runEventLoop(p.source, { runtime: 'browser' });
    expect(run.error).toBeNull();
    expect(stdoutOf(run)).toBe(p.stdout);
    expect(stderrOf(run)).toBe(p.stderr ?? '');
  });
});
