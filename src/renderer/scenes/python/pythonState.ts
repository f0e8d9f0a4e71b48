/**
 * Which Python the Python panels run: the host's search (NANOSCOPE_PYTHON, PATH, the
 * system's), a path the user set (kept in localStorage), and the one picked. Shared by every
 * Python panel so a pick in one scene holds in the others.
 */
import { createStore } from 'zustand/vanilla';
import { getApi } from '../../api/client';
import type { PythonInfo, PythonSearch } from '../../../shared/python';

const PATH_KEY = 'nanoscope.python.path';

export interface PythonPickState {
  readonly search: PythonSearch | null;
  /** The interpreter at the user-set path, when it is one. */
  readonly custom: PythonInfo | null;
  readonly userPath: string;
  /** Executable picked from the list; null = the host's preferred one. */
  readonly selected: string | null;
  readonly loading: boolean;
  readonly error: string | null;
}

function savedPath(): string {
  try {
    return localStorage.getItem(PATH_KEY) ?? '';
  } catch {
    return '';
  }
}

export const pythonStore = createStore<PythonPickState>()(() => ({ search: null, custom: null, userPath: savedPath(), selected: null, loading: false, error: null }));

/** Every interpreter found, the user's own first; each executable once. */
export function candidatesOf(s: PythonPickState): PythonInfo[] {
  const all = [...(s.custom ? [s.custom] : []), ...(s.search?.candidates ?? [])].filter((p) => p.found && p.executable);
  return all.filter((p, i) => all.findIndex((q) => q.executable === p.executable) === i);
}

/** The interpreter the next run uses, or null when there is none. */
export function chosenOf(s: PythonPickState): PythonInfo | null {
  const list = candidatesOf(s);
  const picked = s.selected === null ? undefined : list.find((p) => p.executable === s.selected);
  if (picked) return picked;
  if (s.custom?.found) return s.custom;
  return s.search?.chosen.found ? s.search.chosen : null;
}

/** The `python` request field: the chosen executable (an absolute path). */
export function pythonParam(): { python?: string } {
  const p = chosenOf(pythonStore.getState());
  return p?.executable ? { python: p.executable } : {};
}

/** Asks the host to look (again); with the user-set path, probes that one too. */
export async function loadPython(): Promise<void> {
  if (pythonStore.getState().loading) return;
  pythonStore.setState({ loading: true, error: null });
  const path = pythonStore.getState().userPath.trim();
  try {
    const api = getApi();
    const [search, custom] = await Promise.all([api.findPython({}), path ? api.findPython({ path }) : Promise.resolve(null)]);
    const mine = custom?.chosen ?? null;
    pythonStore.setState({
      search,
      custom: mine?.found ? mine : null,
      error: path && !mine?.found ? `${path} is not a Python 3 interpreter (it did not answer the probe)` : null,
    });
  } catch (e) {
    pythonStore.setState({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    pythonStore.setState({ loading: false });
  }
}

/** Sets (or clears) the user's own interpreter path and looks again. */
export function setUserPath(path: string): Promise<void> {
  try {
    if (path.trim()) localStorage.setItem(PATH_KEY, path.trim());
    else localStorage.removeItem(PATH_KEY);
  } catch {
    // Kept for this page only.
  }
  pythonStore.setState({ userPath: path.trim(), selected: null, custom: null });
  return loadPython();
}

/** One line about an interpreter: "CPython 3.11.2 · numpy 1.24.2 · pandas — · dask —". */
export function describePython(p: PythonInfo): string {
  const pk = (['numpy', 'pandas', 'dask'] as const).map((k) => `${k} ${p[k] ?? '—'}`).join(' · ');
  return `${p.implementation ?? 'Python'} ${p.version ?? '?'}${p.free_threaded ? ' (free-threaded)' : ''} · ${pk}`;
}
