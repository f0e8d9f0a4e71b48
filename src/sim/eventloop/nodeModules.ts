/**
 * `require` for the subset: `fs` with `readFile` and `promises.readFile`, as Node 20 runs them —
 * four requests through libuv's thread pool (open, fstat, read, close), each completing in a
 * poll phase, the callback (or the promise) after the last one. Only the program's own file
 * (`__filename`) exists.
 */
import type { NodeRuntime } from './nodeRuntime';
import { JSFunction, JSObject, UnsupportedError, type Scope, type Value } from './values';

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
  scope.declare(
    'require',
    realm.native('require', (_t, a) => {
      const name = realm.toStr(a[0]);
      if (name === 'fs' || name === 'node:fs') return fs;
      if (name === 'fs/promises' || name === 'node:fs/promises') return promises;
      throw new UnsupportedError(`require('${name}') (only 'fs' and 'fs/promises' are simulated)`, rt.it.line, 1);
    }),
    true,
  );
  void JSFunction;
}
