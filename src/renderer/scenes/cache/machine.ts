/** Which machine the Memory Hierarchy scene simulates: a preset by id (the teaching machine by default). */
import { getPreset } from '../../../sim/hardware/presets';
import type { MachineModel } from '../../../sim/hardware/types';
import type { CacheView } from '../../../sim/cache/scene';

export const DEFAULT_PRESET = 'teaching';

export function resolveCacheMachine(params: Readonly<Record<string, string>>): { machine: MachineModel; notice?: string } {
  const id = params.preset ?? DEFAULT_PRESET;
  const preset = getPreset(id);
  if (preset) return { machine: preset };
  return { machine: getPreset(DEFAULT_PRESET)!, notice: `Unknown preset “${id}”: showing the teaching machine.` };
}

/** The frame's view when it is this scene's (while another scene's run is replaced, the old view lingers a moment). */
export function asCacheView(view: unknown): CacheView | null {
  const v = view as Partial<CacheView> | null | undefined;
  return v && Array.isArray(v.sides) && v.sides.length === 2 ? (v as CacheView) : null;
}
