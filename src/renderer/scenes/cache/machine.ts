/** Which machine the Memory Hierarchy scene simulates: a preset by id (the teaching machine by default). */
import { getPreset } from '../../../sim/hardware/presets';
import type { MachineModel } from '../../../sim/hardware/types';
import { store } from '../../state/store';
import { THIS_MACHINE, thisMachine } from '../ladder/machine';

export const DEFAULT_PRESET = 'teaching';

export function resolveCacheMachine(params: Readonly<Record<string, string>>): { machine: MachineModel; notice?: string } {
  const id = params.preset ?? DEFAULT_PRESET;
  if (id === THIS_MACHINE) {
    // Cache geometry from the OS; latencies from the Latency Ladder's pointer chase when it has run.
    const state = store.getState();
    const machine = thisMachine(state);
    if (!machine.caches.some((c) => c.type !== 'Instruction')) {
      return { machine: getPreset(DEFAULT_PRESET)!, notice: 'The operating system has not reported this machine’s caches (yet): showing the teaching machine.' };
    }
    return state.results['memory-latency']
      ? { machine }
      : { machine, notice: 'This machine’s cache latencies are not measured yet (Latency Ladder → Real run): the geometry is the OS’s, the times count as 0 ns.' };
  }
  const preset = getPreset(id);
  if (preset) return { machine: preset };
  return { machine: getPreset(DEFAULT_PRESET)!, notice: `Unknown preset “${id}”: showing the teaching machine.` };
}
