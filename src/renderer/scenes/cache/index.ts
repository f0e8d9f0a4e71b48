import { cacheScene } from '../../../sim/cache/scene';
import type { AnyScene } from '../../../sim/scenes';
import type { SceneUi } from '../types';
import { CacheStage } from './CacheStage';
import { CacheInspector } from './CacheInspector';
import { CacheExplain } from './CacheExplain';
import { CacheRealRun, measureMountain } from './CacheRealRun';
import { resolveCacheMachine } from './machine';
import { narrateCache, cacheChartRow } from './stepReadout';

export const memoryHierarchy: SceneUi = {
  id: cacheScene.id,
  title: 'Memory Hierarchy',
  summary: 'Same Big O, ten times the time: the cache decides',
  model: cacheScene as AnyScene,
  defaultScale: 'linear',
  resolveMachine: (params) => resolveCacheMachine(params),
  Stage: CacheStage,
  Inspector: CacheInspector,
  Explain: CacheExplain,
  RealRun: CacheRealRun,
  runRealRun: () => void measureMountain(),
  narrate: narrateCache,
  chartRow: cacheChartRow,
};
