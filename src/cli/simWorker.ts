/**
 * Runs a scene model off the CLI's main thread (a worker_thread, source mode through tsx):
 * workerData { scene, params, seed, maxEvents } → posts a SimReply. Any scene of the registry
 * in src/sim/manifests.ts, its model loaded on demand (src/sim/scenes.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type TraceRecord } from '../sim/core/engine';
import type { ParamIssue } from '../sim/core/scene';
import { getPreset, PRESET_IDS } from '../sim/hardware/presets';
import { loadScene } from '../sim/scenes';

export interface SimJob {
  readonly nanoscopeSim: true;
  /** A URL id of src/sim/manifests.ts, e.g. 'latency-ladder'. */
  readonly scene: string;
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly maxEvents: number;
}

export type SimReply =
  | { readonly ok: true; readonly scene: string; readonly params: unknown; readonly records: TraceRecord[]; readonly budgetExceeded: boolean; readonly steps: number }
  | { readonly ok: false; readonly kind: 'bad-input' | 'failed'; readonly message: string; readonly issues?: readonly ParamIssue[] };

/** The preset a scene runs on outside the app, unless its parameters name one. */
export const CLI_DEFAULT_MACHINE = '2020';

export async function runSim(job: SimJob): Promise<SimReply> {
  const scene = await loadScene(job.scene);
  if (!scene) return { ok: false, kind: 'bad-input', message: `unknown scene "${job.scene}"` };
  const { params, ignored } = scene.parseParams(job.params);
  // The CLI is strict where a URL is lenient: a value that would be ignored is an error.
  if (ignored.length) return { ok: false, kind: 'bad-input', message: ignored.map((i) => `${i.key}: ${i.reason}`).join('; '), issues: ignored };
  const machineId = scene.machineId?.(params) ?? CLI_DEFAULT_MACHINE;
  const machine = getPreset(machineId);
  if (!machine) {
    const reason = `"${machineId}" needs a real measurement; the CLI traces the presets ${PRESET_IDS.join(', ')}`;
    return { ok: false, kind: 'bad-input', message: `preset: ${reason}`, issues: [{ key: 'preset', reason }] };
  }
  const records: TraceRecord[] = [];
  const engine = new Engine(scene.model(params, machine), job.seed, (r) => void records.push(r));
  const result = engine.run({ maxEvents: job.maxEvents });
  return { ok: true, scene: scene.id, params, records, budgetExceeded: result.reason === 'maxEvents', steps: result.steps };
}

const job = workerData as Partial<SimJob> | null;
if (parentPort && job?.nanoscopeSim) {
  const port = parentPort;
  runSim(job as SimJob).then(
    (reply) => port.postMessage(reply),
    (e: unknown) => port.postMessage({ ok: false, kind: 'failed', message: (e as Error).stack ?? String(e) } satisfies SimReply),
  );
}
