/** "Measure this machine": memory latency (pointer chase), then a mutex, then an SSD read. */
import { runMeasurements } from '../../controller/measure';

export function measureMachine(maxBytes: number): Promise<boolean> {
  return runMeasurements([
    { request: { kind: 'memory-latency', params: { maxBytes } }, label: 'Memory latency (pointer chase)' },
    { request: { kind: 'mutex-latency', params: {} }, label: 'Mutex lock + unlock' },
    { request: { kind: 'storage-latency', params: {} }, label: 'SSD random 4 KiB read' },
  ]);
}
