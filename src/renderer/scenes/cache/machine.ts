/** Which machine the Memory Hierarchy scene simulates: a preset by id (the teaching machine by default). */
import { getPreset } from '../../../sim/hardware/presets';
import type { MachineModel } from '../../../sim/hardware/types';
import { store } from '../../state/store';
import { THIS_MACHINE, thisMachine } from '../ladder/machine';

export const DEFAULT_PRESET = 'teaching';

export function resolveCacheMachine(params: Readonly<Record<string, string>>): { machine: MachineModel; notice?: string } {
  const id = params.preset ?? DEFAULT_PRESET;
  if (id === THIS_MACHINE) {
    // Cache geometry from the OS (or, where it reports none, the chase's plateaus); latencies from the pointer chase when it has run.
    const state = store.getState();
    const machine = thisMachine(state);
    if (!machine.caches.some((c) => c.type !== 'Instruction')) {
      return {
        machine: getPreset(DEFAULT_PRESET)!,
        notice:
          'This machine’s caches are not reported by the operating system and not measured yet: measure it (Latency Ladder → Real run, or the memory mountain here) and the pointer chase’s plateaus give the levels. Until then: the teaching machine.',
      };
    }
    return state.results['memory-latency'] || state.results['memory-mountain']?.chase
      ? { machine }
      : { machine, notice: 'This machine’s cache latencies are not measured yet (Latency Ladder → Real run): the geometry is the OS’s, the times count as 0 ns.' };
  }
  const preset = getPreset(id);
  if (preset) return { machine: preset };
  return { machine: getPreset(DEFAULT_PRESET)!, notice: `Unknown preset “${id}”: showing the teaching machine.` };
}
