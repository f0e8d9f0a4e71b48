import { describe, expect, it } from 'vitest';
import { loadCorpus } from './fixtures/loadCorpus';
import { runEventLoop, stdoutOf } from './run';
import { generateModernProgram } from './corpus/modern';
import { MODERN_PUZZLES } from './corpus/modernPuzzles';

// Ground truth: real Node 20, recorded by `scripts/eventloopFixtures.ts --style modern` (three
// plain runs two at a time, one with every timer ×20 — timers/promises' too — then rechecked
// plain and ×100). Only programs whose every run agreed are deterministic.
const corpus = await loadCorpus('node', 'modern');
const deterministic = corpus.programs.filter((p) => p.deterministic);

describe('modern-style corpus (classes, generators, async iteration, events, timers/promises) against real Node', () => {
  it('holds at least 150 deterministic generated programs and every hand-written one', () => {
    expect(deterministic.filter((p) => p.seed !== null).length).toBeGreaterThanOrEqual(150);
    expect(corpus.programs.filter((p) => p.id.startsWith('puzzle:')).map((p) => p.id.slice(7))).toEqual(MODERN_PUZZLES.map((p) => p.id));
    expect(corpus.meta.node.startsWith('v20.')).toBe(true);
  });

  it('was recorded from the generator as it is now (regenerate the fixture if this fails)', () => {
    for (const p of corpus.programs) if (p.seed !== null) expect(p.source).toBe(generateModernProgram(p.seed));
    for (const p of MODERN_PUZZLES) expect(corpus.programs.find((e) => e.id === `puzzle:${p.id}`)?.source).toBe(p.source);
  });

  it.each(deterministic.map((p) => [p.id, p] as const))('%s: the model accepts it and prints what Node printed', (_id, p) => {
    const run = runEventLoop(p.source, { runtime: 'node', filename: '/tmp/program.js' });
    expect(run.error).toBeNull();
    expect(stdoutOf(run)).toBe(p.stdout);
    expect(run.exit?.code).toBe(p.exitCode);
  });
});
