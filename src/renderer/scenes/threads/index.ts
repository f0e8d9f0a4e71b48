import { threadsScene, type ThreadsView } from '../../../sim/threads/scene';
import { getPreset } from '../../../sim/hardware/presets';
import { sceneUi, type SceneUi } from '../types';
import { ThreadsStage } from './ThreadsStage';
import { ThreadsInspector } from './ThreadsInspector';
import { ThreadsExplain } from './ThreadsExplain';
import { ThreadsRealRun, runRace } from './ThreadsRealRun';
import { narrateThreads, threadsChartRow, threadsViewOf } from './stepReadout';

export const threadsUi: SceneUi = sceneUi<ThreadsView>({
  id: threadsScene.id,
  title: threadsScene.title,
  summary: 'Two threads, one counter: lost updates, step by step, then for real',
  model: threadsScene,
  defaultScale: 'linear',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: ThreadsStage,
  Inspector: ThreadsInspector,
  Explain: ThreadsExplain,
  RealRun: ThreadsRealRun,
  runRealRun: () => void runRace(),
  viewOf: threadsViewOf,
  narrate: narrateThreads,
  chartRow: threadsChartRow,
});
