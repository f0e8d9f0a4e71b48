import { ladderScene, type LadderView } from '../../../sim/ladder/scene';
import { sceneUi, type SceneUi } from '../types';
import { LadderStage } from './LadderStage';
import { LadderInspector } from './LadderInspector';
import { LadderExplain } from './LadderExplain';
import { LadderRealRun } from './LadderRealRun';
import { resolveLadderMachine } from './machine';
import { measureMachine } from './measureMachine';
import { store } from '../../state/store';
import { ladderChartRow, ladderViewOf, narrateLadder } from './stepReadout';

export const latencyLadder: SceneUi = sceneUi<LadderView>({
  id: ladderScene.id,
  title: 'Latency Ladder',
  summary: 'From a CPU cycle to the other side of the planet',
  model: ladderScene,
  defaultScale: 'log',
  resolveMachine: resolveLadderMachine,
  Stage: LadderStage,
  Inspector: LadderInspector,
  Explain: LadderExplain,
  RealRun: LadderRealRun,
  runRealRun: () => void measureMachine(store.getState().measureMaxBytes),
  viewOf: ladderViewOf,
  narrate: narrateLadder,
  chartRow: ladderChartRow,
});
