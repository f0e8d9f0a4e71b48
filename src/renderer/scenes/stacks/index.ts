import { stacksScene, type StacksView } from '../../../sim/stacks/scene';
import { getPreset } from '../../../sim/hardware/presets';
import { sceneUi, type SceneUi } from '../types';
import { StacksStage } from './StacksStage';
import { StacksInspector } from './StacksInspector';
import { StacksExplain } from './StacksExplain';
import { StacksRealRun, runStartup } from './StacksRealRun';
import { narrateStacks, stacksChartRow, stacksViewOf } from './stepReadout';

export const stacksUi: SceneUi = sceneUi<StacksView>({
  id: stacksScene.id,
  title: stacksScene.title,
  summary: 'Bare metal, VMs, containers, functions: start-up, density, isolation, cost',
  model: stacksScene,
  // Boot times span microseconds to tens of seconds.
  defaultScale: 'log',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: StacksStage,
  Inspector: StacksInspector,
  Explain: StacksExplain,
  RealRun: StacksRealRun,
  runRealRun: () => void runStartup(),
  viewOf: stacksViewOf,
  narrate: narrateStacks,
  chartRow: stacksChartRow,
});
