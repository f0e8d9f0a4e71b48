import type { ThreadsView } from '../../../sim/threads/scene';
import { threadsManifest } from '../../../sim/threads/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { narrateThreads, threadsChartRow, threadsViewOf } from './stepReadout';

export const threadsUi: SceneUi = sceneUi<ThreadsView>({
  id: threadsManifest.id,
  title: threadsManifest.title,
  summary: 'Two threads, one counter: lost updates, step by step, then for real',
  model: threadsManifest,
  defaultScale: 'linear',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./ThreadsStage'), (m) => m.ThreadsStage),
  Inspector: lazyPanel(() => import('./ThreadsInspector'), (m) => m.ThreadsInspector),
  Explain: lazyPanel(() => import('./ThreadsExplain'), (m) => m.ThreadsExplain),
  RealRun: lazyPanel(() => import('./ThreadsRealRun'), (m) => m.ThreadsRealRun),
  runRealRun: () => void import('./ThreadsRealRun').then((m) => m.runRace()),
  viewOf: threadsViewOf,
  narrate: narrateThreads,
  chartRow: threadsChartRow,
  keys: [{ keys: '0–9', label: 'Run thread N one micro-op (you become the scheduler)' }],
});
