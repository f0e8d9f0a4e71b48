import type { ParallelView } from '../../../sim/parallel/scene';
import { parallelManifest } from '../../../sim/parallel/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { narrateParallel, parallelChartRow, parallelViewOf } from './stepReadout';

export const parallelUi: SceneUi = sceneUi<ParallelView>({
  id: parallelManifest.id,
  title: parallelManifest.title,
  summary: 'Cores, schedulers and the GIL: threads vs processes vs async, Amdahl, and a real speedup',
  model: parallelManifest,
  defaultScale: 'linear',
  // The 2020 machine's OS figures (context switch, process spawn, I/O latencies).
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./ParallelStage'), (m) => m.ParallelStage),
  Inspector: lazyPanel(() => import('./ParallelInspector'), (m) => m.ParallelInspector),
  Explain: lazyPanel(() => import('./ParallelExplain'), (m) => m.ParallelExplain),
  RealRun: lazyPanel(() => import('./ParallelRealRun'), (m) => m.ParallelRealRun),
  runRealRun: () => void import('./ParallelRealRun').then((m) => m.runSpeedup()),
  viewOf: parallelViewOf,
  narrate: narrateParallel,
  chartRow: parallelChartRow,
});
