/**
 * Start-up cost, for real (worker_thread): what it costs on this machine to get code running
 * behind four boundaries of increasing isolation.
 *  - call: a function call in this process (no boundary). Far below the clock's resolution one
 *    at a time, so a sample times a batch of calls and divides.
 *  - worker: a worker_thread started and exited, i.e. a new V8 isolate in the same process.
 *  - process: spawn and reap of a trivial native command (/bin/true): a new OS process.
 *  - runtime: spawn and reap of this JavaScript runtime (`process.execPath -e 0`), a process
 *    that must also boot a runtime — the cold start of a function, at its smallest.
 * Each kind is warmed up once, then sampled `repeat` times; the median and the 90th
 * percentile are reported. Containers and VMs are not started here (that needs a running
 * engine and privileges); `notes` says plainly what exists on this machine and that it was
 * not measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { StartupKind } from '../../shared/api';
import { spreadOf, widestSpread } from '../../shared/reliability';
import { envelopeFor, type StartupInput, type WorkerMessage } from './protocol';

export const STARTUP_KINDS: readonly StartupKind[] = ['call', 'worker', 'process', 'runtime'];

/** Calls per `call` sample: enough that the batch lasts far longer than the clock's tick. */
const CALLS_PER_SAMPLE = 1_000_000;

/** Value at quantile q (0..1) of the samples, nearest rank on the sorted copy. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('quantile of no samples');
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[rank]!;
}

/** Median: the middle sample, or the mean of the two middle ones. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

// Kept out of reach of the optimizer: the callee is chosen through an array at run time
// and its result feeds a sink the caller returns, so the calls cannot be folded away.
const callees = [(x: number): number => (x * 31 + 7) | 0, (x: number): number => (x ^ 0x5bd1e995) | 0];

/** Milliseconds per call, over one batch of `calls` calls. */
export function callMs(calls: number): number {
  const f = callees[calls & 1]!;
  let sink = 0;
  const t0 = nowMs();
  for (let i = 0; i < calls; i++) sink = f(sink + i);
  const ms = (nowMs() - t0) / calls;
  if (sink === 0.5) throw new Error('unreachable'); // uses sink
  return ms;
}

/** Starts a worker_thread whose script is empty and waits for it to exit. */
export function workerMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const w = new Worker('', { eval: true });
    w.once('error', reject);
    w.once('exit', () => resolve(nowMs() - t0));
  });
}

/** The running child, so that the service can kill it when the job is cancelled. */
type ChildReporter = (pid: number | null) => void;

/** Spawns `command args` with no stdio and waits until it has exited and been reaped. */
export function spawnMs(command: string, args: readonly string[], env: NodeJS.ProcessEnv, report: ChildReporter = () => undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn(command, args, { stdio: 'ignore', env });
    report(child.pid ?? null);
    child.once('error', (e) => {
      report(null);
      reject(new Error(`${command}: ${e.message}`));
    });
    child.once('exit', (code, signal) => {
      const ms = nowMs() - t0;
      report(null);
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** The trivial native command to spawn: the first `true` found, or Windows' cmd. */
export function trivialCommand(): { readonly command: string; readonly args: readonly string[] } {
  if (process.platform === 'win32') return { command: 'cmd.exe', args: ['/c', 'exit 0'] };
  const found = ['/bin/true', '/usr/bin/true'].find((p) => existsSync(p));
  return { command: found ?? 'true', args: [] };
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * What else could start isolated code on this machine: container engines (docker, podman)
 * and a hypervisor (/dev/kvm). None is measured: a container or VM start needs a running
 * engine, images and privileges, which a measurement must not assume.
 */
export function isolationNotes(): string[] {
  const notes: string[] = [];
  for (const engine of ['docker', 'podman']) {
    const client = onPath(engine);
    if (!client) continue;
    const info = spawnSync(client, ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const version = info.status === 0 ? info.stdout.trim() : '';
    notes.push(
      version
        ? `${engine}: the engine answers (server ${version}); container start-up is not measured here (it needs an image and may pull one).`
        : `${engine}: the client is installed (${client}) but no engine answers, so no container can start here; container start-up is not measured.`,
    );
  }
  if (notes.length === 0) notes.push('No container engine (docker, podman) found on PATH; container start-up is not measured.');
  if (process.platform === 'linux') {
    if (existsSync('/dev/kvm')) {
      let usable = true;
      try {
        accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
      } catch {
        usable = false;
      }
      notes.push(
        usable
          ? '/dev/kvm is present and usable: hardware virtualization is available; VM and microVM boot are not measured here (they need a kernel image and a VMM).'
          : '/dev/kvm is present but this user may not open it; VM and microVM boot are not measured.',
      );
    } else {
      notes.push('No /dev/kvm: no hardware hypervisor available to this system; VM and microVM boot are not measured.');
    }
  } else {
    notes.push('Hypervisors are not probed on this OS; VM and microVM boot are not measured.');
  }
  notes.push('VM, microVM and container figures beside these bars are documented magnitudes from the model, not measurements.');
  return notes;
}

async function measureAll(input: StartupInput, port: NonNullable<typeof parentPort>): Promise<void> {
  const { command, args } = trivialCommand();
  // ELECTRON_RUN_AS_NODE: under Electron, execPath is the Electron binary; this makes it a plain Node.
  const runtimeEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const report: ChildReporter = (pid) => port.postMessage({ type: 'childPid', pid } satisfies WorkerMessage);
  const sample: Record<StartupKind, () => Promise<number>> = {
    call: () => Promise.resolve(callMs(CALLS_PER_SAMPLE)),
    worker: () => workerMs(),
    process: () => spawnMs(command, args, process.env, report),
    runtime: () => spawnMs(process.execPath, ['-e', '0'], runtimeEnv, report),
  };
  const label: Record<StartupKind, string> = {
    call: 'function call',
    worker: 'worker_thread',
    process: `process (${command})`,
    runtime: 'runtime (node -e 0)',
  };
  const total = STARTUP_KINDS.length * input.repeat;
  let done = 0;
  const results = [];
  for (const kind of STARTUP_KINDS) {
    await sample[kind](); // warm-up: first-time costs (page cache, JIT) are not start-up
    const ms: number[] = [];
    for (let i = 0; i < input.repeat; i++) {
      ms.push(await sample[kind]());
      done++;
      port.postMessage({ type: 'progress', fraction: done / total, message: `${label[kind]}: run ${i + 1} of ${input.repeat}, median ${formatMs(median(ms))}` } satisfies WorkerMessage);
    }
    results.push({ kind, medianMs: median(ms), p90Ms: quantile(ms, 0.9), samples: ms.length, spread: spreadOf(ms, 'ms') });
  }
  const worst = widestSpread(results.map((r) => ({ figure: `ms to start: ${label[r.kind]}`, spread: r.spread })));
  port.postMessage({ type: 'result', result: { kind: 'startup', results, notes: isolationNotes(), ...worst } } satisfies WorkerMessage);
}

/** "0.0021 ms", "3.4 ms": enough digits to read a microsecond figure. */
export function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toPrecision(2)} ms`;
}

const input = envelopeFor<StartupInput>('startup', workerData);
if (parentPort && input) {
  const port = parentPort;
  measureAll(input, port).catch((e: unknown) => {
    port.postMessage({ type: 'error', budget: false, message: `start-up measurement failed: ${(e as Error).message}` } satisfies WorkerMessage);
  });
}
