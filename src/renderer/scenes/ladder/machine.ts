/** Which machine description the ladder shows: a preset table, or this machine as measured. */
import { getPreset } from '../../../sim/hardware/presets';
import { machineFromMeasurements } from '../../../sim/hardware/thisMachine';
import type { MachineModel } from '../../../sim/hardware/types';
import type { AppStore } from '../../state/store';

export const THIS_MACHINE = 'this-machine';

export function thisMachine(state: Pick<AppStore, 'hostInfo' | 'osCaches' | 'results'>): MachineModel {
  const { 'memory-latency': memory, 'storage-latency': storage, 'mutex-latency': mutex, 'memory-mountain': mountain } = state.results;
  const stamp = memory?.stamp ?? state.hostInfo?.machine;
  return machineFromMeasurements({
    cpuModel: stamp?.cpuModel,
    cores: Math.max(1, stamp?.cores ?? 1),
    cpuMHz: stamp?.cpuMHz || undefined,
    osCaches: memory?.caches ?? mountain?.caches ?? state.osCaches,
    // The Latency Ladder's chase, else the quick one the memory mountain ran beside it.
    chase: memory?.points ?? mountain?.chase,
    ssdRandomRead4KNs: storage ? storage.randomRead4KNs : undefined,
    mutexNs: mutex?.ns,
  });
}

export function resolveLadderMachine(params: Readonly<Record<string, string>>, state: AppStore): { machine: MachineModel; notice?: string } {
  const id = params.preset ?? '2012';
  if (id === THIS_MACHINE) {
    const machine = thisMachine(state);
    return state.results['memory-latency']
      ? { machine }
      : { machine, notice: 'This machine has not been measured yet: open “Real run” and press “Measure this machine”. Until then its rungs show as not measured.' };
  }
  const preset = getPreset(id);
  if (preset) return { machine: preset };
  return { machine: getPreset('2012')!, notice: `Unknown preset “${id}”: showing the ~2012 table.` };
}
