import { simdScene, type SimdView } from '../../../sim/simd/scene';
import { getPreset } from '../../../sim/hardware/presets';
import { sceneUi, type SceneUi } from '../types';
import { SimdStage } from './SimdStage';
import { SimdInspector } from './SimdInspector';
import { SimdExplain } from './SimdExplain';
import { SimdRealRun, runSimd } from './SimdRealRun';
import { narrateSimd, simdChartRow, simdViewOf } from './stepReadout';
import './simd.css';

export const simdUi: SceneUi = sceneUi<SimdView>({
  id: simdScene.id,
  title: simdScene.title,
  summary: 'ALU and FPU lanes: scalar vs SIMD vs GPU, apply is not vectorized',
  model: simdScene,
  // Steps are iterations of nearly equal length.
  defaultScale: 'linear',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: SimdStage,
  Inspector: SimdInspector,
  Explain: SimdExplain,
  RealRun: SimdRealRun,
  runRealRun: () => void runSimd(),
  viewOf: simdViewOf,
  narrate: narrateSimd,
  chartRow: simdChartRow,
});
