import type { StacksView } from '../../../sim/stacks/scene';
import { stacksManifest } from '../../../sim/stacks/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { narrateStacks, stacksChartRow, stacksViewOf } from './stepReadout';

export const stacksUi: SceneUi = sceneUi<StacksView>({
  id: stacksManifest.id,
  title: stacksManifest.title,
  summary: 'Bare metal, VMs, containers, functions: start-up, density, isolation, cost',
  model: stacksManifest,
  // Boot times span microseconds to tens of seconds.
  defaultScale: 'log',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./StacksStage'), (m) => m.StacksStage),
  Inspector: lazyPanel(() => import('./StacksInspector'), (m) => m.StacksInspector),
  Explain: lazyPanel(() => import('./StacksExplain'), (m) => m.StacksExplain),
  RealRun: lazyPanel(() => import('./StacksRealRun'), (m) => m.StacksRealRun),
  runRealRun: () => void import('./StacksRealRun').then((m) => m.runStartup()),
  viewOf: stacksViewOf,
  narrate: narrateStacks,
  chartRow: stacksChartRow,
});
