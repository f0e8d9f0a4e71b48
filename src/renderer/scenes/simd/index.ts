import { simdScene } from '../../../sim/simd/scene';
import { getPreset } from '../../../sim/hardware/presets';
import type { AnyScene } from '../../../sim/scenes';
import type { SceneUi } from '../types';
import { SimdStage } from './SimdStage';
import { SimdInspector } from './SimdInspector';
import { SimdExplain } from './SimdExplain';
import { SimdRealRun, runSimd } from './SimdRealRun';
import { narrateSimd, simdChartRow } from './stepReadout';
import './simd.css';

export const simdUi: SceneUi = {
  id: simdScene.id,
  title: simdScene.title,
  summary: 'ALU and FPU lanes: scalar vs SIMD vs GPU, apply is not vectorized',
  model: simdScene as AnyScene,
  // Steps are iterations of nearly equal length.
  defaultScale: 'linear',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: SimdStage,
  Inspector: SimdInspector,
  Explain: SimdExplain,
  RealRun: SimdRealRun,
  runRealRun: () => void runSimd(),
  narrate: narrateSimd,
  chartRow: simdChartRow,
};
