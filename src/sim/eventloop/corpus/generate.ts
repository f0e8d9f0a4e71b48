/**
 * A seeded generator of event-loop programs for the correctness corpus: every API of the
 * subset mixed and nested — timers of several delays, intervals, immediates, nextTick,
 * queueMicrotask, promise chains (returning values, promises, thenables, throwing),
 * executors, async functions awaiting values / promises / thenables / other async calls,
 * try/catch/finally, the combinators, fs.readFile and fs.promises.readFile — or, for the
 * browser runtime, MessageChannel messages and requestAnimationFrame instead of nextTick,
 * setImmediate and fs. Every print has a unique label so the order is the whole story.
 */
import { Rng } from '../../core/rng';

/** Options of the generator. */
export interface GeneratorOptions {
  /** Top-level statements, before nesting. */
  readonly statements?: number;
  /** Nesting depth of callbacks. */
  readonly depth?: number;
  /**
   * `node` (the default): nextTick, setImmediate and fs among the APIs. `browser`: those are
   * replaced by MessageChannel messages and requestAnimationFrame callbacks.
   */
  readonly runtime?: 'node' | 'browser';
}

/** Timer delays the generator uses, ms (0 and 1 are the same timer in Node). */
export const DELAYS = [0, 1, 5, 10, 20, 50] as const;

class Writer {
  private readonly rng: Rng;
  private label = 0;
  private fn = 0;
  readonly usesFs: boolean;
  readonly prelude: string[] = [];

  constructor(
    seed: number,
    readonly browser: boolean,
  ) {
    this.rng = new Rng(seed);
    this.usesFs = this.rng.next() < 0.25 && !browser;
    if (this.usesFs) this.prelude.push("const fs = require('fs');");
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
  next(): string {
    return `L${++this.label}`;
  }
  fnName(): string {
    return `f${++this.fn}`;
  }

  /** A primitive (or small array/object) value, as source. */
  value(): string {
    return this.pick(["'a'", "'b'", '1', '2', '42', 'null', '[1, 2]', "{ k: 'v' }", 'true', 'undefined', "'x y'"]);
  }
  /** A delay; programs that read files keep top-level timers away from the read (a real race otherwise). */
  delay(top: boolean): number {
    return top && this.usesFs ? this.pick([10, 20, 50]) : this.pick(DELAYS);
  }

  log(extra = ''): string {
    return `console.log('${this.next()}'${extra});`;
  }

  /** A block of statements at a depth. */
  block(depth: number, count: number, ctx: { async: boolean; top: boolean }): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(...this.statement(depth, ctx));
    return out;
  }

  body(depth: number, ctx: { async: boolean; top: boolean }): string[] {
    const n = depth <= 0 ? 1 : 1 + this.int(2);
    return depth <= 0 ? [this.log()] : this.block(depth - 1, n, ctx);
  }

