/**
 * The parallel scene's own GIL model, run for the comparison with a real Python run: the
 * scene's cpu-bound and io-bound presets on 1 thread, N GIL threads and N processes, on
 * `cores` cores of the 2020 machine. Speed-ups are wall(single) / wall(style).
 */
import { getPreset } from '../hardware/presets';
import { PRESETS } from './jobs';
import { runParallel } from './run';
import { DEFAULT_SWITCH_INTERVAL_NS, type Style } from './runConfig';

/** The scene model's speed-ups for one job. */
export interface SceneSpeedups {
  /** N threads under the GIL over one thread. */
  readonly gil: number;
  /** N processes over one thread (spawn and copies included). */
  readonly processes: number;
}

function wall(preset: 'cpu-bound' | 'io-bound', style: Style, workers: number, cores: number): number {
  const machine = getPreset('2020')!;
  const run = runParallel({ job: PRESETS[preset], style, workers, cores, switchIntervalNs: DEFAULT_SWITCH_INTERVAL_NS }, machine);
  return run.state.wallNs;
}

/** What the parallel scene predicts for `workers` workers on `cores` cores, CPU-bound and IO-bound. */
export function sceneGilSpeedups(workers: number, cores: number): { readonly cpu: SceneSpeedups; readonly io: SceneSpeedups } {
  const of = (preset: 'cpu-bound' | 'io-bound'): SceneSpeedups => {
    const single = wall(preset, 'single', 1, cores);
    return { gil: single / wall(preset, 'gil', workers, cores), processes: single / wall(preset, 'processes', workers, cores) };
  };
  return { cpu: of('cpu-bound'), io: of('io-bound') };
}
