/**
 * The simulation worker: builds a scene's model, runs it into a Timeline (snapshots +
 * trace) and answers frame requests. The UI thread never runs the engine.
 */
import { Timeline } from '../../sim/core/timeline';
import type { SceneDefinition } from '../../sim/core/scene';
import type { TraceRecord } from '../../sim/core/engine';
import type { MachineModel } from '../../sim/hardware/types';
import { loadScene } from '../../sim/scenes';
import type { LoadRequest, SceneFrame, WorkerRequest, WorkerResponse } from './protocol';

/** A loaded run, its scene's types kept inside the closures. */
interface Current {
  readonly length: number;
  timeAt(step: number): number;
  frameAt(step: number): SceneFrame<string, unknown>;
}

let current: Current | null = null;
const CHUNK = 5_000;

const post = (message: WorkerResponse | WireResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

/** What this side posts: a frame made by the scene named in it (the UI reads it as a `Frame`). */
type WireResponse =
  | { readonly type: 'loaded'; readonly id: number; readonly loaded: { readonly times: Float64Array; readonly done: boolean; readonly truncated: boolean; readonly first: SceneFrame<string, unknown> } }
  | { readonly type: 'frame'; readonly id: number; readonly frame: SceneFrame<string, unknown> };

/** Runs a scene into a timeline in chunks (progress between them), typed by the scene's own types. */
function run<P, S, E, R extends TraceRecord, V, Id extends string>(scene: SceneDefinition<P, S, E, R, V, Id>, request: LoadRequest, machine: MachineModel): { current: Current; done: boolean } {
  const { params } = scene.parseParams(request.params);
  const timeline = new Timeline(scene.model(params, machine), request.seed);
  let done = false;
  while (!done && timeline.length < request.maxEvents) {
    done = timeline.extend(Math.min(CHUNK, request.maxEvents - timeline.length)).done;
    if (!done) post({ type: 'progress', id: request.id, fraction: timeline.length / request.maxEvents });
  }
  const frameAt = (step: number): SceneFrame<Id, V> => {
    const clamped = Math.max(0, Math.min(step, timeline.length));
    return { sceneId: scene.id, step: clamped, t: timeline.timeAt(clamped), view: scene.view(timeline.stateAt(clamped)), counts: timeline.countsAt(clamped) };
  };
  return { current: { length: timeline.length, timeAt: (step) => timeline.timeAt(step), frameAt }, done };
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'load') {
    // The scene's model is its own chunk, imported on first use (src/sim/manifests.ts).
    const scene = await loadScene(request.sceneId);
    if (!scene) throw new Error(`No simulation model for scene "${request.sceneId}".`);
    const loaded = run(scene, request, request.machine);
    current = loaded.current;
    const times = new Float64Array(current.length + 1);
    for (let step = 0; step <= current.length; step++) times[step] = current.timeAt(step);
    post({ type: 'loaded', id: request.id, loaded: { times, done: loaded.done, truncated: !loaded.done, first: current.frameAt(0) } }, [times.buffer]);
    return;
  }
  if (!current) throw new Error('No scene is loaded.');
  post({ type: 'frame', id: request.id, frame: current.frameAt(request.step) });
}

/** Requests are handled one at a time, in arrival order, though loading a scene awaits its import. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }));
};
