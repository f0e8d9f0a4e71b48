/**
 * The event-loop scene's real run (worker_thread): the program in a separate, permission-
 * restricted Node process (see services/eventLoopReal.ts). The child's pid goes to the service
 * so a cancel kills it at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runRealProgram } from '../services/eventLoopReal';
import { envelopeFor, type EventLoopInput, type WorkerMessage } from './protocol';

const input = envelopeFor<EventLoopInput>('event-loop', workerData);
if (parentPort && input) {
  const port = parentPort;
  const post = (m: WorkerMessage) => port.postMessage(m);
  post({ type: 'progress', fraction: 0, message: 'running the program in a separate Node process' });
  runRealProgram(input.source, { timeoutMs: input.timeoutMs, execPath: input.execPath, nodeVersion: input.nodeVersion, onChild: (pid) => post({ type: 'childPid', pid }) })
    .then((outcome) => post({ type: 'result', result: { kind: 'event-loop', outcome, runtimeVersion: input.nodeVersion } }))
    .catch((e: unknown) => post({ type: 'error', budget: false, message: e instanceof Error ? e.message : String(e) }));
}
