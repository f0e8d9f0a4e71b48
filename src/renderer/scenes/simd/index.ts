import type { SimdView } from '../../../sim/simd/scene';
import { simdManifest } from '../../../sim/simd/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { narrateSimd, simdChartRow, simdViewOf } from './stepReadout';
import './simd.css';

export const simdUi: SceneUi = sceneUi<SimdView>({
  id: simdManifest.id,
  title: simdManifest.title,
  summary: 'ALU and FPU lanes: scalar vs SIMD vs GPU, apply is not vectorized',
  model: simdManifest,
  // Steps are iterations of nearly equal length.
  defaultScale: 'linear',
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./SimdStage'), (m) => m.SimdStage),
  Inspector: lazyPanel(() => import('./SimdInspector'), (m) => m.SimdInspector),
  Explain: lazyPanel(() => import('./SimdExplain'), (m) => m.SimdExplain),
  RealRun: lazyPanel(() => import('./SimdRealRun'), (m) => m.SimdRealRun),
  runRealRun: () => void import('./SimdRealRun').then((m) => m.runSimd()),
  viewOf: simdViewOf,
  narrate: narrateSimd,
  chartRow: simdChartRow,
});
