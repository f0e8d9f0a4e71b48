import { describe, expect, it } from 'vitest';
import { choosePython, dedupe, notFound, notFoundMessage, parseProbe, pythonCandidates } from './probe';
import { spreadOf } from './reliability';

// Fixtures: what the probe script printed on real interpreters (Debian 3.11 with packages, pyenv 3.11 without),
// and what a free-threaded 3.13t, a Python 2 and a broken interpreter print.
const DEBIAN =
  'some banner\n@@NANOSCOPE_PROBE {"executable": "/usr/bin/python3", "version": "3.11.2", "implementation": "CPython", "gil_enabled": true, "gil_disabled_build": false, "numpy": "1.24.2", "pandas": "1.5.3", "dask": "2022.12.1+dfsg"}\n';
const PYENV =
  '@@NANOSCOPE_PROBE {"executable": "/root/.pyenv/versions/3.11.7/bin/python3", "version": "3.11.7", "implementation": "CPython", "gil_enabled": true, "gil_disabled_build": false, "numpy": null, "pandas": null, "dask": null}\r\n';
const FREE_THREADED =
  '@@NANOSCOPE_PROBE {"executable": "/opt/py/bin/python3.13t", "version": "3.13.1", "implementation": "CPython", "gil_enabled": false, "gil_disabled_build": true, "numpy": "2.1.0", "pandas": null, "dask": null}\n';
const PY2 = '@@NANOSCOPE_PROBE {"error": "ImportError(\'No module named util\',)", "version": "2.7.18"}\n';

describe('reading a probe', () => {
  it('takes version, implementation, the GIL and package versions from the marker line', () => {
    expect(parseProbe(DEBIAN, '/usr/bin/python3')).toEqual({
      found: true,
      executable: '/usr/bin/python3',
      version: '3.11.2',
      implementation: 'CPython',
      free_threaded: false,
      numpy: '1.24.2',
      pandas: '1.5.3',
      dask: '2022.12.1+dfsg',
      source: '/usr/bin/python3',
    });
    expect(parseProbe(PYENV, 'python3 on PATH')).toMatchObject({ found: true, version: '3.11.7', numpy: null, pandas: null, dask: null });
    expect(parseProbe(FREE_THREADED, 'x')).toMatchObject({ found: true, free_threaded: true, numpy: '2.1.0' });
  });

  it('a Python 2, garbage, a cut line or no output is not found', () => {
    expect(parseProbe(PY2, 'python').found).toBe(false);
    expect(parseProbe('', 'python').found).toBe(false);
    expect(parseProbe('@@NANOSCOPE_PROBE {"executable": "/x", "vers', 'python').found).toBe(false);
    expect(parseProbe('@@NANOSCOPE_PROBE [1,2]', 'python').found).toBe(false);
    expect(parseProbe('@@NANOSCOPE_PROBE {"executable": "/x", "version": "4.0"}', 'python').found).toBe(false);
  });
});

describe('choosing an interpreter', () => {
  it('prefers the most packages, then the earlier candidate; none found gives -1', () => {
    const pyenv = parseProbe(PYENV, 'python3 on PATH');
    const debian = parseProbe(DEBIAN, '/usr/bin/python3');
    expect(choosePython([pyenv, notFound('python on PATH'), debian])).toBe(2);
    expect(choosePython([pyenv, parseProbe(PYENV, 'python on PATH')])).toBe(0);
    expect(choosePython([notFound('a'), notFound('b')])).toBe(-1);
  });

  it('drops a second candidate that is the same executable', () => {
    const a = parseProbe(DEBIAN, 'python3 on PATH');
    const b = parseProbe(DEBIAN, '/usr/bin/python3');
    expect(dedupe([a, notFound('python on PATH'), b]).map((p) => p.source)).toEqual(['python3 on PATH', 'python on PATH']);
  });

  it('looks for NANOSCOPE_PYTHON alone when set, an explicit path alone, else PATH then the system or py -3', () => {
    expect(pythonCandidates({ env: {}, platform: 'linux' }).map((c) => c.source)).toEqual(['python3 on PATH', 'python on PATH', '/usr/bin/python3']);
    expect(pythonCandidates({ env: {}, platform: 'win32' }).map((c) => [c.command, ...c.args].join(' '))).toEqual(['python3', 'python', 'py -3']);
    expect(pythonCandidates({ env: { NANOSCOPE_PYTHON: '/nope/python' }, platform: 'linux' })).toEqual([{ command: '/nope/python', args: [], source: 'NANOSCOPE_PYTHON=/nope/python' }]);
    expect(pythonCandidates({ env: { NANOSCOPE_PYTHON: '/nope' }, platform: 'linux', explicit: '/opt/p' }).map((c) => c.command)).toEqual(['/opt/p']);
    expect(notFoundMessage(['NANOSCOPE_PYTHON=/nope'])).toMatch(/^Python 3 was not found \(looked for NANOSCOPE_PYTHON=\/nope\)/);
  });
});

describe('reliability records', () => {
  it('spread: min, median (middle two averaged), max', () => {
    expect(spreadOf([3, 1, 2], 's')).toEqual({ min: 1, median: 2, max: 3, repeats: 3, unit: 's' });
    expect(spreadOf([4, 1, 2, 3], 's')).toEqual({ min: 1, median: 2.5, max: 4, repeats: 4, unit: 's' });
  });
});
