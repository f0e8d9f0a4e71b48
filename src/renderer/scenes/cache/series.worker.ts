/**
 * Runs the scene's model once more, off the UI thread, to collect every access record into
 * per-side series for the charts (the simulation worker keeps the timeline; this only counts).
 * Deterministic: same params, machine and seed give the same run as the timeline's.
 */
import { Engine } from '../../../sim/core/engine';
import { cacheScene } from '../../../sim/cache/scene';
import type { MachineModel } from '../../../sim/hardware/types';
import { SeriesBuilder, type SeriesPoint } from './series';

export interface SeriesRequest {
  readonly id: number;
  readonly params: Readonly<Record<string, string>>;
  readonly machine: MachineModel;
  readonly seed: number;
  readonly maxEvents: number;
}

export type SeriesResponse =
  | { readonly id: number; readonly type: 'series'; readonly series: [SeriesPoint[], SeriesPoint[]] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

self.onmessage = (event: MessageEvent<SeriesRequest>) => {
  const { id, params, machine, seed, maxEvents } = event.data;
  const post = (m: SeriesResponse): void => (self as unknown as Worker).postMessage(m);
  try {
    const builder = new SeriesBuilder();
    const engine = new Engine(cacheScene.model(cacheScene.parseParams(params).params, machine), seed, (record) => builder.add(record));
    engine.run({ maxEvents });
    post({ id, type: 'series', series: builder.series() });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
