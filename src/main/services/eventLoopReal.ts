/**
 * Runs a user's program for real, isolated, beside the event-loop model. Layers, each tested in
 * tests/security/:
 * 1. A fresh `vm` context inside the child (sandboxRunner.ts): the program sees no `process`,
 *    `require`, `module` or host object; only primitives cross the one bridge.
 * 2. Node's permission model (`--experimental-permission`, `--permission` from 22.13/23.5):
 *    reads only in a fresh temporary directory holding the program and the runner; no writes,
 *    no child processes, no workers, no addons.
 * 3. Its own session and process group (detached), and on Linux, where unprivileged user
 *    namespaces exist, `unshare` with new user, network and PID namespaces: no network at all,
 *    no other process visible or signalable; on macOS, `sandbox-exec` with a profile that denies
 *    network, file writes, forks and signals to other processes.
 * 4. Budgets: wall time (SIGKILL to the group), V8 heap (--max-old-space-size), resident memory
 *    (a watchdog on the child's RSS, reported as `memory`) and output (1 MiB).
 * Hosts never let SIGUSR1 open an inspector (inspectorGuard.ts). Used by the CLI and, through
 * a worker, by both app hosts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventLoopRealEvent, EventLoopRealOutcome, SandboxLayers } from '../../shared/api';
import { SANDBOX_RUNNER } from './sandboxRunner';

/** Limits of one real run. */
export interface RealRunOptions {
  /** Wall-clock budget, ms. */
  readonly timeoutMs: number;
  /** V8 old-space limit, MiB. */
  readonly heapMb: number;
  /** Resident-memory limit of the child (all its processes), MiB. */
  readonly rssMb: number;
  /** Use the OS sandbox where it works here: Linux namespaces (`unshare`), macOS `sandbox-exec` (tests turn it off to check the other layers). */
  readonly namespaces: boolean;
  /** stdout + stderr cap, bytes. */
  readonly maxOutputBytes: number;
  /** The Node binary (Electron's with ELECTRON_RUN_AS_NODE=1). */
  readonly execPath: string;
  /** Its Node version, e.g. "20.20.2" (picks the permission flag). */
  readonly nodeVersion: string;
  /** Told the child's pid as soon as it exists (so a cancel can kill it). */
  readonly onChild?: (pid: number | null) => void;
}

/** Defaults: 5 s, 128 MiB of heap, 320 MiB resident, 1 MiB of output, this Node. */
export const REAL_RUN_DEFAULTS: RealRunOptions = {
  timeoutMs: 5000,
  heapMb: 128,
  rssMb: 320,
  namespaces: true,
  maxOutputBytes: 1 << 20,
  execPath: process.execPath,
  nodeVersion: process.versions.node,
};

/** Whether this Node spells the flag `--permission` (22.13+, 23.5+) or `--experimental-permission`. */
export function permissionFlag(nodeVersion: string): string {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

const UNSHARE = ['--user', '--map-current-user', '--net', '--pid', '--fork', '--kill-child'];
let unshareWorks: boolean | null = null;

/** Whether `unshare` can make user, network and PID namespaces here (asked once). */
export function namespacesAvailable(): boolean {
  if (unshareWorks === null) {
    if (process.platform !== 'linux') unshareWorks = false;
    else {
      const r = spawnSync('unshare', [...UNSHARE, 'true'], { stdio: 'ignore', timeout: 5000 });
      unshareWorks = r.status === 0;
    }
  }
  return unshareWorks;
}

/** macOS's Seatbelt profile for the child: no network, no file writes, no forks, no signals to others. */
const SEATBELT = '(version 1)(allow default)(deny network*)(deny file-write*)(deny process-fork)(deny signal (target others))';
let seatbeltWorks: boolean | null = null;

/** Whether `sandbox-exec` runs this Node under the profile here (macOS; asked once). */
export function seatbeltAvailable(execPath: string): boolean {
  if (seatbeltWorks === null) {
    seatbeltWorks =
      process.platform === 'darwin' && spawnSync('/usr/bin/sandbox-exec', ['-p', SEATBELT, execPath, '-e', '0'], { stdio: 'ignore', timeout: 10_000, env: { ELECTRON_RUN_AS_NODE: '1' } }).status === 0;
  }
  return seatbeltWorks;
}

/** Resident bytes of a process and its descendants (Linux /proc; null elsewhere or when gone). */
export function treeRssBytes(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  let total = 0;
  const seen = new Set<number>();
  const visit = (p: number): void => {
    if (seen.has(p) || seen.size > 64) return;
    seen.add(p);
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
      for (const t of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ')) if (c.trim() !== '') visit(Number(c));
      }
    } catch {
      // Gone between the reads.
    }
  };
  visit(pid);
  return seen.size === 0 ? null : total;
}

