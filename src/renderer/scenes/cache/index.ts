import type { CacheView } from '../../../sim/cache/scene';
import { cacheManifest } from '../../../sim/cache/manifest';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { resolveCacheMachine } from './machine';
import { cacheChartRow, cacheViewOf, narrateCache } from './stepReadout';

export const memoryHierarchy: SceneUi = sceneUi<CacheView>({
  id: cacheManifest.id,
  title: 'Memory Hierarchy',
  summary: 'Same Big O, ten times the time: the cache decides',
  model: cacheManifest,
  defaultScale: 'linear',
  resolveMachine: (params) => resolveCacheMachine(params),
  Stage: lazyPanel(() => import('./CacheStage'), (m) => m.CacheStage),
  Inspector: lazyPanel(() => import('./CacheInspector'), (m) => m.CacheInspector),
  Explain: lazyPanel(() => import('./CacheExplain'), (m) => m.CacheExplain),
  RealRun: lazyPanel(() => import('./CacheRealRun'), (m) => m.CacheRealRun),
  runRealRun: () => void import('./CacheRealRun').then((m) => m.measureMountain()),
  viewOf: cacheViewOf,
  narrate: narrateCache,
  chartRow: cacheChartRow,
});
