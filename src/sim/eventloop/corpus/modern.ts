/**
 * A seeded generator of event-loop programs in the modern style people paste from blog posts:
 * classes (fields, #private, static, getters, extends/super, async methods), generators read by
 * for-of, spread and next(), async generators read by for await, iterable classes, and — for
 * Node — EventEmitter subclasses, events.once, timers/promises (setTimeout, setImmediate,
 * setInterval), AbortController, util.promisify; mixed with timers, ticks and promise chains.
 * Every print has a unique label so the order is the whole story.
 */
import { Rng } from '../../core/rng';

/** Options of the modern generator. */
export interface ModernOptions {
  readonly runtime?: 'node' | 'browser';
}

class ModernWriter {
  private readonly rng: Rng;
  private label = 0;
  private n = 0;
  readonly prelude = new Set<string>();

  constructor(
    seed: number,
    readonly browser: boolean,
  ) {
    this.rng = new Rng(seed ^ 0x5eed);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  int(n: number): number {
    return this.rng.int(n);
  }
  l(): string {
    return `M${++this.label}`;
  }
  id(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
  value(): string {
    return this.pick(["'a'", '1', '2', 'null', '[1, 2]', "{ k: 'v' }", 'true', "'x y'"]);
  }
  delay(): number {
    return this.pick([0, 1, 5, 10, 20]);
  }
  /** Something an async body can await. */
  awaitable(): string {
    const sleep = this.browser ? null : this.need('sleep');
    return this.pick([
      'null',
      this.value(),
      `Promise.resolve(${this.value()})`,
      `new Promise((r) => setTimeout(r, ${this.delay()}, '${this.l()}'))`,
      `{ then(r) { r('${this.l()}'); } }`,
      ...(sleep === null ? [] : [`${sleep}(${this.delay()}, '${this.l()}')`, `immediate('${this.l()}')`]),
    ]);
  }
  /** Declares a module binding once and returns its name. */
  need(what: 'sleep' | 'EventEmitter' | 'util' | 'every'): string {
    if (what === 'sleep' || what === 'every') this.prelude.add("const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');");
    if (what === 'EventEmitter') this.prelude.add("const EventEmitter = require('events');");
    if (what === 'util') this.prelude.add("const util = require('util');");
    return what;
  }
  /** A short piece of classic scheduling (a timer, a tick, a microtask, a chain). */
  classic(): string[] {
    const kinds = this.browser ? ['timeout', 'microtask', 'then', 'message'] : ['timeout', 'tick', 'microtask', 'then', 'immediate'];
    switch (this.pick(kinds)) {
      case 'timeout':
        return [`setTimeout(() => console.log('${this.l()}'), ${this.delay()});`];
      case 'tick':
        return [`process.nextTick(() => console.log('${this.l()}'));`];
      case 'immediate':
        return [`setImmediate(() => console.log('${this.l()}'));`];
      case 'message': {
        const c = this.id('ch');
        return [`const ${c} = new MessageChannel();`, `${c}.port1.onmessage = () => console.log('${this.l()}');`, `${c}.port2.postMessage(0);`];
      }
      case 'microtask':
        return [`queueMicrotask(() => console.log('${this.l()}'));`];
      default:
        return [`Promise.resolve().then(() => console.log('${this.l()}')).then(() => console.log('${this.l()}'));`];
    }
  }

  statement(): string[] {
    const kinds = ['classAsync', 'classExtends', 'generator', 'asyncGenerator', 'iterable', 'combinator', 'misc', 'classic', 'classic', 'abortBrowser'];
    if (!this.browser) kinds.push('emitter', 'emitter', 'timers', 'interval', 'abort', 'promisify');
    switch (this.pick(kinds)) {
      case 'classAsync':
        return this.classAsync();
      case 'classExtends':
        return this.classExtends();
      case 'generator':
        return this.generator();
      case 'asyncGenerator':
        return this.asyncGenerator();
      case 'iterable':
        return this.iterable();
      case 'combinator':
        return this.combinator();
      case 'misc':
        return this.misc();
      case 'emitter':
        return this.emitter();
      case 'timers':
        return this.timers();
      case 'interval':
        return this.interval();
      case 'abort':
        return this.abort();
      case 'abortBrowser':
        return this.abortPlain();
      case 'promisify':
        return this.promisify();
      default:
        return this.classic();
    }
  }

  classAsync(): string[] {
    const C = this.id('Service');
    const o = this.id('svc');
    const field = this.value();
    const lines = [
      `class ${C} {`,
      `  #count = 0;`,
      `  static made = 0;`,
      `  data = ${field};`,
      `  constructor(name) {`,
      `    this.name = name;`,
      `    ${C}.made++;`,
      `  }`,
      `  get count() {`,
      `    return this.#count;`,
      `  }`,
      `  async load(x) {`,
      `    console.log('${this.l()}', this.name, x);`,
      `    const v = await ${this.awaitable()};`,
      `    this.#count++;`,
      `    console.log('${this.l()}', v, this.#count);`,
      ...(this.chance(0.4) ? [`    await ${this.awaitable()};`, `    console.log('${this.l()}');`] : []),
      `    return this.#count;`,
      `  }`,
      `}`,
      `const ${o} = new ${C}('${o}');`,
    ];
    const calls = 1 + this.int(2);
    for (let i = 0; i < calls; i++) lines.push(this.pick([`${o}.load(${i}).then((n) => console.log('${this.l()}', n, ${o}.count));`, `${o}.load(${i});`]));
    lines.push(`console.log('${this.l()}', ${C}.made, ${o}.data, ${o} instanceof ${C});`);
    return lines;
  }

  classExtends(): string[] {
    const A = this.id('Base');
    const B = this.id('Derived');
    const o = this.id('obj');
    const asyncSuper = this.chance(0.5);
    return [
      `class ${A} {`,
      `  constructor(x) {`,
      `    this.x = x;`,
      `  }`,
      `  describe() {`,
      `    return 'base ' + this.x;`,
      `  }`,
      ...(asyncSuper ? [`  async work() {`, `    await ${this.awaitable()};`, `    console.log('${this.l()}', this.x);`, `    return 'base-done';`, `  }`] : []),
      `}`,
      `class ${B} extends ${A} {`,
      `  #secret = ${this.value()};`,
      `  static create(x) {`,
      `    return new this(x);`,
      `  }`,
      `  describe() {`,
      `    return super.describe() + ' derived';`,
      `  }`,
      ...(asyncSuper ? [`  async work() {`, `    console.log('${this.l()}');`, `    const r = await super.work();`, `    console.log('${this.l()}', r, this.#secret);`, `  }`] : [`  get secret() {`, `    return this.#secret;`, `  }`]),
      `}`,
      `const ${o} = ${B}.create(${this.int(9)});`,
      `console.log('${this.l()}', ${o}.describe(), ${o} instanceof ${A}, ${o});`,
      ...(asyncSuper ? [`${o}.work().then(() => console.log('${this.l()}'));`] : [`setTimeout(() => console.log('${this.l()}', ${o}.secret), ${this.delay()});`]),
    ];
  }

  generator(): string[] {
    const g = this.id('gen');
    const n = 2 + this.int(3);
    const withFinally = this.chance(0.5);
    const body = [`  for (let i = 0; i < ${n}; i++) {`, `    const got = yield i * 10;`, `    console.log('${this.l()}', i, got);`, `  }`, `  return 'end';`];
    const lines = [`function* ${g}() {`, ...(withFinally ? ['  try {', ...body.map((b) => `  ${b}`), '  } finally {', `    console.log('${this.l()}');`, '  }'] : body), '}'];
    const use = this.pick(['forof', 'spread', 'next', 'destructure', 'forofBreak', 'delegate']);
    if (use === 'forof') lines.push(`for (const v of ${g}()) console.log('${this.l()}', v);`);
    if (use === 'forofBreak') lines.push(`for (const v of ${g}()) {`, `  if (v > 0) break;`, `  console.log('${this.l()}', v);`, `}`);
    if (use === 'spread') lines.push(`console.log('${this.l()}', [...${g}()]);`);
    if (use === 'destructure') lines.push(`const [${g}a, ${g}b] = ${g}();`, `console.log('${this.l()}', ${g}a, ${g}b);`);
    if (use === 'delegate') lines.push(`function* ${g}outer() {`, `  yield 'first';`, `  const r = yield* ${g}();`, `  console.log('${this.l()}', r);`, `}`, `console.log('${this.l()}', Array.from(${g}outer()));`);
    if (use === 'next') {
      const it = `${g}it`;
      lines.push(`const ${it} = ${g}();`, `console.log('${this.l()}', ${it}.next(), ${it}.next('a'));`);
      lines.push(this.pick([`console.log('${this.l()}', ${it}.return('r'), ${it}.next());`, `setTimeout(() => console.log('${this.l()}', ${it}.next('late')), ${this.delay()});`, `Promise.resolve().then(() => console.log('${this.l()}', ${it}.next('micro')));`]));
    }
    return lines;
  }

  asyncGenerator(): string[] {
    const g = this.id('agen');
    const n = 2 + this.int(2);
    const lines = [`async function* ${g}() {`, `  console.log('${this.l()}');`, `  for (let i = 0; i < ${n}; i++) {`, ...(this.chance(0.7) ? [`    await ${this.awaitable()};`] : []), `    yield i;`, `  }`];
    if (this.chance(0.4)) lines.push(`  return 'r';`);
    lines.push('}');
    const use = this.pick(['forawait', 'forawaitBreak', 'next', 'forawaitSync']);
    if (use === 'forawait') lines.push(`(async () => {`, `  for await (const v of ${g}()) console.log('${this.l()}', v);`, `  console.log('${this.l()}');`, `})();`);
    if (use === 'forawaitBreak') lines.push(`(async () => {`, `  for await (const v of ${g}()) {`, `    console.log('${this.l()}', v);`, `    if (v === 1) break;`, `  }`, `  console.log('${this.l()}');`, `})();`);
    if (use === 'next') lines.push(`const ${g}it = ${g}();`, `${g}it.next().then((r) => console.log('${this.l()}', r));`, `${g}it.next().then((r) => console.log('${this.l()}', r));`, this.pick([`${g}it.return('stop').then((r) => console.log('${this.l()}', r));`, `${g}it.next().then((r) => console.log('${this.l()}', r));`]));
    if (use === 'forawaitSync') lines.push(`(async () => {`, `  for await (const v of [${this.value()}, Promise.resolve('${this.l()}'), ${this.value()}]) console.log('${this.l()}', v);`, `})();`);
    lines.push(...this.classic());
    return lines;
  }

  iterable(): string[] {
    const C = this.id('Range');
    const asyncIter = this.chance(0.5);
    const lines = [`class ${C} {`, `  constructor(n) {`, `    this.n = n;`, `  }`];
    if (asyncIter) lines.push(`  async *[Symbol.asyncIterator]() {`, `    for (let i = 0; i < this.n; i++) {`, `      await ${this.awaitable()};`, `      yield i;`, `    }`, `  }`, `}`, `(async () => {`, `  for await (const v of new ${C}(${2 + this.int(2)})) console.log('${this.l()}', v);`, `})();`);
    else lines.push(`  *[Symbol.iterator]() {`, `    for (let i = 0; i < this.n; i++) yield i;`, `  }`, `}`, `console.log('${this.l()}', [...new ${C}(${2 + this.int(3)})], Math.max(...new ${C}(3)));`);
    lines.push(...this.classic());
    return lines;
  }

  combinator(): string[] {
    const which = this.pick(['allSettled', 'any', 'all', 'race']);
    const parts = Array.from({ length: 1 + this.int(3) }, () => this.pick([this.value(), `Promise.reject(new Error('${this.l()}'))`, `new Promise((r) => setTimeout(r, ${this.delay()}, '${this.l()}'))`, `Promise.resolve('${this.l()}')`]));
    const label = this.l();
    const show = which === 'allSettled' ? `v.map((x) => x.status + ':' + (x.status === 'fulfilled' ? JSON.stringify(x.value) : x.reason.message))` : 'v';
    return [`Promise.${which}([${parts.join(', ')}])`, `  .then((v) => console.log('${label}', ${show}))`, `  .catch((e) => console.log('${label} caught', e instanceof AggregateError ? e.errors.map((x) => x.message) : e.message));`];
  }

  misc(): string[] {
    const l = this.l();
    switch (this.pick(['label', 'map', 'tagged', 'clone', 'errorCause', 'getter'])) {
      case 'label':
        return [`outer${l}: for (let i = 0; i < 3; i++) {`, `  for (let j = 0; j < 3; j++) {`, `    if (j === ${this.int(3)}) continue outer${l};`, `    if (i === 2) break outer${l};`, `    console.log('${l}', i, j);`, `  }`, `}`];
      case 'map': {
        const m = this.id('m');
        return [`const ${m} = new Map([['a', 1], ['b', 2]]);`, `${m}.set('c', new Set([1, 2, 2]));`, `for (const [k, v] of ${m}) Promise.resolve().then(() => console.log('${l}', k, v));`, `console.log('${this.l()}', ${m}, ${m}.size);`];
      }
      case 'tagged':
        return [`const tag${l} = (s, ...v) => s.raw.join('|') + ':' + v.join(',');`, `setTimeout(() => console.log('${l}', tag${l}\`a\${1}b\${${this.value()}}c\`), ${this.delay()});`];
      case 'clone':
        return [`queueMicrotask(() => console.log('${l}', structuredClone({ a: [1, { b: ${this.value()} }], s: new Set([1]) })));`];
      case 'errorCause': {
        const E = this.id('AppError');
        return [`class ${E} extends Error {`, `  constructor(msg, options) {`, `    super(msg, options);`, `    this.name = '${E}';`, `  }`, `}`, `Promise.reject(new ${E}('${l}', { cause: ${this.value()} })).catch((e) => console.log('${this.l()}', e.name, e.message, e.cause, e instanceof Error));`];
      }
      default:
        return [`const o${l} = {`, `  n: 1,`, `  get double() {`, `    return this.n * 2;`, `  },`, `  set double(v) {`, `    this.n = v / 2;`, `  },`, `};`, `o${l}.double = ${2 * (1 + this.int(5))};`, `console.log('${l}', o${l}.n, o${l}.double, o${l});`];
    }
  }

  emitter(): string[] {
    const EE = this.need('EventEmitter');
    const C = this.id('Worker');
    const w = this.id('w');
    const lines = [`class ${C} extends ${EE} {`, `  run() {`, `    this.emit('start', '${w}');`, `    ${this.pick(['setTimeout(() => this.emit(\'done\', 1), ' + this.delay() + ');', "process.nextTick(() => this.emit('done', 2));", "Promise.resolve().then(() => this.emit('done', 3));", (this.browser ? '' : 'setImmediate') + "(() => this.emit('done', 4));"])}`, `  }`, `}`, `const ${w} = new ${C}();`];
    lines.push(`${w}.on('start', (n) => console.log('${this.l()}', n));`);
    if (this.chance(0.5)) lines.push(`${w}.once('done', (v) => console.log('${this.l()}', v));`);
    if (this.chance(0.5)) lines.push(`${EE}.once(${w}, 'done').then(([v]) => console.log('${this.l()}', v));`);
    if (this.chance(0.4)) lines.push(`(async () => {`, `  const [v] = await ${EE}.once(${w}, 'done');`, `  console.log('${this.l()}', v, ${w}.listenerCount('done'));`, `})();`);
    lines.push(`${w}.on('done', function (v) {`, `  console.log('${this.l()}', v, this === ${w});`, `});`);
    lines.push(`${w}.run();`);
    if (this.chance(0.3)) lines.push(`try {`, `  ${w}.emit('error', new Error('${this.l()}'));`, `} catch (e) {`, `  console.log('${this.l()}', e.message);`, `}`);
    lines.push(...this.classic());
    return lines;
  }

  timers(): string[] {
    this.need('sleep');
    const f = this.id('task');
    return [`async function ${f}() {`, `  console.log('${this.l()}');`, `  const a = await sleep(${this.delay()}, '${this.l()}');`, `  console.log('${this.l()}', a);`, `  const b = await immediate('${this.l()}');`, `  console.log('${this.l()}', b);`, `}`, `${f}();`, ...this.classic()];
  }

  interval(): string[] {
    this.need('every');
    const n = 2 + this.int(2);
    return [`(async () => {`, `  let n = 0;`, `  for await (const v of every(${this.pick([5, 10])}, '${this.l()}')) {`, `    console.log(v, ++n);`, `    if (n === ${n}) break;`, `  }`, `  console.log('${this.l()}');`, `})();`, ...this.classic()];
  }

  abort(): string[] {
    this.need('sleep');
    const ac = this.id('ac');
    const early = this.chance(0.5);
    return [
      `const ${ac} = new AbortController();`,
      `${ac}.signal.addEventListener('abort', () => console.log('${this.l()}', ${ac}.signal.aborted));`,
      `sleep(${early ? 50 : 1}, '${this.l()}', { signal: ${ac}.signal })`,
      `  .then((v) => console.log('${this.l()}', v))`,
      `  .catch((e) => console.log('${this.l()}', e.name, e.code));`,
      `setTimeout(() => ${ac}.abort(), ${early ? 10 : 30});`,
    ];
  }

  abortPlain(): string[] {
    const ac = this.id('ac');
    return [`const ${ac} = new AbortController();`, `${ac}.signal.onabort = () => console.log('${this.l()}', ${ac}.signal.reason.name);`, `${ac}.signal.addEventListener('abort', () => console.log('${this.l()}'), { once: true });`, `setTimeout(() => {`, `  ${ac}.abort();`, `  console.log('${this.l()}', ${ac}.signal.aborted);`, `}, ${this.delay()});`, ...this.classic()];
  }

  promisify(): string[] {
    const util = this.need('util');
    const f = this.id('legacy');
    const how = this.pick([`setTimeout(() => cb(null, x * 2), ${this.delay()})`, `process.nextTick(() => cb(null, x + 1))`, `setImmediate(() => cb(x > 1 ? new Error('${this.l()}') : null, x))`]);
    return [`function ${f}(x, cb) {`, `  ${how};`, `}`, `${util}.promisify(${f})(${this.int(3)})`, `  .then((v) => console.log('${this.l()}', v))`, `  .catch((e) => console.log('${this.l()}', e.message));`];
  }
}

/** One generated modern-style program for `seed`. */
export function generateModernProgram(seed: number, options: ModernOptions = {}): string {
  const w = new ModernWriter(seed, options.runtime === 'browser');
  const count = 2 + w.int(3);
  const body: string[] = [];
  for (let i = 0; i < count; i++) body.push(...w.statement());
  return `${[...w.prelude, ...body].join('\n')}\n`;
}
