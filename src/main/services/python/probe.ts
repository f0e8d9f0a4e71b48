/**
 * Which interpreters to look at, how to read a probe's answer, and which one to prefer.
 * All pure (no process is started here), so the unit tests need no Python.
 */
import type { PythonInfo } from '../../../shared/python';
import { MARK } from './scripts';

/** One interpreter to try: a command and the arguments that come before the script. */
export interface PythonCandidate {
  readonly command: string;
  readonly args: readonly string[];
  /** How the user would name it: "python3 on PATH", "NANOSCOPE_PYTHON=/opt/py/bin/python3"… */
  readonly source: string;
}

export interface CandidateContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  /** A path the user gave (--python, or the app's picker); when set, the only candidate. */
  readonly explicit?: string;
}

/** The candidates in order of preference when they are equally equipped. */
export function pythonCandidates(ctx: CandidateContext): PythonCandidate[] {
  if (ctx.explicit !== undefined) return [{ command: ctx.explicit, args: [], source: ctx.explicit }];
  const env = ctx.env.NANOSCOPE_PYTHON;
  if (env !== undefined && env !== '') return [{ command: env, args: [], source: `NANOSCOPE_PYTHON=${env}` }];
  const out: PythonCandidate[] = [
    { command: 'python3', args: [], source: 'python3 on PATH' },
    { command: 'python', args: [], source: 'python on PATH' },
  ];
  if (ctx.platform === 'win32') out.push({ command: 'py', args: ['-3'], source: 'py -3' });
  else out.push({ command: '/usr/bin/python3', args: [], source: '/usr/bin/python3' });
  return out;
}

/** The answer of a candidate that is not (a working) Python 3. */
export function notFound(source: string | null): PythonInfo {
  return { found: false, executable: null, version: null, implementation: null, free_threaded: false, numpy: null, pandas: null, dask: null, ...(source ? { source } : {}) };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length < 200 ? v : null);

/** Reads the probe script's stdout; a Python 2, a crash or garbage gives found: false. */
export function parseProbe(stdout: string, source: string): PythonInfo {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(MARK.probe));
  if (!line) return notFound(source);
  let raw: Record<string, unknown>;
  try {
    const v = JSON.parse(line.slice(MARK.probe.length)) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return notFound(source);
    raw = v as Record<string, unknown>;
  } catch {
    return notFound(source);
  }
  const version = str(raw.version);
  if (raw.error !== undefined || version === null || !/^3\.\d+/.test(version) || str(raw.executable) === null) return notFound(source);
  return {
    found: true,
    executable: str(raw.executable),
    version,
    implementation: str(raw.implementation),
    free_threaded: raw.gil_enabled === false,
    numpy: str(raw.numpy),
    pandas: str(raw.pandas),
    dask: str(raw.dask),
    source,
  };
}

/** How many of numpy, pandas and dask an interpreter has. */
export function packageCount(p: PythonInfo): number {
  return [p.numpy, p.pandas, p.dask].filter((v) => v !== null).length;
}

/**
 * The interpreter to use: found ones only, the most packages first, then the candidate
 * order; the same executable reached twice counts once. -1 when none was found.
 */
export function choosePython(infos: readonly PythonInfo[]): number {
  let best = -1;
  infos.forEach((p, i) => {
    if (!p.found) return;
    if (best < 0 || packageCount(p) > packageCount(infos[best]!)) best = i;
  });
  return best;
}

/** Candidates whose probe found the same executable as an earlier one are dropped. */
export function dedupe(infos: readonly PythonInfo[]): PythonInfo[] {
  const seen = new Set<string>();
  return infos.filter((p) => {
    if (!p.found || p.executable === null) return true;
    if (seen.has(p.executable)) return false;
    seen.add(p.executable);
    return true;
  });
}

/** "Python 3 was not found (looked for …)", with how to install it. */
export function notFoundMessage(lookedFor: readonly string[]): string {
  return `Python 3 was not found (looked for ${lookedFor.join(', ')}). Install it from https://www.python.org/downloads/ or your package manager (e.g. apt install python3 python3-numpy python3-pandas python3-dask), or point NANOSCOPE_PYTHON or --python at an interpreter.`;
}
