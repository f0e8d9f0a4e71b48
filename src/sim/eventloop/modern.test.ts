import { describe, expect, it } from 'vitest';
import { MODERN_PUZZLES } from './corpus/modernPuzzles';
import { runEventLoop, stdoutOf } from './run';
import { subsetInReadme, subsetMarkdown } from './subset';

const node = (source: string) => runEventLoop(source, { runtime: 'node', filename: '/tmp/program.js' });
const preset = (id: string): string => MODERN_PUZZLES.find((p) => p.id === id)?.source ?? '';

describe('modern JavaScript in the event-loop model: what the trace draws', () => {
  it('parks a generator at each yield and shows it resuming on the stack (generator-steps, worked by hand)', () => {
    const run = node(preset('generator-steps'));
    const calls = run.steps.filter((s) => s.kind === 'call').map((s) => `${s.label} | ${s.stack.join(' > ')}`);
    // it.next() on line 11 starts the body; it parks at the yield on line 4; the next two next()
    // calls (line 12, then the timer's line 14) resume it; the timer's second next() finishes it.
    expect(calls).toEqual([
      'counter runs | (main) (line 11) > counter (line 1)',
      'counter yields at line 4: its frame is parked | (main) (line 11)',
      'counter resumes | (main) (line 12) > counter (line 4)',
      'counter yields at line 4: its frame is parked | (main) (line 12)',
      'counter resumes | (anonymous) (line 14) > counter (line 4)',
    ]);
    const microtask = run.steps.find((s) => s.label === 'console: microtask between');
    expect(microtask?.parked).toEqual(['counter (suspended at yield, line 4)']);
    expect(run.steps[run.steps.length - 1]?.parked).toEqual([]);
  });

  it('parks an async function at its await until the reaction job resumes it', () => {
    const run = node('async function f() {\n  await null;\n  console.log("after");\n}\nf();\nconsole.log("sync");\n');
    expect(run.steps.find((s) => s.label === 'console: sync')?.parked).toEqual(['f (awaiting, line 2)']);
    expect(run.steps.find((s) => s.label === 'console: after')?.parked).toEqual([]);
    expect(stdoutOf(run)).toBe('sync\nafter\n');
  });

  it('draws a class constructor and each emitter listener as a step with its frame', () => {
    const run = node("const EventEmitter = require('events');\nclass Bus extends EventEmitter {}\nconst b = new Bus();\nb.on('x', function first(v) { console.log('first', v); });\nb.on('x', (v) => console.log('second', v));\nb.emit('x', 7);\n");
    const calls = run.steps.filter((s) => s.kind === 'call').map((s) => `${s.label} | ${s.stack.join(' > ')}`);
    expect(calls).toEqual([
      'new Bus: the constructor runs | (main) (line 3) > new Bus (line 2)',
      'emit(x) calls listener 1 of 2 first | (main) (line 6) > emit (node internals) (line 6)',
      'emit(x) calls listener 2 of 2 (anonymous) | (main) (line 6) > emit (node internals) (line 6)',
    ]);
    expect(stdoutOf(run)).toBe('first 7\nsecond 7\n');
  });

  it('is deterministic: the same program gives the same steps, bit for bit', () => {
    for (const p of MODERN_PUZZLES) expect(JSON.stringify(node(p.source).steps)).toBe(JSON.stringify(node(p.source).steps));
  });

  it('stops an infinite generator spread by the step budget (exit code 3), keeping what was printed', () => {
    const run = runEventLoop("function* inf() { let i = 0; while (true) yield i++; }\nconsole.log('start');\nconsole.log([...inf()].length);\n", { runtime: 'node', limits: { maxSteps: 10_000 } });
    expect(run.exit).toMatchObject({ reason: 'budget', code: 3 });
    expect(stdoutOf(run)).toBe('start\n');
  });

  it('still refuses what it cannot run exactly, naming the construct, line and column', () => {
    expect(node('const r = 1;\nconst x = 7n;\n').error).toEqual({ kind: 'unsupported', message: 'BigInt literal is not supported (line 2, column 11)', line: 2, column: 11 });
    expect(node('async function* g() {\n  yield* [1];\n}\n').error?.message).toBe('yield* in an async generator is not supported (line 2, column 3)');
    expect(node("require('http');").error?.message).toContain("require('http')");
    // A module member the model lacks is refused by name (not undefined, then a TypeError).
    expect(node("const fs = require('fs');\nconsole.log('a');\nfs.readFileSync(__filename);\n").error?.message).toBe("require('fs').readFileSync is not supported (line 3, column 1)");
    expect(node('console.log(process.env.HOME);').error?.message).toBe('process.env is not supported (line 1, column 1)');
  });

  it('regular expressions run on the host engine and print as Node prints them (expected text from real Node 20)', () => {
    const run = node("console.log('a1b2c'.replace(/\\d/g, (d) => d * 2), 'x y  z'.split(/\\s+/), /(\\w)(\\d)/.exec('a1'), 'a1b2'.match(/\\d/g), /x/gi);\n");
    expect(run.error).toBeNull();
    expect(stdoutOf(run)).toBe("a2b4c [ 'x', 'y', 'z' ] [ 'a1', 'a', '1', index: 0, input: 'a1', groups: undefined ] [ '1', '2' ] /x/gi\n");
  });

  it('README lists the subset exactly as the implementation generates it (npx tsx scripts/eventloopSubset.ts)', async () => {
    // Vite's ?raw import reads the file as text (src/sim may not import node:fs).
    const path = '../../../README.md?raw';
    const readme = ((await import(/* @vite-ignore */ path)) as { default: string }).default;
    expect(subsetInReadme(readme)).toBe(subsetMarkdown());
  });
});
