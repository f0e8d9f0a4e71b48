/**
 * Finds Python interpreters: each candidate runs the probe script with a bounded time; the
 * one with the most of numpy/pandas/dask wins (candidate order breaks ties).
 */
import { execFile } from 'node:child_process';
import type { PythonInfo, PythonSearch } from '../../../shared/python';
import { childEnv } from './runScript';
import { choosePython, dedupe, notFound, parseProbe, pythonCandidates, type PythonCandidate } from './probe';
import { PROBE_SCRIPT } from './scripts';

/** Time one probe may take (a cold start with slow disks, package metadata lookups). */
export const PROBE_TIMEOUT_MS = 10_000;

/** Runs the probe with one candidate; never rejects. */
export function probeCandidate(c: PythonCandidate, timeoutMs = PROBE_TIMEOUT_MS): Promise<PythonInfo> {
  return new Promise((resolve) => {
    execFile(c.command, [...c.args, '-c', PROBE_SCRIPT], { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024, env: childEnv(), windowsHide: true }, (err, stdout) => {
      const info = parseProbe(String(stdout ?? ''), c.source);
      resolve(err && !info.found ? notFound(c.source) : info);
    });
  });
}

export interface FindPythonOptions {
  /** --python PATH or the app's user-set path. */
  readonly explicit?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: string;
}

/** Probes every candidate (in parallel) and chooses one. */
export async function findPython(o: FindPythonOptions = {}): Promise<PythonSearch> {
  const candidates = pythonCandidates({ env: o.env ?? process.env, platform: o.platform ?? process.platform, ...(o.explicit !== undefined ? { explicit: o.explicit } : {}) });
  const infos = dedupe(await Promise.all(candidates.map((c) => probeCandidate(c))));
  const i = choosePython(infos);
  const lookedFor = candidates.map((c) => c.source);
  return { chosen: i < 0 ? notFound(lookedFor.join(', ')) : infos[i]!, candidates: infos, lookedFor };
}

/** The command and leading arguments to run a found interpreter with. */
export function commandOf(p: PythonInfo): { command: string; args: string[] } {
  if (!p.found || p.executable === null) throw new Error('no Python interpreter');
  return { command: p.executable, args: [] };
}
