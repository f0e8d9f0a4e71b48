import type { BigOView } from '../../../sim/bigo/scene';
import { bigoManifest } from '../../../sim/bigo/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { bigoChartRow, narrateBigO, bigoViewOf } from './stepReadout';
import './bigo.css';

export const bigoUi: SceneUi = sceneUi<BigOView>({
  id: bigoManifest.id,
  title: bigoManifest.title,
  summary: 'What an operation costs as the data grows: list vs deque, slot by slot, and measured',
  model: bigoManifest,
  // One op per step, all the same length.
  defaultScale: 'linear',
  // Counts, not times: the machine does not change them.
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./BigOStage'), (m) => m.BigOStage),
  Inspector: lazyPanel(() => import('./BigOInspector'), (m) => m.BigOInspector),
  Explain: lazyPanel(() => import('./BigOExplain'), (m) => m.BigOExplain),
  RealRun: lazyPanel(() => import('./BigORealRun'), (m) => m.BigORealRun),
  runRealRun: () => void import('./BigORealRun').then((m) => m.runBigO()),
  viewOf: bigoViewOf,
  narrate: narrateBigO,
  chartRow: bigoChartRow,
});
