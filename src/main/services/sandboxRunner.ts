/**
 * The child's side of the event-loop real run (see eventLoopReal.ts), as the text of a CommonJS
 * file written beside the program. The program runs inside a fresh `vm` context whose globals
 * (console, timers, setImmediate, process.nextTick, queueMicrotask, require of fs/timers) are
 * built by code compiled inside that context. The one host function the context holds is
 * `bridge`, kept in a closure the program cannot reach; only primitives cross it, host errors
 * never do, and `Error.prepareStackTrace` is locked so call sites stay out of reach. Output
 * formatting is the child's own console (customInspect off), so lines match real Node.
 */
export const SANDBOX_RUNNER = String.raw`
'use strict';
// The child's side of the event-loop real run. The user's program runs inside a fresh vm
// context whose globals are built inside that context; the only host function the context ever
// holds is 'bridge', kept in a closure the program cannot reach, and only primitives cross it.
const fs = require('fs');
const vm = require('vm');
const { Console } = require('console');
const { types } = require('util');
process.on('SIGUSR1', () => {});
const PROGRAM = process.argv[2];
const t0 = process.hrtime.bigint();
const now = () => Number(process.hrtime.bigint() - t0) / 1e6;
const emit = (e) => { try { fs.writeSync(3, JSON.stringify(e) + '\n'); } catch {} };
const source = fs.readFileSync(PROGRAM, 'utf8');
const dirname = require('path').dirname(PROGRAM);
// Console output is written synchronously (a blocked pipe blocks the program, as a terminal
// would), so a print loop cannot pile up memory and the host's 1 MiB cap sees every byte.
const { Writable } = require('stream');
function writeAll(fd, chunk) {
  const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  let off = 0;
  while (off < buf.length) {
    try { off += fs.writeSync(fd, buf, off); } catch (e) { if (e.code !== 'EAGAIN') throw e; }
  }
}
const syncStream = (fd) => new Writable({ write(chunk, _enc, cb) { writeAll(fd, chunk); cb(); } });
const out = new Console({ stdout: syncStream(1), stderr: syncStream(2), inspectOptions: { customInspect: false } });
// import() would reach Node's loader, and Node's own refusal is a host-realm error (whose
// constructor is the host's Function): every dynamic import gets an error of the program's realm
// instead (this callback needs --experimental-vm-modules on Node 20).
let contextError = null;
const refuseImport = () => { throw contextError("import() is not allowed in the sandbox"); };
const context = vm.createContext(Object.create(null), { name: 'program', codeGeneration: { strings: true, wasm: false }, importModuleDynamically: refuseImport });
contextError = vm.runInContext('(function (message) { const e = new Error(message); e.code = "ERR_ACCESS_DENIED"; return e; })', context, { importModuleDynamically: refuseImport });
const ctxObjectProto = vm.runInContext('Object.prototype', context);

const THREW = '\u0000threw';
let pending;
/** A value the program may receive: a primitive, or an object of the program's own realm. */
function safe(v) {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return v;
  if (types.isProxy(v)) return v;
  let p = v;
  for (let i = 0; i < 10000 && p !== null; i++) {
    if (p === ctxObjectProto) return v;
    p = Reflect.getPrototypeOf(p);
  }
  return undefined;
}
function fail(e) {
  pending = safe(e);
  if (pending === undefined && e !== undefined) pending = String((e && e.message) || 'error');
  return THREW;
}
function copy(a) {
  const n = Math.min(Number(a.length) >>> 0, 10000);
  const r = [];
  for (let i = 0; i < n; i++) r.push(a[i]);
  return r;
}
const handles = new Map();
let line = 0;
const STREAM = { log: 'stdout', info: 'stdout', debug: 'stdout', error: 'stderr', warn: 'stderr' };
const CONSOLE = new Set(['log', 'info', 'debug', 'error', 'warn', 'dir', 'table', 'trace', 'group', 'groupCollapsed', 'groupEnd', 'count', 'countReset', 'time', 'timeEnd', 'timeLog', 'assert', 'dirxml']);
let dispatch = null;
let fsDone = null;
function run(id, api) {
  emit({ k: 'enter', api, id, t: now() });
  try { dispatch(id); } finally { emit({ k: 'exit', api, id, t: now() }); }
}
let exitCode;
function bridge(op, a, b, c) {
  try {
    switch (op) {
      case 'console': {
        const m = String(a);
        if (!CONSOLE.has(m)) return undefined;
        const args = copy(b);
        if (STREAM[m]) emit({ k: 'log', stream: STREAM[m], n: ++line, t: now() });
        if (m === 'dir' || m === 'dirxml') {
          const o = args[1];
          const opts = { customInspect: false };
          if (o !== null && typeof o === 'object') for (const k of ['depth', 'showHidden', 'colors', 'compact', 'breakLength', 'sorted']) { const v = o[k]; if (typeof v !== 'object' && typeof v !== 'function') opts[k] = v; }
          out.dir(args[0], opts);
        } else out[m](...args);
        return undefined;
      }
      case 'timer': {
        const api = String(a);
        const id = Number(b);
        const ms = Number(c);
        emit({ k: 'schedule', api, id, t: now() });
        if (api === 'setTimeout') handles.set(id, setTimeout(() => { handles.delete(id); run(id, api); }, ms));
        else if (api === 'setInterval') handles.set(id, setInterval(() => run(id, api), ms));
        else if (api === 'setImmediate') handles.set(id, setImmediate(() => { handles.delete(id); run(id, api); }));
        else if (api === 'nextTick') process.nextTick(() => run(id, api));
        else if (api === 'queueMicrotask') queueMicrotask(() => run(id, api));
        return undefined;
      }
      case 'clear': {
        const h = handles.get(Number(a));
        if (h !== undefined) { clearTimeout(h); clearInterval(h); clearImmediate(h); handles.delete(Number(a)); }
        return undefined;
      }
      case 'ref': {
        const h = handles.get(Number(a));
        if (h === undefined) return false;
        if (b === 'ref') h.ref(); else if (b === 'unref') h.unref(); else if (b === 'refresh' && typeof h.refresh === 'function') h.refresh();
        return typeof h.hasRef === 'function' ? h.hasRef() : true;
      }
      case 'readFile': {
        const id = Number(a);
        const enc = typeof b === 'string' ? b : undefined;
        fs.readFile(String(c), (err, data) => {
          if (err) fsDone(id, String(err.message), String(err.code), Number(err.errno), String(err.syscall), String(err.path), undefined, undefined);
          else fsDone(id, undefined, undefined, undefined, undefined, undefined, enc ? data.toString(enc) : data.toString('utf8'), enc ? undefined : data.toString('latin1'));
        });
        return undefined;
      }
      case 'readFileSync': {
        const enc = typeof b === 'string' ? b : undefined;
        try {
          const data = fs.readFileSync(String(a));
          pending = enc ? data.toString(enc) : data.toString('latin1');
          return enc ? 'string' : 'buffer';
        } catch (err) {
          pending = [String(err.message), String(err.code), Number(err.errno), String(err.syscall), String(err.path)].join('\u0000');
          return 'error';
        }
      }
      case 'take': {
        const v = pending;
        pending = undefined;
        return v;
      }
      case 'write': {
        writeAll(a === 2 ? 2 : 1, String(b));
        return true;
      }
      case 'hrtime': return Number(process.hrtime.bigint() - t0);
      case 'now': return now();
      case 'exit': {
        const code = a === undefined ? exitCode : Number(a) | 0;
        process.exit(code);
        return undefined;
      }
      case 'exitCode': {
        if (b === 'set') { exitCode = a === undefined ? undefined : Number(a) | 0; process.exitCode = exitCode; }
        return exitCode;
      }
      case 'platform': return process.platform;
      case 'version': return process.version;
      default: return undefined;
    }
  } catch (e) {
    return fail(e);
  }
}

// Compiled inside the context from its own text (never called in this realm).
function setup(bridge, hostFile, setupFile) {
  'use strict';
  const g = globalThis;
  const THREW = '\u0000threw';
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const defineProperty = Object.defineProperty;
  const call = (op, a, b, c) => {
    let r;
    try { r = bridge(op, a, b, c); } catch (e) { throw new ErrorCtor('the sandbox refused a call'); }
    if (r === THREW) {
      let v;
      try { v = bridge('take'); } catch (e) { v = 'error'; }
      throw typeof v === 'string' ? new ErrorCtor(v) : v;
    }
    return r;
  };
  const hide = (o, k, v) => defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
  const table = Object.create(null);
  const handleIds = new WeakMap();
  const wmGet = WeakMap.prototype.get;
  const wmSet = WeakMap.prototype.set;
  const apply = Reflect.apply;
  let nextId = 0;
  const notFunction = (v) => {
    const e = new TypeErrorCtor('The "callback" argument must be of type function. Received ' + (v === null ? 'null' : typeof v === 'object' ? 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object') : typeof v === 'string' ? "type string ('" + v + "')" : v === undefined ? 'undefined' : 'type ' + typeof v + ' (' + String(v) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  };
  class Timeout {
    ref() { call('ref', apply(wmGet, handleIds, [this]), 'ref'); return this; }
    unref() { call('ref', apply(wmGet, handleIds, [this]), 'unref'); return this; }
    hasRef() { return call('ref', apply(wmGet, handleIds, [this]), 'has'); }
    refresh() { call('ref', apply(wmGet, handleIds, [this]), 'refresh'); return this; }
    close() { g.clearTimeout(this); return this; }
    [Symbol.toPrimitive]() { return apply(wmGet, handleIds, [this]); }
  }
  class Immediate {
    ref() { call('ref', apply(wmGet, handleIds, [this]), 'ref'); return this; }
    unref() { call('ref', apply(wmGet, handleIds, [this]), 'unref'); return this; }
    hasRef() { return call('ref', apply(wmGet, handleIds, [this]), 'has'); }
  }
  const schedule = (api, cb, ms, args, repeat) => {
    if (typeof cb !== 'function') throw notFunction(cb);
    const id = ++nextId;
    table[id] = { cb, args, repeat };
    call('timer', api, id, ms === undefined ? 1 : +ms);
    return id;
  };
  const handle = (Kind, id) => { const h = new Kind(); apply(wmSet, handleIds, [h, id]); return h; };
  const clear = (h) => {
    const id = h !== null && typeof h === 'object' ? apply(wmGet, handleIds, [h]) : typeof h === 'number' || typeof h === 'string' ? +h : undefined;
    if (id === undefined || table[id] === undefined) return;
    delete table[id];
    call('clear', id);
  };
  const timers = {
    setTimeout(cb, ms, ...args) { return handle(Timeout, schedule('setTimeout', cb, ms, args, false)); },
    setInterval(cb, ms, ...args) { return handle(Timeout, schedule('setInterval', cb, ms, args, true)); },
    setImmediate(cb, ...args) { return handle(Immediate, schedule('setImmediate', cb, 0, args, false)); },
    clearTimeout(h) { clear(h); },
    clearInterval(h) { clear(h); },
    clearImmediate(h) { clear(h); },
    queueMicrotask(cb) { schedule('queueMicrotask', cb, 0, [], false); },
  };
  for (const k of Object.keys(timers)) hide(g, k, timers[k]);
  const con = {};
  for (const m of ['log', 'info', 'debug', 'error', 'warn', 'dir', 'table', 'trace', 'group', 'groupCollapsed', 'groupEnd', 'count', 'countReset', 'time', 'timeEnd', 'timeLog', 'assert', 'dirxml']) {
    con[m] = { [m](...a) { call('console', m, a); } }[m];
  }
  hide(g, 'console', con);
  const hrtime = (prev) => {
    const ns = call('hrtime');
    let s = Math.floor(ns / 1e9);
    let n = ns - s * 1e9;
    if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s -= 1; n += 1e9; } }
    return [s, n];
  };
  hrtime.bigint = () => BigInt(Math.round(call('hrtime')));
  const proc = {
    nextTick(cb, ...args) { schedule('nextTick', cb, 0, args, false); },
    exit(code) { call('exit', code); },
    hrtime,
    platform: call('platform'),
    version: call('version'),
    env: {},
    argv: ['node', ''],
    stdout: { write(chunk) { return call('write', 1, typeof chunk === 'string' ? chunk : String(chunk)); } },
    stderr: { write(chunk) { return call('write', 2, typeof chunk === 'string' ? chunk : String(chunk)); } },
  };
  defineProperty(proc, 'exitCode', { get() { return call('exitCode', undefined, 'get'); }, set(v) { call('exitCode', v, 'set'); }, enumerable: true, configurable: true });
  hide(g, 'process', proc);
  hide(g, 'performance', { now() { return call('now'); } });
  hide(g, 'global', g);
  // A Buffer as far as the subset needs one: bytes, and toString() gives the text back.
  const texts = new WeakMap();
  class Buffer extends Uint8Array {
    toString(encoding) { const t = apply(wmGet, texts, [this]); return t === undefined ? '' : t; }
  }
  const toBuffer = (latin1, text) => {
    const b = new Buffer(latin1.length);
    for (let i = 0; i < latin1.length; i++) b[i] = latin1.charCodeAt(i);
    apply(wmSet, texts, [b, text]);
    return b;
  };
  const fsErr = (message, code, errno, syscall, path) => {
    const e = new ErrorCtor(message);
    e.errno = errno; e.code = code; e.syscall = syscall; e.path = path;
    return e;
  };
  const pendingFs = Object.create(null);
  const encodingOf = (o) => (typeof o === 'string' ? o : o !== null && typeof o === 'object' ? o.encoding : undefined);
  const readFile = function readFile(path, options, cb) {
    if (typeof options === 'function') { cb = options; options = undefined; }
    if (typeof cb !== 'function') throw notFunction(cb);
    const id = ++nextId;
    const enc = encodingOf(options);
    pendingFs[id] = cb;
    call('readFile', id, enc === undefined || enc === null ? undefined : String(enc), String(path));
  };
  const readFileSync = function readFileSync(path, options) {
    const enc = encodingOf(options);
    const kind = call('readFileSync', String(path), enc === undefined || enc === null ? undefined : String(enc));
    const v = call('take');
    if (kind === 'error') { const p = v.split('\u0000'); throw fsErr(p[0], p[1], +p[2], p[3], p[4]); }
    return kind === 'string' ? v : toBuffer(v, v);
  };
  const promises = {
    readFile(path, options) { return new Promise((resolve, reject) => readFile(path, options, (e, d) => (e ? reject(e) : resolve(d)))); },
  };
  const fsModule = { readFile, readFileSync, promises };
  const allowed = { fs: fsModule, 'node:fs': fsModule, 'fs/promises': promises, 'node:fs/promises': promises, timers, 'node:timers': timers };
  const require = function require(name) {
    const key = String(name);
    if (Object.prototype.hasOwnProperty.call(allowed, key)) return allowed[key];
    const e = new ErrorCtor("require('" + key + "') is not allowed in the sandbox (only fs, fs/promises and timers)");
    e.code = 'ERR_ACCESS_DENIED';
    throw e;
  };
  // Stack traces stay strings, as V8 writes them, without the sandbox's own frames: structured
  // call sites are not for the program.
  const errorToString = Error.prototype.toString;
  const prepareStackTrace = function (error, frames) {
    let head;
    try { head = apply(errorToString, error, []); } catch (e) { head = 'Error'; }
    let text = head;
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i];
      const file = f.getFileName();
      if (file === hostFile || file === setupFile) continue;
      text += '\n    at ' + f;
    }
    return text;
  };
  defineProperty(ErrorCtor, 'prepareStackTrace', { value: prepareStackTrace, writable: false, configurable: false });
  defineProperty(g, 'Error', { value: ErrorCtor, writable: false, configurable: false });
  const dispatch = (id) => {
    const e = table[id];
    if (e === undefined) return;
    if (!e.repeat) delete table[id];
    apply(e.cb, undefined, e.args);
  };
  const fsDone = (id, message, code, errno, syscall, path, text, latin1) => {
    const cb = pendingFs[id];
    delete pendingFs[id];
    if (message !== undefined) apply(cb, undefined, [fsErr(message, code, errno, syscall, path)]);
    else apply(cb, undefined, [null, latin1 === undefined ? text : toBuffer(latin1, text)]);
  };
  const module = { exports: {} };
  return [dispatch, fsDone, require, module];
}

const [d, f, req, mod] = vm.runInContext('(' + setup.toString() + ')', context, { filename: 'nanoscope:sandbox', importModuleDynamically: refuseImport })(bridge, __filename, 'nanoscope:sandbox');
dispatch = d;
fsDone = f;
const fn = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: PROGRAM, parsingContext: context, importModuleDynamically: refuseImport });
Reflect.apply(fn, mod.exports, [mod.exports, req, mod, PROGRAM, dirname]);
`;
