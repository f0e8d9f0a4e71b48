import { describe, expect, it } from 'vitest';
import { runEventLoop, stdoutOf } from './run';

// Each case is worked out from the spec / Node's source in its comment.
const out = (src: string, runtime: 'node' | 'browser' = 'node') => {
  const run = runEventLoop(src, { runtime });
  expect(run.error).toBeNull();
  return stdoutOf(run).trimEnd().split('\n');
};

describe('Node queues', () => {
  it('drains nextTick before promise jobs, and ticks queued by a job after all jobs', () => {
    // processTicksAndRejections: all ticks, then runMicrotasks() to empty, then ticks again.
    expect(out(`
      Promise.resolve().then(() => { console.log('p1'); process.nextTick(() => console.log('t3')); });
      process.nextTick(() => console.log('t1'));
      Promise.resolve().then(() => console.log('p2'));
      process.nextTick(() => console.log('t2'));
    `)).toEqual(['t1', 't2', 'p1', 'p2', 't3']);
  });

  it('drains microtasks between two timers of the same list (Node ≥ 11)', () => {
    expect(out(`
      setTimeout(() => { console.log('a'); Promise.resolve().then(() => console.log('a.p')); }, 5);
      setTimeout(() => console.log('b'), 5);
    `)).toEqual(['a', 'a.p', 'b']);
  });

  it('orders timers by expiry, then by the list created first; 0 ms is 1 ms', () => {
    expect(out(`
      setTimeout(() => console.log('10'), 10);
      setTimeout(() => console.log('1'), 1);
      setTimeout(() => console.log('0'), 0);
      setTimeout(() => console.log('5'), 5);
    `)).toEqual(['1', '0', '5', '10']);
  });

  it('in an I/O callback, setImmediate (check) comes before setTimeout(0) (next timers phase)', () => {
    expect(out(`
      require('fs').readFile(__filename, () => {
        setTimeout(() => console.log('timeout'), 0);
        setImmediate(() => console.log('immediate'));
      });
    `)).toEqual(['immediate', 'timeout']);
  });

  it('counts the ticks of await: a native promise 1, a thenable 2, an async function returning a promise 3', () => {
    // The tick chain advances one job per tick; the order below is what real Node 20 prints.
    expect(out(`
      (async () => { await Promise.resolve(); console.log('await promise'); })();
      (async () => { await { then(r) { r(); } }; console.log('await thenable'); })();
      (async () => Promise.resolve())().then(() => console.log('async returned a promise'));
      Promise.resolve().then(() => console.log('tick 1')).then(() => console.log('tick 2')).then(() => console.log('tick 3')).then(() => console.log('tick 4'));
    `)).toEqual(['await promise', 'tick 1', 'await thenable', 'tick 2', 'async returned a promise', 'tick 3', 'tick 4']);
  });

  it('ends the program at an unhandled rejection once the current drain is over', () => {
    const run = runEventLoop(`
      setTimeout(() => console.log('never'), 0);
      Promise.reject(new Error('boom'));
      process.nextTick(() => console.log('tick'));
      Promise.resolve().then(() => console.log('job'));
    `, { runtime: 'node' });
    expect(stdoutOf(run)).toBe('tick\njob\n');
    expect(run.exit).toEqual({ reason: 'unhandled-rejection', code: 1, message: 'Error: boom' });
  });

  it('a rejection handled within the same drain is not reported', () => {
    expect(out(`
      const p = Promise.reject('late');
      Promise.resolve().then(() => p.catch((e) => console.log('handled', e)));
    `)).toEqual(['handled late']);
  });
});

describe('browser queues', () => {
  it('runs a task, then all microtasks, and rAF callbacks at the next frame', () => {
    expect(out(`
      setTimeout(() => console.log('timeout 0'), 0);
      setTimeout(() => console.log('timeout 20'), 20);
      requestAnimationFrame(() => console.log('frame'));
      Promise.resolve().then(() => console.log('microtask'));
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (e) => console.log('message', e.data);
      port2.postMessage('hi');
    `, 'browser')).toEqual(['microtask', 'timeout 0', 'message hi', 'frame', 'timeout 20']);
  });

  it('has no process.nextTick or setImmediate (a ReferenceError, reported, the page goes on)', () => {
    const run = runEventLoop("setTimeout(() => console.log('still here'), 0);\nsetImmediate(() => {});", { runtime: 'browser' });
    expect(run.console.map((l) => `${l.stream}: ${l.text}`)).toEqual(['stderr: Uncaught ReferenceError: setImmediate is not defined', 'stdout: still here']);
  });
});