  statement(depth: number, ctx: { async: boolean; top: boolean }): string[] {
    const kinds = this.browser
      ? ['log', 'timeout', 'message', 'raf', 'microtask', 'chain', 'executor', 'async', 'combinator', 'thenable']
      : ['log', 'timeout', 'immediate', 'tick', 'microtask', 'chain', 'executor', 'async', 'combinator', 'thenable'];
    if (ctx.top) kinds.push('interval', 'clear', 'loop');
    if (this.usesFs) kinds.push('readFile', 'readFilePromise');
    if (ctx.async) kinds.push('await', 'await', 'trycatch');
    if (ctx.top && this.chance(0.03)) return [this.fatal()];
    const kind = depth <= 0 ? this.pick(['log', 'log', this.browser ? 'microtask' : 'tick', 'microtask', 'chain']) : this.pick(kinds);
    const inner = { async: false, top: false };
    const nested = (d: number): string[] => indent(this.body(d, inner));
    switch (kind) {
      case 'log':
        return [this.chance(0.2) ? this.log(`, ${this.value()}`) : this.log()];
      case 'timeout':
        return [`setTimeout(() => {`, ...nested(depth), `}, ${this.delay(ctx.top)});`];
      case 'immediate':
        return [`setImmediate(() => {`, ...nested(depth), `});`];
      case 'tick':
        return [`process.nextTick(() => {`, ...nested(depth), `});`];
      case 'message': {
        const c = `c${this.label + 1}`;
        return [`{`, `  const ${c} = new MessageChannel();`, `  ${c}.port1.onmessage = (e) => {`, `    console.log('${this.next()}', e.data);`, ...indent(nested(depth)), `  };`, `  ${c}.port2.postMessage(${this.value()});`, `}`];
      }
      case 'raf':
        return [`requestAnimationFrame(() => {`, ...nested(depth), `});`];
      case 'microtask':
        return [`queueMicrotask(() => {`, ...nested(depth), `});`];
      case 'chain':
        return this.chain(depth, `Promise.resolve(${this.value()})`);
      case 'executor': {
        const settle = this.pick([`resolve(${this.value()});`, `reject('${this.next()}-err');`, `setTimeout(() => resolve('${this.next()}'), ${this.delay(ctx.top)});`, `resolve(Promise.resolve(${this.value()}));`]);
        return this.chain(depth, `new Promise((resolve, reject) => {\n  ${this.log()}\n  ${settle}\n})`);
      }
      case 'thenable': {
        const t = `{ then(resolve) { ${this.log()} resolve(${this.value()}); } }`;
        return this.chain(depth, this.chance(0.5) ? `Promise.resolve(${t})` : `new Promise((r) => r(${t}))`);
      }
      case 'async':
        return this.asyncFn(depth);
      case 'await':
        return [`console.log('${this.next()}', await ${this.awaitable(ctx.top)});`];
      case 'trycatch': {
        const thrower = this.pick([`await Promise.reject('${this.next()}-e')`, `throw new Error('${this.next()}-e')`, `await ${this.awaitable(false)}`]);
        const lines = [`try {`, `  ${thrower};`, `  ${this.log()}`, `} catch (e) {`, `  console.log('${this.next()}', e instanceof Error ? e.message : e);`];
        if (this.chance(0.5)) lines.push(`} finally {`, `  ${this.log()}`);
        lines.push('}');
        return lines;
      }
      case 'combinator': {
        const which = this.pick(['all', 'allSettled', 'race', 'any']);
        const parts = Array.from({ length: 1 + this.int(3) }, () => this.pick([this.value(), `Promise.resolve(${this.value()})`, `Promise.reject('${this.next()}-r')`, `new Promise((r) => setTimeout(() => r('${this.next()}'), ${this.delay(ctx.top)}))`, `{ then(r) { r('${this.next()}'); } }`]));
        const label = this.next();
        return [`Promise.${which}([${parts.join(', ')}])`, `  .then((v) => console.log('${label}', v))`, `  .catch((e) => console.log('${label} caught', e instanceof Error ? e.message : e));`];
      }
      case 'interval': {
        const n = 2 + this.int(3);
        const l = this.next();
        return [`{`, `  let n = 0;`, `  const id = setInterval(() => {`, `    n++;`, `    console.log('${l}', n);`, `    if (n === ${n}) clearInterval(id);`, `  }, ${this.pick([5, 10, 20])});`, `}`];
      }
      case 'clear': {
        const l = this.next();
        const d = this.delay(true);
        return this.chance(0.5)
          ? [`clearTimeout(setTimeout(() => console.log('${l} never'), ${d}));`]
          : [`{`, `  const t = setTimeout(() => console.log('${l} never'), ${d + 30});`, `  setTimeout(() => { clearTimeout(t); ${this.log()} }, ${d});`, `}`];
      }
      case 'loop': {
        const l = this.next();
        const what = this.pick([`setTimeout(() => console.log('${l}', i), ${this.delay(true)})`, `Promise.resolve(i).then((v) => console.log('${l}', v))`, this.browser ? `queueMicrotask(() => console.log('${l}', i))` : `process.nextTick(() => console.log('${l}', i))`]);
        return [`for (${this.pick(['let', 'var'])} i = 0; i < ${2 + this.int(2)}; i++) ${what};`];
      }
      case 'readFile':
        return [`fs.readFile(__filename, (err, data) => {`, `  console.log('${this.next()}', err === null, data.length > 0);`, ...nested(depth), `});`];
      case 'readFilePromise':
        return [`fs.promises.readFile(__filename, 'utf8').then((text) => {`, `  console.log('${this.next()}', text.length > 0);`, ...nested(depth), `});`];
      default:
        return [this.log()];
    }
  }

