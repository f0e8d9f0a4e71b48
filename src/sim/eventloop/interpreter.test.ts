import { describe, expect, it } from 'vitest';
import { runEventLoop, stdoutOf } from './run';

const out = (src: string) => {
  const run = runEventLoop(src, { runtime: 'node' });
  expect(run.error).toBeNull();
  return stdoutOf(run).trimEnd().split('\n');
};
const error = (src: string) => runEventLoop(src, { runtime: 'node' }).error;

describe('the interpreter on the subset', () => {
  it('closures, hoisting and a fresh let binding per loop iteration', () => {
    // var i is one binding (3 when the callbacks run); let i is a new one each iteration.
    expect(out(`
      console.log(typeof later, hoisted());
      function hoisted() { return 'hoisted'; }
      var later = 1;
      const fs = [];
      for (var i = 0; i < 3; i++) fs.push(() => i);
      for (let j = 0; j < 3; j++) fs.push(() => j);
      console.log(fs.map((f) => f()).join(' '));
      const counter = () => { let n = 0; return () => ++n; };
      const c = counter(); c(); c();
      console.log(c());
    `)).toEqual(['undefined hoisted', '3 3 3 0 1 2', '3']);
  });

  it('destructuring, spread, templates, optional chaining, switch', () => {
    expect(out(`
      const [a, , b = 5, ...rest] = [1, 2, undefined, 4, 6];
      const { x, y: { z } = { z: 9 }, ...others } = { x: 1, p: 2, q: 3 };
      console.log(a, b, rest, x, z, others);
      console.log(\`\${a + b}-\${[1, 2]}-\${{}.k ?? 'none'}\`, { ...others, x }, [...'ab', ...rest]);
      const o = { deep: null };
      console.log(o.deep?.value, o.missing?.(), 1 + '2', '3' * 2, 7 % 4, 2 ** 10);
      switch (3) { case 1: console.log('one'); case 3: console.log('three'); case 4: console.log('four'); break; default: console.log('no'); }
    `)).toEqual(['1 5 [ 4, 6 ] 1 9 { p: 2, q: 3 }', "6-1,2-none { p: 2, q: 3, x: 1 } [ 'a', 'b', 4, 6 ]", 'undefined undefined 12 6 3 1024', 'three', 'four']);
  });

  it('try/catch/finally: finally runs, and a return in finally wins', () => {
    expect(out(`
      function f() { try { throw new TypeError('bad'); } catch (e) { return e.name + ': ' + e.message; } finally { console.log('finally'); } }
      function g() { try { return 'try'; } finally { return 'finally wins'; } }
      console.log(f(), g());
      try { null.x; } catch (e) { console.log(e instanceof TypeError, e.message); }
      try { undefinedName; } catch (e) { console.log(e.name, e.message); }
    `)).toEqual(['finally', 'TypeError: bad finally wins', "true Cannot read properties of null (reading 'x')", 'ReferenceError undefinedName is not defined']);
  });

  it('console.log formats primitives, arrays and objects as util.inspect does', () => {
    expect(out(`
      console.log('%s is %d years', 'Bob', 42, 'extra', [1]);
      console.log(-0, [-0], null, undefined, true, NaN, "it's", ["it's"], { 'a-b': 1, c: { d: { e: { f: 1 } } } });
      console.log([function named() {}, async () => {}], Promise.resolve(1), Promise.reject(2).catch(() => {}) && 1);
    `)).toEqual(['Bob is 42 years extra [ 1 ]', `-0 [ -0 ] null undefined true NaN it's [ "it's" ] { 'a-b': 1, c: { d: { e: [Object] } } }`, '[ [Function: named], [AsyncFunction (anonymous)] ] Promise { 1 } 1']);
  });

  it('names the unsupported construct, its line and column', () => {
    expect(error('let a = 1;\nwith (a) {}\n')).toEqual({ kind: 'unsupported', message: 'with statement is not supported (line 2, column 1)', line: 2, column: 1 });
    expect(error('async function* g() {\n  yield* [1];\n}')?.message).toBe('yield* in an async generator is not supported (line 2, column 3)');
    expect(error('const r = 10n;')?.message).toBe('BigInt literal is not supported (line 1, column 11)');
    expect(error('console.log(\n  Date.now());')?.message).toBe('Date is not supported (line 2, column 3)');
    expect(error('Math.random();')?.message).toContain('Math.random');
    // Node: "SyntaxError: Unexpected token ';'" at 1:7.
    expect(error('let = ;')).toMatchObject({ kind: 'syntax', line: 1, column: 7 });
    expect(error("require('http')")?.message).toContain("require('http')");
  });

  it('stops a runaway program with exit code 3 and keeps what it printed', () => {
    const run = runEventLoop("console.log('before');\nwhile (true) {}\n", { runtime: 'node', limits: { maxSteps: 10_000 } });
    expect(stdoutOf(run)).toBe('before\n');
    expect(run.exit).toMatchObject({ reason: 'budget', code: 3 });
    const recursion = runEventLoop('function f() { return f(); }\ntry { f(); } catch (e) { console.log(e.name, e.message); }', { runtime: 'node' });
    expect(stdoutOf(recursion)).toBe('RangeError Maximum call stack size exceeded\n');
    const forever = runEventLoop('setInterval(() => {}, 1000);', { runtime: 'node', limits: { maxVirtualNs: 10e9 } });
    expect(forever.exit).toMatchObject({ reason: 'budget', code: 3 });
  });

  it('is deterministic: two runs give the same steps', () => {
    const src = "setTimeout(() => console.log('t'), 5); Promise.resolve().then(() => console.log('p'));";
    expect(runEventLoop(src, { runtime: 'node' }).steps).toEqual(runEventLoop(src, { runtime: 'node' }).steps);
  });
});
