import type { LadderView } from '../../../sim/ladder/scene';
import { ladderManifest } from '../../../sim/ladder/manifest';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { resolveLadderMachine } from './machine';
import { measureMachine } from './measureMachine';
import { store } from '../../state/store';
import { ladderChartRow, ladderViewOf, narrateLadder } from './stepReadout';

export const latencyLadder: SceneUi = sceneUi<LadderView>({
  id: ladderManifest.id,
  title: 'Latency Ladder',
  summary: 'From a CPU cycle to the other side of the planet',
  model: ladderManifest,
  defaultScale: 'log',
  resolveMachine: resolveLadderMachine,
  Stage: lazyPanel(() => import('./LadderStage'), (m) => m.LadderStage),
  Inspector: lazyPanel(() => import('./LadderInspector'), (m) => m.LadderInspector),
  Explain: lazyPanel(() => import('./LadderExplain'), (m) => m.LadderExplain),
  RealRun: lazyPanel(() => import('./LadderRealRun'), (m) => m.LadderRealRun),
  runRealRun: () => void measureMachine(store.getState().measureMaxBytes),
  viewOf: ladderViewOf,
  narrate: narrateLadder,
  chartRow: ladderChartRow,
});
