import { describe, expect, it } from 'vitest';
import { loadCorpus } from './fixtures/loadCorpus';
import { runEventLoop, stdoutOf } from './run';
import { generateProgram } from './corpus/generate';
import { PUZZLES } from './corpus/puzzles';

// Ground truth: real Node 20, recorded by scripts/eventloopFixtures.ts (several plain runs,
// concurrent runs, and a run with every timer delay scaled ×20). A program counts as
// deterministic only when all of them agreed.
const corpus = await loadCorpus();
const deterministic = corpus.programs.filter((p) => p.deterministic);

describe('event-loop corpus against real Node', () => {
  // Recorded with several plain runs, concurrent runs, timers ×20, then rechecked with timers ×100.
  it('holds at least 300 deterministic generated programs and every puzzle', () => {
    expect(deterministic.filter((p) => p.seed !== null).length).toBeGreaterThanOrEqual(300);
    expect(corpus.programs.filter((p) => p.id.startsWith('puzzle:')).map((p) => p.id.slice(7))).toEqual(PUZZLES.map((p) => p.id));
    expect(corpus.meta.node.startsWith('v20.')).toBe(true);
  });

  it('was recorded from the generator as it is now (regenerate the fixture if this fails)', () => {
    for (const p of corpus.programs) if (p.seed !== null) expect(p.source).toBe(generateProgram(p.seed));
    for (const p of PUZZLES) expect(corpus.programs.find((e) => e.id === `puzzle:${p.id}`)?.source).toBe(p.source);
  });

  it.each(deterministic.map((p) => [p.id, p] as const))('%s: the model prints what Node printed and exits the same', (_id, p) => {
    const run = runEventLoop(p.source, { runtime: 'node', filename: '/tmp/program.js' });
    expect(run.error).toBeNull();
    expect(stdoutOf(run)).toBe(p.stdout);
    expect(run.exit?.code).toBe(p.exitCode);
  });

  it('the one real race (setTimeout 0 vs setImmediate at top level) was seen both ways or the model says it chose', () => {
    const race = corpus.programs.find((p) => p.id === 'puzzle:timeout-vs-immediate-race');
    const run = runEventLoop(race?.source ?? '', { runtime: 'node' });
    expect(run.notes.some((n) => n.startsWith('race:'))).toBe(true);
    expect(stdoutOf(run)).toBe('immediate\ntimeout\n');
  });
});
