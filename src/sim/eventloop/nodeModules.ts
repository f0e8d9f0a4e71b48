/**
 * `require` for the subset: `fs` with `readFile` and `promises.readFile`, as Node 20 runs them —
 * four requests through libuv's thread pool (open, fstat, read, close), each completing in a
 * poll phase, the callback (or the promise) after the last one. Only the program's own file
 * (`__filename`) exists.
 */
import type { ExpressionStatement } from 'acorn';
import { evalExpr } from './expressions';
import { formatLog, inspect } from './inspect';
import { drive } from './interpreter';
import { NODE_LIBRARY } from './nodeLibrary';
import type { NodeRuntime } from './nodeRuntime';
import { parseLibrary } from './parse';
import type { Interpreter } from './interpreter';
import { JSFunction, JSObject, UnsupportedError, type Scope, type Value } from './values';

/** Modules `require` knows (besides fs). */
export const NODE_MODULES = ['fs', 'fs/promises', 'events', 'timers', 'timers/promises', 'util'] as const;

/**
 * Runs Node's library source (nodeLibrary.ts) once in the program's realm and returns its
 * exports; `natives` are the timers of the global scope and util.inspect.
 */
export function loadLibrary(it: Interpreter, scope: Scope): JSObject {
  const realm = it.realm;
  const program = parseLibrary(NODE_LIBRARY);
  const fn = drive(evalExpr(it, (program.body[0] as ExpressionStatement).expression, it.global));
  const natives = realm.object({
    inspect: realm.native('inspect', (_t, a) => inspect(a[0], 2)),
    step: realm.native('step', (_t, a) => (it.host.step?.(realm.toStr(a[0]).replace(/ $/, ' (anonymous)')), undefined)),
  });
  for (const name of ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval']) natives.props[name] = scope.lookup(name)?.value;
  const line = it.line;
  const lib = it.call(fn, undefined, [natives]);
  it.line = line;
  if (!(lib instanceof JSObject)) throw new Error('internal: the Node library did not load');
  return lib;
}

const FS_STEPS = ['open', 'fstat', 'read', 'close'] as const;

/** UTF-8 byte length of a string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Installs require, __filename and __dirname. */
export function installNodeModules(rt: NodeRuntime, scope: Scope, source: string, filename: string): void {
  const realm = rt.it.realm;
  const dirname = filename.includes('/') ? filename.slice(0, filename.lastIndexOf('/')) || '/' : '.';
  scope.declare('__filename', filename, true);
  scope.declare('__dirname', dirname, true);

  const content = (encoding: Value): Value => {
    if (encoding === 'utf8' || encoding === 'utf-8') return source;
    const buf = realm.object();
    buf.className = 'Buffer';
    buf.props.length = utf8Length(source);
    buf.props['toString' as string] = realm.native('toString', () => source);
    return buf;
  };
  const encodingOf = (opt: Value): Value => (typeof opt === 'string' ? opt : opt instanceof JSObject ? opt.props.encoding : undefined);
  const enoent = (path: string): JSObject => {
    const e = realm.makeError('Error', `ENOENT: no such file or directory, open '${path}'`);
    e.props.errno = -2;
    e.props.code = 'ENOENT';
    e.props.syscall = 'open';
    e.props.path = path;
    return e;
  };
  /** Runs the four thread-pool requests one after another; `done` gets the error or null. */
  const readChain = (path: string, label: string, line: number | null, done: (err: JSObject | null) => void): void => {
    const exists = path === filename;
    const step = (i: number): void => {
      rt.startIo(`${label}: ${FS_STEPS[i]}`, line, rt.fsOpNs, () => {
        if (!exists) done(enoent(path));
        else if (i + 1 < FS_STEPS.length) step(i + 1);
        else done(null);
      });
    };
    step(0);
  };

  const readFile = realm.native('readFile', (_t, a) => {
    const path = realm.toStr(a[0]);
    const cb = rt.callable(a[a.length - 1], 'cb');
    const encoding = a.length > 2 ? encodingOf(a[1]) : undefined;
    readChain(path, `fs.readFile(${cb.name === '' ? '(anonymous)' : cb.name})`, rt.it.line, (err) => {
      rt.it.call(cb, undefined, err !== null ? [err] : [null, content(encoding)]);
    });
    return undefined;
  });
  const promises = realm.object();
  promises.props.readFile = realm.native('readFile', (_t, a) => {
    const path = realm.toStr(a[0]);
    const cap = realm.promises.capability();
    const encoding = encodingOf(a[1]);
    readChain(path, 'fs.promises.readFile', rt.it.line, (err) => {
      if (err !== null) cap.reject(err);
      else cap.resolve(content(encoding));
    });
    return cap.promise;
  });
  const fs = realm.object();
  fs.props.readFile = readFile;
  fs.props.promises = promises;
  let lib: JSObject | null = null;
  const library = (): JSObject => (lib ??= loadLibrary(rt.it, scope));
  if (/\b(AbortController|AbortSignal|DOMException)\b/.test(source)) {
    for (const name of ['AbortController', 'AbortSignal', 'DOMException']) scope.declare(name, library().props[name], true);
  }
  const cache = new Map<string, Value>();
  const load = (name: string): Value => {
    const exports = loadModule(name);
    if (exports instanceof JSObject && exports.internal === null) exports.internal = { module: `require('${name}')` };
    return exports;
  };
  const loadModule = (name: string): Value => {
    switch (name) {
      case 'fs':
        return fs;
      case 'fs/promises':
        return promises;
      case 'events':
        return library().props.EventEmitter;
      case 'timers/promises':
        return library().props.timersPromises;
      case 'timers': {
        const t = realm.object();
        for (const k of ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval']) t.props[k] = scope.lookup(k)?.value;
        t.props.promises = library().props.timersPromises;
        return t;
      }
      case 'util': {
        const u = realm.object();
        u.props.promisify = library().props.promisify;
        u.props.inspect = realm.native('inspect', (_t, a) => {
          const opts = a[1];
          const depth = opts instanceof JSObject && typeof opts.props.depth === 'number' ? opts.props.depth : opts instanceof JSObject && opts.props.depth === null ? Infinity : 2;
          return inspect(a[0], depth);
        });
        u.props.format = realm.native('format', (_t, a) => formatLog(a));
        u.props.inherits = realm.native('inherits', (_t, a) => {
          const ctor = a[0];
          const parent = a[1];
          const proto = realm.get(ctor, 'prototype');
          if (proto instanceof JSObject) proto.proto = realm.get(parent, 'prototype') as JSObject;
          if (ctor instanceof JSObject && parent instanceof JSObject) ctor.props.super_ = parent;
          return undefined;
        });
        return u;
      }
    }
    throw new UnsupportedError(`require('${name}') (the simulated modules are ${NODE_MODULES.map((m) => `'${m}'`).join(', ')})`, rt.it.line, 1);
  };
  scope.declare(
    'require',
    realm.native('require', (_t, a) => {
      const name = realm.toStr(a[0]).replace(/^node:/, '');
      if (!cache.has(name)) cache.set(name, load(name));
      return cache.get(name);
    }),
    true,
  );
  void JSFunction;
}
