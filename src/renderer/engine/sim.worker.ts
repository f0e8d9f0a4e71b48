/**
 * The simulation worker: builds a scene's model, runs it into a Timeline (snapshots +
 * trace) and answers frame requests. The UI thread never runs the engine.
 */
import { Timeline } from '../../sim/core/timeline';
import type { TraceRecord } from '../../sim/core/engine';
import { SCENE_MODELS, type AnyScene } from '../../sim/scenes';
import type { Frame, WorkerRequest, WorkerResponse } from './protocol';

interface Current {
  scene: AnyScene;
  timeline: Timeline<unknown, unknown, TraceRecord>;
}

let current: Current | null = null;
const CHUNK = 5_000;

const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

function frameAt(cur: Current, step: number): Frame {
  const clamped = Math.max(0, Math.min(step, cur.timeline.length));
  return {
    step: clamped,
    t: cur.timeline.timeAt(clamped),
    view: cur.scene.view(cur.timeline.stateAt(clamped)),
    counts: cur.timeline.countsAt(clamped),
  };
}

function handle(request: WorkerRequest): void {
  if (request.type === 'load') {
    const scene = SCENE_MODELS[request.sceneId];
    if (!scene) throw new Error(`No simulation model for scene "${request.sceneId}".`);
    const { params } = scene.parseParams(request.params);
    const timeline = new Timeline(scene.model(params, request.machine), request.seed) as Timeline<unknown, unknown, TraceRecord>;
    let done = false;
    while (!done && timeline.length < request.maxEvents) {
      done = timeline.extend(Math.min(CHUNK, request.maxEvents - timeline.length)).done;
      if (!done) post({ type: 'progress', id: request.id, fraction: timeline.length / request.maxEvents });
    }
    current = { scene, timeline };
    const times = new Float64Array(timeline.length + 1);
    for (let step = 0; step <= timeline.length; step++) times[step] = timeline.timeAt(step);
    post({ type: 'loaded', id: request.id, loaded: { times, done, truncated: !done, first: frameAt(current, 0) } }, [times.buffer]);
    return;
  }
  if (!current) throw new Error('No scene is loaded.');
  post({ type: 'frame', id: request.id, frame: frameAt(current, request.step) });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    handle(event.data);
  } catch (error) {
    post({ type: 'error', id: event.data.id, message: error instanceof Error ? error.message : String(error) });
  }
};