/** The layers a run here gets, in words (the CLI's and the app's "which layers are active"). */
export function describeSandbox(layers: SandboxLayers): string {
  const parts = [layers.context ? 'a fresh context with no Node APIs' : null, layers.permissionModel ? "Node's permission model (reads only its temporary copy)" : null, layers.ownSession ? 'its own session' : null, layers.namespaces.length > 0 ? `Linux ${layers.namespaces.join('+')} namespaces (no network, no other processes)` : null, layers.osSandbox === 'sandbox-exec' ? "macOS's sandbox-exec (no network, no writes, no signals to other processes)" : null];
  return `${parts.filter((p) => p !== null).join(', ')}${layers.note === null ? '' : `; ${layers.note}`}`;
}

/** The layers a run would get here now. */
export function plannedSandbox(namespaces = true, execPath = process.execPath): SandboxLayers {
  const ns = namespaces && namespacesAvailable();
  const seatbelt = namespaces && !ns && seatbeltAvailable(execPath);
  return {
    context: true,
    permissionModel: true,
    ownSession: process.platform !== 'win32',
    namespaces: ns ? ['user', 'network', 'pid'] : [],
    osSandbox: ns ? 'unshare' : seatbelt ? 'sandbox-exec' : null,
    note: ns || seatbelt ? null : process.platform === 'linux' ? 'no unprivileged user namespaces here (unshare failed): the program shares the network and process list with you' : `no OS sandbox is used on ${process.platform}: the program shares the network and process list with you`,
  };
}

/** Runs `source` for real; resolves when the process has ended or was stopped. */
export function runRealProgram(source: string, options: Partial<RealRunOptions> = {}): Promise<EventLoopRealOutcome> {
  const o = { ...REAL_RUN_DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'nanoscope-eventloop-'));
  const program = join(dir, 'program.js');
  const runner = join(dir, 'runner.cjs');
  writeFileSync(program, source);
  writeFileSync(runner, SANDBOX_RUNNER);
  // --experimental-vm-modules: so the runner's import() refusal is called (sandboxRunner.ts).
  const nodeArgs = [permissionFlag(o.nodeVersion), `--allow-fs-read=${dir}/*`, '--no-warnings', '--experimental-vm-modules', `--max-old-space-size=${o.heapMb}`, runner, program];
  const layers = plannedSandbox(o.namespaces, o.execPath);
  const [cmd, args] =
    layers.osSandbox === 'unshare'
      ? ['unshare', [...UNSHARE, o.execPath, ...nodeArgs]]
      : layers.osSandbox === 'sandbox-exec'
        ? ['/usr/bin/sandbox-exec', ['-p', SEATBELT, o.execPath, ...nodeArgs]]
        : [o.execPath, nodeArgs];
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: dir, env: { ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    o.onChild?.(child.pid ?? null);
    let stdout = '';
    let stderr = '';
    let events = '';
    let bytes = 0;
    let peakRss = 0;
    let stopped: EventLoopRealOutcome['stopped'] = null;
    const kill = (): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const stop = (why: NonNullable<EventLoopRealOutcome['stopped']>): void => {
      if (stopped === null) stopped = why;
      kill();
    };
    const timer = setTimeout(() => stop('time'), o.timeoutMs);
    const watchdog = setInterval(() => {
      if (child.pid === undefined) return;
      const rss = treeRssBytes(child.pid);
      if (rss !== null) peakRss = Math.max(peakRss, rss);
      if (rss !== null && rss > o.rssMb * 1024 * 1024) stop('memory');
    }, 25);
    const take = (c: Buffer, into: 'out' | 'err'): void => {
      if (stopped !== null) return;
      if (bytes + c.length > o.maxOutputBytes) {
        const room = o.maxOutputBytes - bytes;
        bytes = o.maxOutputBytes;
        if (into === 'out') stdout += c.subarray(0, room).toString();
        else stderr += c.subarray(0, room).toString();
        return stop('output');
      }
      bytes += c.length;
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
      clearInterval(watchdog);
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr: `${stderr}${e.message}\n`, exitCode: null, signal: null, stopped: null, message: `could not start ${cmd}: ${e.message}`, events: [], wallMs: 0, tempDir: dir, sandbox: layers, peakRssBytes: 0 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      kill();
      o.onChild?.(null);
      rmSync(dir, { recursive: true, force: true });
      if (stopped === null && (/heap out of memory|Allocation failed|Array buffer allocation failed/i.test(stderr) || signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134)) stopped = 'memory';
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ stdout, stderr, exitCode: code, signal, stopped, message: messageFor(stopped, o), events: parseEvents(events), wallMs, tempDir: dir, sandbox: layers, peakRssBytes: peakRss });
    });
  });
}

function messageFor(stopped: EventLoopRealOutcome['stopped'], o: RealRunOptions): string | null {
  switch (stopped) {
    case 'time':
      return `stopped after ${o.timeoutMs / 1000} s (the time budget): an infinite loop, or a program that never lets the loop go idle?`;
    case 'memory':
      return `stopped: the program used more than its memory budget (${o.heapMb} MiB of heap, ${o.rssMb} MiB resident)`;
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
