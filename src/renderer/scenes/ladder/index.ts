import { ladderScene } from '../../../sim/ladder/scene';
import type { AnyScene } from '../../../sim/scenes';
import type { SceneUi } from '../types';
import { LadderStage } from './LadderStage';
import { LadderInspector } from './LadderInspector';
import { LadderExplain } from './LadderExplain';
import { LadderRealRun } from './LadderRealRun';
import { resolveLadderMachine } from './machine';
import { measureMachine } from './measureMachine';
import { store } from '../../state/store';
import { narrateLadder, ladderChartRow } from './stepReadout';

export const latencyLadder: SceneUi = {
  id: ladderScene.id,
  title: 'Latency Ladder',
  summary: 'From a CPU cycle to the other side of the planet',
  model: ladderScene as AnyScene,
  defaultScale: 'log',
  resolveMachine: resolveLadderMachine,
  Stage: LadderStage,
  Inspector: LadderInspector,
  Explain: LadderExplain,
  RealRun: LadderRealRun,
  runRealRun: () => void measureMachine(store.getState().measureMaxBytes),
  narrate: narrateLadder,
  chartRow: ladderChartRow,
};
