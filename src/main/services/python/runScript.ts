/**
 * Runs one of our fixed Python scripts in a child process with budgets: wall time (SIGKILL
 * of the whole process group, so multiprocessing children go too), an output cap, cancel
 * through an AbortSignal. Progress and the result come back as marker lines on stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARK } from './scripts';

/** Message prefix of a budget error (the CLI maps it to exit code 3); same words as the workers' protocol. */
export const PYTHON_BUDGET_EXCEEDED = 'budget exceeded';

export interface PythonRunOptions {
  /** Wall-clock budget, ms. */
  readonly timeoutMs: number;
  /** stdout + stderr cap, bytes. */
  readonly maxOutputBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
  /** Told the child's pid (negative: its process group) as soon as it exists, null when it ended. */
  readonly onChild?: (pid: number | null) => void;
}

export interface PythonRunOutput<T> {
  readonly result: T;
  /** Lines the script printed that are not markers (the cell's own prints), at most 200. */
  readonly printed: string[];
}

/** A child environment with only what an interpreter needs to start and find its packages. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = { PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' };
  for (const k of ['PATH', 'HOME', 'SYSTEMROOT', 'SystemRoot', 'TEMP', 'TMP', 'TMPDIR', 'LANG', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA']) {
    const v = env[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Runs `script` with `executable` (plus `prefixArgs`, e.g. ["-3"] for the Windows launcher),
 * passing `params` as one JSON argument. Rejects with a sentence naming the budget, the
 * exit code and the last lines of stderr.
 */
export function runPythonScript<T>(executable: string, prefixArgs: readonly string[], script: string, params: unknown, o: PythonRunOptions): Promise<PythonRunOutput<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'nanoscope-python-'));
  const file = join(dir, 'nanoscope_run.py');
  writeFileSync(file, script);
  const cap = o.maxOutputBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) {
      rmSync(dir, { recursive: true, force: true });
      reject(new Error('cancelled'));
      return;
    }
    const child = spawn(executable, [...prefixArgs, '-B', file, JSON.stringify(params)], {
      cwd: dir,
      env: childEnv(),
      // stdin stays open and unused: its closing tells the script's watchdog to exit (see PRELUDE).
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    o.onChild?.(child.pid === undefined ? null : process.platform === 'win32' ? child.pid : -child.pid);
    let stopped: string | null = null;
    let bytes = 0;
    let pending = '';
    let stderr = '';
    const printed: string[] = [];
    let found: { value: T } | null = null;
    const stop = (why: string): void => {
      if (stopped === null) stopped = why;
      killTree(child.pid);
    };
    const timer = setTimeout(() => stop(`${PYTHON_BUDGET_EXCEEDED}: the Python run took longer than its ${o.timeoutMs / 1000} s budget and was stopped`), o.timeoutMs);
    const onAbort = (): void => stop('cancelled');
    o.signal?.addEventListener('abort', onAbort);
    const line = (l: string): void => {
      if (l.startsWith(MARK.progress)) {
        try {
          const p = JSON.parse(l.slice(MARK.progress.length)) as { fraction: number; message: string };
          o.onProgress?.(Math.max(0, Math.min(1, Number(p.fraction) || 0)), String(p.message));
        } catch {
          // A malformed progress line is not worth failing the run.
        }
      } else if (l.startsWith(MARK.result)) {
        try {
          found = { value: JSON.parse(l.slice(MARK.result.length)) as T };
        } catch (e) {
          stop(`the Python script's result was not JSON: ${(e as Error).message}`);
        }
      } else if (printed.length < 200) printed.push(l);
    };
    const count = (c: Buffer): boolean => {
      bytes += c.length;
      if (bytes > cap) {
        stop(`${PYTHON_BUDGET_EXCEEDED}: the Python run printed more than ${Math.round(cap / 1024)} KiB and was stopped`);
        return false;
      }
      return true;
    };
    child.stdout.on('data', (c: Buffer) => {
      if (stopped !== null) return;
      // Lines of this chunk are read before the cap is checked (a chunk is at most 64 KiB), so
      // progress printed just before a flood is not lost.
      pending += c.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) line(l.replace(/\r$/, ''));
      count(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (count(c)) stderr += c.toString('utf8');
    });
    const done = (): void => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      o.onChild?.(null);
      rmSync(dir, { recursive: true, force: true });
    };
    child.on('error', (e) => {
      done();
      reject(new Error(`could not start ${executable}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (pending) line(pending);
      done();
      const tail = stderr.trim().split('\n').slice(-6).join('\n');
      if (stopped !== null) reject(new Error(stopped));
      else if (found !== null && code === 0) resolve({ result: (found as { value: T }).value, printed });
      else reject(new Error(`the Python run failed (${signal ? `signal ${signal}` : `exit code ${code}`})${tail ? `: ${tail}` : ''}`));
    });
  });
}
