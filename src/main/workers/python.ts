/**
 * Python runs (worker_thread): one of our fixed scripts in the user's interpreter, through
 * services/python. The child's process group goes to the service so a cancel kills it (and
 * any multiprocessing children) at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { measurePythonBigO, measurePythonDask, measurePythonGil, measurePythonRace, measurePythonVector, type RunHooks } from '../services/python/measure';
import { PYTHON_BUDGET_EXCEEDED } from '../services/python/runScript';
import { envelopeFor, type PythonInput, type WorkerMessage, type WorkerResult } from './protocol';

const input = envelopeFor<PythonInput>('python', workerData);
if (parentPort && input) {
  const port = parentPort;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const hooks: RunHooks = { onChild: (pid) => post({ type: 'childPid', pid }), onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) };
  const r = input.request;
  post({ type: 'progress', fraction: 0, message: 'looking for Python' });
  const run = async (): Promise<WorkerResult> => {
    switch (r.kind) {
      case 'python-gil':
        return { kind: 'python', result: { kind: r.kind, ...(await measurePythonGil(r.params, hooks)) } };
      case 'python-race':
        return { kind: 'python', result: { kind: r.kind, ...(await measurePythonRace(r.params, hooks)) } };
      case 'python-vector':
        return { kind: 'python', result: { kind: r.kind, ...(await measurePythonVector(r.params, hooks)) } };
      case 'python-bigo':
        return { kind: 'python', result: { kind: r.kind, ...(await measurePythonBigO(r.params, hooks)) } };
      case 'python-dask':
        return { kind: 'python', result: { kind: r.kind, ...(await measurePythonDask(r.params, hooks)) } };
    }
  };
  run()
    .then((result) => post({ type: 'result', result }))
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      post({ type: 'error', budget: message.startsWith(PYTHON_BUDGET_EXCEEDED), message });
    });
}
