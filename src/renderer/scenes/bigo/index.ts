import { bigoScene } from '../../../sim/bigo/scene';
import { getPreset } from '../../../sim/hardware/presets';
import type { AnyScene } from '../../engine/sceneModels';
import type { SceneUi } from '../types';
import { BigOStage } from './BigOStage';
import { BigOInspector } from './BigOInspector';
import { BigOExplain } from './BigOExplain';
import { BigORealRun, runBigO } from './BigORealRun';
import { bigoChartRow, narrateBigO } from './stepReadout';
import './bigo.css';

export const bigoUi: SceneUi = {
  id: bigoScene.id,
  title: bigoScene.title,
  summary: 'What an operation costs as the data grows: list vs deque, slot by slot, and measured',
  model: bigoScene as AnyScene,
  // One op per step, all the same length.
  defaultScale: 'linear',
  // Counts, not times: the machine does not change them.
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: BigOStage,
  Inspector: BigOInspector,
  Explain: BigOExplain,
  RealRun: BigORealRun,
  runRealRun: () => void runBigO(),
  narrate: narrateBigO,
  chartRow: bigoChartRow,
};
