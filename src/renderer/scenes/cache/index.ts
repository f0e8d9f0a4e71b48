import { cacheScene, type CacheView } from '../../../sim/cache/scene';
import { sceneUi, type SceneUi } from '../types';
import { CacheStage } from './CacheStage';
import { CacheInspector } from './CacheInspector';
import { CacheExplain } from './CacheExplain';
import { CacheRealRun, measureMountain } from './CacheRealRun';
import { resolveCacheMachine } from './machine';
import { cacheChartRow, cacheViewOf, narrateCache } from './stepReadout';

export const memoryHierarchy: SceneUi = sceneUi<CacheView>({
  id: cacheScene.id,
  title: 'Memory Hierarchy',
  summary: 'Same Big O, ten times the time: the cache decides',
  model: cacheScene,
  defaultScale: 'linear',
  resolveMachine: (params) => resolveCacheMachine(params),
  Stage: CacheStage,
  Inspector: CacheInspector,
  Explain: CacheExplain,
  RealRun: CacheRealRun,
  runRealRun: () => void measureMountain(),
  viewOf: cacheViewOf,
  narrate: narrateCache,
  chartRow: cacheChartRow,
});
