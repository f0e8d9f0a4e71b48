/**
 * Runs a user's program for real, isolated, beside the event-loop model. `vm` in a worker is
 * not a sandbox, so the program runs in a separate Node process under Node's permission model
 * (`--experimental-permission`, `--permission` from Node 22.13/23.5): file reads allowed only
 * in a fresh temporary directory holding a copy of the program (so `fs.readFile(__filename)`
 * works) and the instrument; no writes, no child processes, no workers, no addons. A preload
 * instrument also refuses `require` of anything but fs/timers/util/events, removes fetch and
 * WebSocket, and records each console line and each callback's entry and exit with its real
 * timestamp on fd 3. The process gets an empty environment, a time budget (SIGKILL), a heap
 * limit (--max-old-space-size) and an output cap. Used by the CLI and, through a worker, by
 * both app hosts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventLoopRealEvent, EventLoopRealOutcome } from '../../shared/api';

/** Limits of one real run. */
export interface RealRunOptions {
  /** Wall-clock budget, ms. */
  readonly timeoutMs: number;
  /** V8 old-space limit, MiB. */
  readonly heapMb: number;
  /** stdout + stderr cap, bytes. */
  readonly maxOutputBytes: number;
  /** The Node binary (Electron's with ELECTRON_RUN_AS_NODE=1). */
  readonly execPath: string;
  /** Its Node version, e.g. "20.20.2" (picks the permission flag). */
  readonly nodeVersion: string;
  /** Told the child's pid as soon as it exists (so a cancel can kill it). */
  readonly onChild?: (pid: number | null) => void;
}

/** Defaults: 5 s, 128 MiB of heap, 1 MiB of output, this Node. */
export const REAL_RUN_DEFAULTS: RealRunOptions = {
  timeoutMs: 5000,
  heapMb: 128,
  maxOutputBytes: 1 << 20,
  execPath: process.execPath,
  nodeVersion: process.versions.node,
};

const INSTRUMENT = `'use strict';
const fs = require('fs');
const Module = require('module');
const t0 = process.hrtime.bigint();
const now = () => Number(process.hrtime.bigint() - t0) / 1e6;
const emit = (e) => { try { fs.writeSync(3, JSON.stringify(e) + '\\n'); } catch {} };
const PROGRAM = process.argv[1];
const allowed = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'timers', 'node:timers', 'util', 'node:util', 'events', 'node:events']);
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (parent && parent.filename === PROGRAM && !allowed.has(request)) throw new Error("require('" + request + "') is not allowed in the sandbox");
  return load.apply(this, arguments);
};
for (const g of ['fetch', 'WebSocket', 'EventSource']) { try { delete globalThis[g]; } catch {} }
for (const k of ['dlopen', 'kill', 'chdir', 'setuid', 'setgid', 'binding', '_linkedBinding']) { try { process[k] = undefined; } catch {} }
let seq = 0;
const wrap = (obj, key, api) => {
  const orig = obj[key];
  obj[key] = function (cb, ...rest) {
    if (typeof cb !== 'function') return orig.call(this, cb, ...rest);
    const id = ++seq;
    emit({ k: 'schedule', api, id, t: now() });
    return orig.call(this, function (...a) {
      emit({ k: 'enter', api, id, t: now() });
      try { return cb.apply(this, a); } finally { emit({ k: 'exit', api, id, t: now() }); }
    }, ...rest);
  };
};
wrap(globalThis, 'setTimeout', 'setTimeout');
wrap(globalThis, 'setInterval', 'setInterval');
wrap(globalThis, 'setImmediate', 'setImmediate');
wrap(globalThis, 'queueMicrotask', 'queueMicrotask');
wrap(process, 'nextTick', 'nextTick');
let line = 0;
for (const [key, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['error', 'stderr'], ['warn', 'stderr']]) {
  const orig = console[key];
  console[key] = function (...a) { emit({ k: 'log', stream, n: ++line, t: now() }); return orig.apply(this, a); };
}
`;

/** Whether this Node spells the flag `--permission` (22.13+, 23.5+) or `--experimental-permission`. */
export function permissionFlag(nodeVersion: string): string {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

/** Runs `source` for real; resolves when the process has ended or was stopped. */
export function runRealProgram(source: string, options: Partial<RealRunOptions> = {}): Promise<EventLoopRealOutcome> {
  const o = { ...REAL_RUN_DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'nanoscope-eventloop-'));
  const program = join(dir, 'program.js');
  const instrument = join(dir, 'instrument.cjs');
  writeFileSync(program, source);
  writeFileSync(instrument, INSTRUMENT);
  const args = [permissionFlag(o.nodeVersion), `--allow-fs-read=${dir}/*`, '--no-warnings', `--max-old-space-size=${o.heapMb}`, '--require', instrument, program];
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(o.execPath, args, { cwd: dir, env: { ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    o.onChild?.(child.pid ?? null);
    let stdout = '';
    let stderr = '';
    let events = '';
    let bytes = 0;
    let stopped: EventLoopRealOutcome['stopped'] = null;
    const stop = (why: NonNullable<EventLoopRealOutcome['stopped']>): void => {
      if (stopped === null) stopped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('time'), o.timeoutMs);
    const take = (c: Buffer, into: 'out' | 'err'): void => {
      bytes += c.length;
      if (bytes > o.maxOutputBytes) return stop('output');
      if (into === 'out') stdout += c.toString();
      else stderr += c.toString();
    };
    child.stdout?.on('data', (c: Buffer) => take(c, 'out'));
    child.stderr?.on('data', (c: Buffer) => take(c, 'err'));
    child.stdio[3]?.on('data', (c: Buffer) => {
      if (events.length < 4 * o.maxOutputBytes) events += c.toString();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr: `${stderr}${e.message}\n`, exitCode: null, signal: null, stopped: null, message: `could not start ${o.execPath}: ${e.message}`, events: [], wallMs: 0, tempDir: dir });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      o.onChild?.(null);
      rmSync(dir, { recursive: true, force: true });
      if (stopped === null && (/heap out of memory|Allocation failed/i.test(stderr) || signal === 'SIGABRT')) stopped = 'memory';
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ stdout, stderr, exitCode: code, signal, stopped, message: messageFor(stopped, o), events: parseEvents(events), wallMs, tempDir: dir });
    });
  });
}

function messageFor(stopped: EventLoopRealOutcome['stopped'], o: RealRunOptions): string | null {
  switch (stopped) {
    case 'time':
      return `stopped after ${o.timeoutMs / 1000} s (the time budget): an infinite loop, or a program that never lets the loop go idle?`;
    case 'memory':
      return `stopped: the program used more than its ${o.heapMb} MiB heap budget`;
    case 'output':
      return `stopped: the program printed more than ${Math.round(o.maxOutputBytes / 1024)} KiB`;
    default:
      return null;
  }
}

function parseEvents(text: string): EventLoopRealEvent[] {
  const out: EventLoopRealEvent[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const e = JSON.parse(line) as { k: string; api?: string; id?: number; stream?: string; n?: number; t: number };
      if (e.k === 'log') out.push({ kind: 'log', stream: e.stream === 'stderr' ? 'stderr' : 'stdout', line: e.n ?? 0, tMs: e.t });
      else if (e.k === 'schedule' || e.k === 'enter' || e.k === 'exit') out.push({ kind: e.k, api: e.api ?? '', id: e.id ?? 0, tMs: e.t });
    } catch {
      // A line cut by the kill.
    }
  }
  return out;
}
