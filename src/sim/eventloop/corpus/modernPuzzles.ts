/**
 * Hand-written programs in the modern style (the examples blog posts about the event loop
 * use), members of the modern corpus and presets of the scene. `browser: false` marks those
 * that need Node's modules.
 */
import type { Puzzle } from './puzzles';

/** A hand-written modern program. */
export interface ModernPuzzle extends Puzzle {
  /** Runs in a browser page too (no require, process or setImmediate). */
  readonly browser: boolean;
}

export const MODERN_PUZZLES: readonly ModernPuzzle[] = [
  {
    id: 'blog-post-example',
    title: 'A class, an async generator, an EventEmitter and timers/promises',
    browser: false,
    source: `const { EventEmitter, once } = require('events');
const { setTimeout: sleep } = require('timers/promises');

class Downloader extends EventEmitter {
  #done = 0;
  async fetch(name) {
    console.log('fetch', name);
    await sleep(10);
    this.#done++;
    this.emit('progress', name, this.#done);
    return name.toUpperCase();
  }
}

async function* pages(dl) {
  for (const name of ['a', 'b', 'c']) {
    yield await dl.fetch(name);
  }
}

const dl = new Downloader();
dl.on('progress', (name, n) => console.log('progress', name, n));
once(dl, 'progress').then(([first]) => console.log('first progress was', first));

(async () => {
  for await (const page of pages(dl)) console.log('page', page);
  console.log('all pages');
})();
console.log('sync end');
`,
  },
  {
    id: 'generator-steps',
    title: 'A generator parks its frame at each yield',
    browser: true,
    source: `function* counter(limit) {
  console.log('counter starts');
  for (let i = 1; i <= limit; i++) {
    const reply = yield i;
    console.log('counter got', reply);
  }
  return 'done';
}

const it = counter(2);
console.log(it.next());
console.log(it.next('hello'));
setTimeout(() => {
  console.log(it.next('from a timer'));
  console.log(it.next());
}, 0);
Promise.resolve().then(() => console.log('microtask between'));
`,
  },
  {
    id: 'class-async-method',
    title: 'A class with an async method',
    browser: true,
    source: `class Account {
  #balance = 0;
  static opened = 0;
  constructor(owner) {
    this.owner = owner;
    Account.opened++;
  }
  get balance() {
    return this.#balance;
  }
  async deposit(amount) {
    console.log('deposit', amount);
    await null;
    this.#balance += amount;
    return this.#balance;
  }
}

class Savings extends Account {
  async deposit(amount) {
    const total = await super.deposit(amount);
    console.log('savings total', total);
    return total;
  }
}

const a = new Savings('ada');
a.deposit(5).then((t) => console.log('then', t));
a.deposit(7);
console.log('balance now', a.balance, Account.opened, a instanceof Account);
Promise.resolve().then(() => console.log('a plain microtask'));
`,
  },
  {
    id: 'async-generator-ticks',
    title: 'Each step of an async generator goes through the microtask queue',
    browser: true,
    source: `async function* gen() {
  yield 1;
  yield 2;
}
(async () => {
  for await (const v of gen()) console.log('for await', v);
  console.log('loop done');
})();
Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'))
  .then(() => console.log('tick 4'))
  .then(() => console.log('tick 5'))
  .then(() => console.log('tick 6'))
  .then(() => console.log('tick 7'));
`,
  },
  {
    id: 'for-await-sync-array',
    title: 'for await over an array of promises and values',
    browser: true,
    source: `const slow = new Promise((r) => setTimeout(r, 10, 'slow'));
(async () => {
  for await (const v of [1, slow, Promise.resolve(3)]) console.log('got', v);
})();
queueMicrotask(() => console.log('microtask'));
setTimeout(() => console.log('timer 0'), 0);
`,
  },
  {
    id: 'async-generator-return',
    title: 'return() on an async generator waits for its finally',
    browser: true,
    source: `async function* stream() {
  try {
    yield 'a';
    yield 'b';
  } finally {
    console.log('cleanup starts');
    await null;
    console.log('cleanup ends');
  }
}
const s = stream();
s.next().then((r) => console.log('next', r));
s.return('stopped').then((r) => console.log('return', r));
s.next().then((r) => console.log('after return', r));
Promise.resolve().then(() => console.log('m1')).then(() => console.log('m2')).then(() => console.log('m3'));
`,
  },
  {
    id: 'emitter-sync',
    title: 'emit() calls the listeners synchronously',
    browser: false,
    source: `const EventEmitter = require('events');
const bus = new EventEmitter();
bus.on('job', (n) => console.log('listener 1', n));
bus.once('job', (n) => console.log('once listener', n));
bus.on('job', (n) => {
  console.log('listener 3', n);
  Promise.resolve().then(() => console.log('microtask from listener', n));
});
console.log('before emit');
bus.emit('job', 1);
console.log('after emit');
bus.emit('job', 2);
setTimeout(() => bus.emit('job', 3), 0);
process.nextTick(() => console.log('nextTick'));
`,
  },
  {
    id: 'timers-promises-interval',
    title: 'setInterval from timers/promises as an async iterator',
    browser: false,
    source: `const { setInterval: every, setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
(async () => {
  let n = 0;
  for await (const t of every(10, 'tick')) {
    console.log(t, ++n);
    if (n === 3) break;
  }
  console.log('interval done');
  console.log(await immediate('immediate value'));
  console.log(await sleep(5, 'slept'));
})();
setTimeout(() => console.log('plain timer 15'), 15);
`,
  },
  {
    id: 'abort-sleep',
    title: 'AbortController cancels an await',
    browser: false,
    source: `const { setTimeout: sleep } = require('timers/promises');
const ac = new AbortController();
ac.signal.addEventListener('abort', () => console.log('abort event'));
(async () => {
  try {
    await sleep(100, 'never', { signal: ac.signal });
  } catch (e) {
    console.log('caught', e.name, e.code, e.cause.name);
  }
})();
setTimeout(() => {
  console.log('aborting');
  ac.abort();
}, 10);
`,
  },
  {
    id: 'promisify-and-errors',
    title: 'util.promisify, Error subclasses with a cause, AggregateError',
    browser: false,
    source: `const util = require('util');
class HttpError extends Error {
  constructor(status, options) {
    super('HTTP ' + status, options);
    this.name = 'HttpError';
    this.status = status;
  }
}
function legacyGet(url, cb) {
  setImmediate(() => (url === 'bad' ? cb(new HttpError(500, { cause: 'server' })) : cb(null, 'body of ' + url)));
}
const get = util.promisify(legacyGet);
get('good').then((b) => console.log(b));
get('bad').catch((e) => console.log(e.name, e.message, e.status, e.cause, e instanceof HttpError));
Promise.any([get('bad'), Promise.reject(new Error('x'))]).catch((e) => console.log(e instanceof AggregateError, e.errors.length, e.message));
Promise.allSettled([get('good'), get('bad')]).then((r) => console.log(r.map((x) => x.status)));
`,
  },
  {
    id: 'iterables-and-collections',
    title: 'Iterable classes, Map, Set, labels and tagged templates',
    browser: true,
    source: `class Deck {
  constructor(...cards) {
    this.cards = cards;
  }
  *[Symbol.iterator]() {
    yield* this.cards;
  }
}
const seen = new Map();
for (const card of new Deck('a', 'b', 'a', 'c')) seen.set(card, (seen.get(card) ?? 0) + 1);
console.log(seen, new Set(new Deck(1, 2, 2)));
outer: for (const [k, n] of seen) {
  for (let i = 0; i < n; i++) {
    if (k === 'b') continue outer;
    if (k === 'c') break outer;
    console.log('card', k, i);
  }
}
const tag = (s, ...v) => s.join('_') + v.join('+');
queueMicrotask(() => console.log(tag\`x\${1}y\${2}z\`, [1, , 3], structuredClone({ m: seen })));
`,
  },
  {
    id: 'events-once-order',
    title: 'events.once resolves a microtask after emit',
    browser: false,
    source: `const { EventEmitter, once } = require('events');
const ee = new EventEmitter();
(async () => {
  const [v] = await once(ee, 'ready');
  console.log('once resolved', v);
})();
ee.on('ready', (v) => console.log('listener', v));
setTimeout(() => {
  ee.emit('ready', 42);
  console.log('after emit');
  Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));
}, 0);
`,
  },
];
