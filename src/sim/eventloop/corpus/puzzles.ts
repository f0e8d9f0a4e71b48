/**
 * The classic event-loop puzzles, as presets of the scene and members of the corpus.
 * Their recorded real outputs live in fixtures/corpus.json like the generated programs'.
 */

/** A named program. */
export interface Puzzle {
  readonly id: string;
  readonly title: string;
  readonly source: string;
}

/** The puzzles, the scene's presets in this order. */
export const PUZZLES: readonly Puzzle[] = [
  {
    id: 'microtask-vs-timer',
    title: 'A microtask jumps ahead of the timer',
    source: `console.log('script start');
setTimeout(() => console.log('setTimeout'), 0);
Promise.resolve().then(() => console.log('promise'));
console.log('script end');
`,
  },
  {
    id: 'async-await-order',
    title: 'async/await ordering (the interview question)',
    source: `async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}
async function async2() {
  console.log('async2');
}
console.log('script start');
setTimeout(function () {
  console.log('setTimeout');
}, 0);
async1();
new Promise(function (resolve) {
  console.log('promise1');
  resolve();
}).then(function () {
  console.log('promise2');
});
console.log('script end');
`,
  },
  {
    id: 'nexttick-vs-promise',
    title: 'process.nextTick before promise jobs',
    source: `Promise.resolve().then(() => console.log('promise 1'));
process.nextTick(() => console.log('nextTick 1'));
queueMicrotask(() => {
  console.log('microtask');
  process.nextTick(() => console.log('nextTick inside a microtask'));
});
Promise.resolve().then(() => console.log('promise 2'));
process.nextTick(() => console.log('nextTick 2'));
`,
  },
  {
    id: 'io-immediate-vs-timeout',
    title: 'Inside an I/O callback: setImmediate before setTimeout(0)',
    source: `const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('nextTick'));
});
console.log('reading', __filename.endsWith('.js'));
`,
  },
  {
    id: 'await-thenable-ticks',
    title: 'Extra ticks: await on a promise, a thenable, an async return',
    source: `const p = Promise.resolve();
(async () => {
  await p;
  console.log('after await p');
})();
(async () => {
  await { then(resolve) { resolve(); } };
  console.log('after await thenable');
})();
(async () => {
  return p;
})().then(() => console.log('async returned p'));
p.then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'))
  .then(() => console.log('tick 4'));
`,
  },
  {
    id: 'then-returns-promise',
    title: 'Returning a promise from then costs two ticks',
    source: `Promise.resolve()
  .then(() => {
    console.log(0);
    return Promise.resolve(4);
  })
  .then((v) => console.log(v));
Promise.resolve()
  .then(() => console.log(1))
  .then(() => console.log(2))
  .then(() => console.log(3))
  .then(() => console.log(5))
  .then(() => console.log(6));
`,
  },
  {
    id: 'timers-phases',
    title: 'Timers, immediates and ticks across phases',
    source: `setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise in timeout 1'));
  process.nextTick(() => console.log('tick in timeout 1'));
}, 10);
setTimeout(() => console.log('timeout 2'), 10);
setTimeout(() => {
  setImmediate(() => console.log('immediate from timeout'));
  setTimeout(() => console.log('timeout from timeout'), 0);
}, 20);
`,
  },
  {
    id: 'interval-and-clear',
    title: 'setInterval, clearInterval and a cleared timeout',
    source: `let n = 0;
const id = setInterval(() => {
  n++;
  console.log('interval', n);
  if (n === 3) clearInterval(id);
}, 10);
const never = setTimeout(() => console.log('never printed'), 15);
setTimeout(() => clearTimeout(never), 5);
`,
  },
  {
    id: 'combinators',
    title: 'Promise.all, allSettled, race, any',
    source: `const later = (v, ms) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
Promise.all([1, later('two', 20), Promise.resolve(3)]).then((v) => console.log('all', v));
Promise.allSettled([Promise.reject('no'), later('yes', 10)]).then((v) => console.log('allSettled', v));
Promise.race([later('slow', 30), later('fast', 5)]).then((v) => console.log('race', v));
Promise.any([Promise.reject('a'), Promise.reject('b')]).catch((e) => console.log('any', e.message, e.errors));
`,
  },
  {
    id: 'unhandled-rejection',
    title: 'An unhandled rejection ends the program',
    source: `setTimeout(() => console.log('never: the process has ended'), 10);
process.nextTick(() => console.log('nextTick still runs'));
async function fails() {
  await null;
  throw new Error('boom');
}
fails();
Promise.resolve().then(() => console.log('microtasks still run'));
`,
  },
  {
    id: 'finally-and-errors',
    title: 'try/catch/finally with await, .finally',
    source: `async function work() {
  try {
    console.log('trying');
    await Promise.reject(new Error('failed'));
  } catch (e) {
    console.log('caught', e.message);
    return 'recovered';
  } finally {
    console.log('finally');
  }
}
work().then((v) => console.log('result', v));
Promise.reject('x').finally(() => console.log('.finally runs')).catch((e) => console.log('.catch', e));
`,
  },
  {
    id: 'timeout-vs-immediate-race',
    title: 'Top level: setTimeout(0) vs setImmediate is a race',
    source: `setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
`,
  },
];
