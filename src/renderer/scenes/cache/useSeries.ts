/** The charts' series for the current scene run, computed in a worker whenever the run changes. */
import { useEffect, useState } from 'react';
import { useApp } from '../../state/store';
import { MAX_EVENTS } from '../../controller/sceneController';
import type { SeriesPoint } from './series';
import type { SeriesRequest, SeriesResponse } from './series.worker';
import { resolveCacheMachine } from './machine';

let worker: Worker | null = null;
let nextId = 1;

export function useSeries(): [SeriesPoint[], SeriesPoint[]] | null {
  const params = useApp((s) => s.params);
  const seed = useApp((s) => s.seed);
  // "This machine" changes when the host reports its caches or a measurement lands.
  const machineKey = useApp((s) => (s.params.preset === 'this-machine' ? `${s.osCaches.length}:${s.results['memory-latency']?.startedAt ?? ''}:${s.results['memory-mountain']?.startedAt ?? ''}` : ''));
  const [series, setSeries] = useState<[SeriesPoint[], SeriesPoint[]] | null>(null);
  useEffect(() => {
    worker ??= new Worker(new URL('./series.worker.ts', import.meta.url), { type: 'module', name: 'nanoscope-cache-series' });
    const id = nextId++;
    const current = worker;
    const onMessage = (event: MessageEvent<SeriesResponse>) => {
      if (event.data.id !== id) return;
      setSeries(event.data.type === 'series' ? event.data.series : null);
    };
    current.addEventListener('message', onMessage);
    const request: SeriesRequest = { id, params, machine: resolveCacheMachine(params).machine, seed, maxEvents: MAX_EVENTS };
    current.postMessage(request);
    return () => current.removeEventListener('message', onMessage);
  }, [params, seed, machineKey]);
  return series;
}
