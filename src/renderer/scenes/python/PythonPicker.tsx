/**
 * The interpreter picker every Python panel shows: the one in use, the others found, a path
 * of one's own; and, with no Python, a plain sentence on how to install it.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../state/store';
import { candidatesOf, chosenOf, describePython, loadPython, pythonStore, setUserPath } from './pythonState';
import './python.css';

/** What to do without Python, per OS (the host tells which). */
function installHint(os: string | undefined): string {
  if (os?.startsWith('Windows')) return 'Install Python 3 from python.org (tick “Add python.exe to PATH”) or the Microsoft Store, then `py -3 -m pip install numpy pandas "dask[bag]"`.';
  if (os?.startsWith('Darwin')) return 'Install Python 3 from python.org or with Homebrew (`brew install python`), then `python3 -m pip install numpy pandas "dask[bag]"`.';
  return 'Install Python 3 with your package manager, e.g. `sudo apt install python3 python3-numpy python3-pandas python3-dask`, or from python.org.';
}

export function PythonPicker({ prefix }: { prefix: string }) {
  const s = useStore(pythonStore);
  const job = useApp((a) => a.job);
  const os = useApp((a) => a.hostInfo?.machine.os);
  const [path, setPath] = useState(s.userPath);
  useEffect(() => {
    if (pythonStore.getState().search === null) void loadPython();
  }, []);
  const list = candidatesOf(s);
  const chosen = chosenOf(s);
  const own = (
    <form
      className="row python-path"
      onSubmit={(e) => {
        e.preventDefault();
        void setUserPath(path);
      }}
    >
      <label className="field inline">
        <span>Interpreter path</span>
        <input type="text" value={path} maxLength={4096} placeholder="/usr/bin/python3" onChange={(e) => setPath(e.target.value)} data-testid={`${prefix}.python.path`} />
      </label>
      <button type="submit" disabled={s.loading || job !== null} data-testid={`${prefix}.python.use`}>
        Use this path
      </button>
      <button type="button" disabled={s.loading} onClick={() => void loadPython()} data-testid={`${prefix}.python.rescan`}>
        Look again
      </button>
    </form>
  );
  if (s.search === null && s.loading) return <p className="muted python-picker">Looking for Python on this computer…</p>;
  return (
    <div className="python-picker" data-testid={`${prefix}.python.picker`}>
      {chosen ? (
        <div className="row">
          <label className="field inline">
            <span>Python</span>
            <select
              value={chosen.executable ?? ''}
              disabled={job !== null}
              onChange={(e) => pythonStore.setState({ selected: e.target.value })}
              data-testid={`${prefix}.python.select`}
            >
              {list.map((p) => (
                <option key={p.executable} value={p.executable ?? ''}>
                  {describePython(p)} — {p.executable}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : (
        <div className="python-none" role="status" data-testid={`${prefix}.python.none`}>
          <p>
            <strong>Python 3 was not found on this computer</strong>
            {s.search ? ` (looked for ${s.search.lookedFor.join(', ')})` : ''}. These panels run the tutorial’s cells in your own Python; everything else in
            Nanoscope works without it.
          </p>
          <p>
            {installHint(os)
              .split('`')
              .map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}{' '}
            Then press Look again, or give the path of an interpreter below.
          </p>
        </div>
      )}
      {s.error && (
        <p className="field-error" role="alert" data-testid={`${prefix}.python.error`}>
          {s.error}
        </p>
      )}
      <details open={!chosen}>
        <summary>Another interpreter…</summary>
        {own}
      </details>
    </div>
  );
}

/** The interpreter the next run uses (null: none; the panel then shows the picker's message only). */
export function useChosenPython() {
  return useStore(pythonStore, chosenOf);
}
