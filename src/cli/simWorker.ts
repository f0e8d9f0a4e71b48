/**
 * Runs a scene model off the CLI's main thread (a worker_thread, source mode through tsx):
 * workerData { scene, params, seed, maxEvents } → posts a SimReply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type TraceRecord } from '../sim/core/engine';
import { getPreset, PRESET_IDS } from '../sim/hardware/presets';
import { ladderScene } from '../sim/ladder/scene';

export interface SimJob {
  readonly nanoscopeSim: true;
  readonly scene: 'ladder';
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly maxEvents: number;
}

export type SimReply =
  | { readonly ok: true; readonly scene: string; readonly params: unknown; readonly records: TraceRecord[]; readonly budgetExceeded: boolean; readonly steps: number }
  | { readonly ok: false; readonly kind: 'bad-input' | 'failed'; readonly message: string };

export function runSim(job: SimJob): SimReply {
  const { params, ignored } = ladderScene.parseParams(job.params);
  // The CLI is strict where a URL is lenient: a value that would be ignored is an error.
  if (ignored.length) return { ok: false, kind: 'bad-input', message: ignored.map((i) => `--${i.key}: ${i.reason}`).join('; ') };
  const machine = getPreset(params.preset);
  if (!machine) return { ok: false, kind: 'bad-input', message: `--preset: "${params.preset}" needs a real measurement; the CLI traces the presets ${PRESET_IDS.join(', ')}` };
  const records: TraceRecord[] = [];
  const engine = new Engine(ladderScene.model(params, machine), job.seed, (r) => void records.push(r));
  const result = engine.run({ maxEvents: job.maxEvents });
  return { ok: true, scene: ladderScene.id, params, records, budgetExceeded: result.reason === 'maxEvents', steps: result.steps };
}

const job = workerData as Partial<SimJob> | null;
if (parentPort && job?.nanoscopeSim) {
  try {
    parentPort.postMessage(runSim(job as SimJob));
  } catch (e) {
    parentPort.postMessage({ ok: false, kind: 'failed', message: (e as Error).stack ?? String(e) } satisfies SimReply);
  }
}