  /** Something that ends the program: an unhandled rejection or an uncaught throw. */
  fatal(): string {
    const l = this.next();
    return this.pick([
      `Promise.reject(new Error('${l} unhandled'));`,
      `setTimeout(() => { throw new Error('${l} uncaught'); }, ${this.delay(true)});`,
      `(async () => { await null; throw new Error('${l} async'); })();`,
      `Promise.resolve().then(() => { throw '${l} in then'; });`,
    ]);
  }

  /** Something to await. */
  awaitable(top: boolean): string {
    return this.pick([this.value(), `Promise.resolve(${this.value()})`, `{ then(r) { r('${this.next()}'); } }`, `new Promise((r) => setTimeout(r, ${this.delay(top)}, '${this.next()}'))`, this.browser ? `new Promise((r) => { const m = new MessageChannel(); m.port1.onmessage = () => r('${this.next()}'); m.port2.postMessage(0); })` : `new Promise((r) => setImmediate(() => r('${this.next()}')))`, `null`]);
  }

  chain(depth: number, head: string): string[] {
    const lines = [`${head}`];
    const links = 1 + this.int(3);
    for (let i = 0; i < links; i++) {
      const k = this.pick(['then', 'then', 'then', 'catch', 'finally']);
      if (k === 'finally') {
        lines.push(`  .finally(() => { ${this.log()} })`);
        continue;
      }
      if (k === 'catch') {
        lines.push(`  .catch((e) => { console.log('${this.next()}', e instanceof Error ? e.message : e); })`);
        continue;
      }
      const ret = this.pick(['', '', `return ${this.value()};`, `return Promise.resolve('${this.next()}');`, `return { then(r) { r('${this.next()}'); } };`, `throw new Error('${this.next()}');`]);
      const isAsync = this.chance(0.2);
      const inner = depth > 0 && this.chance(0.4) ? this.block(depth - 1, 1, { async: isAsync, top: false }).join(' ') : '';
      lines.push(`  .then(${isAsync ? 'async ' : ''}(v) => { console.log('${this.next()}', v); ${inner} ${ret} })`);
    }
    lines.push(`  .catch((e) => console.log('${this.next()} end', e instanceof Error ? e.message : e));`);
    return lines;
  }

  asyncFn(depth: number): string[] {
    const name = this.fnName();
    const body = this.block(Math.max(0, depth - 1), 1 + this.int(3), { async: true, top: false });
    const ret = this.pick(['', `return ${this.value()};`, `return Promise.resolve('${this.next()}');`, `return ${this.awaitable(false)};`]);
    const call = this.pick([`${name}().then((v) => console.log('${this.next()}', v));`, `${name}();`, `${name}().catch((e) => console.log('${this.next()}', e instanceof Error ? e.message : e));`]);
    const arrow = this.chance(0.3);
    const head = arrow ? `const ${name} = async () => {` : `async function ${name}() {`;
    return [head, ...indent([this.log(), ...body, ...(ret === '' ? [] : [ret])]), arrow ? '};' : '}', call];
  }
}

function indent(lines: string[]): string[] {
  return lines.map((l) => l.split('\n').map((x) => `  ${x}`).join('\n'));
}

/** One generated program for `seed`. */
export function generateProgram(seed: number, options: GeneratorOptions = {}): string {
  const w = new Writer(seed, options.runtime === 'browser');
  const count = options.statements ?? 3 + w.int(4);
  const depth = options.depth ?? 2;
  const lines = [...w.prelude, ...w.block(depth, count, { async: false, top: true })];
  return `${lines.join('\n')}\n`;
}
