import { parallelScene, type ParallelView } from '../../../sim/parallel/scene';
import { getPreset } from '../../../sim/hardware/presets';
import { sceneUi, type SceneUi } from '../types';
import { ParallelStage } from './ParallelStage';
import { ParallelInspector } from './ParallelInspector';
import { ParallelExplain } from './ParallelExplain';
import { ParallelRealRun, runSpeedup } from './ParallelRealRun';
import { narrateParallel, parallelChartRow, parallelViewOf } from './stepReadout';

export const parallelUi: SceneUi = sceneUi<ParallelView>({
  id: parallelScene.id,
  title: parallelScene.title,
  summary: 'Cores, schedulers and the GIL: threads vs processes vs async, Amdahl, and a real speedup',
  model: parallelScene,
  defaultScale: 'linear',
  // The 2020 machine's OS figures (context switch, process spawn, I/O latencies).
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: ParallelStage,
  Inspector: ParallelInspector,
  Explain: ParallelExplain,
  RealRun: ParallelRealRun,
  runRealRun: () => void runSpeedup(),
  viewOf: parallelViewOf,
  narrate: narrateParallel,
  chartRow: parallelChartRow,
});
