import type { DistributedView } from '../../../sim/distributed/scene';
import { distributedManifest } from '../../../sim/distributed/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { distributedChartRow, narrateDistributed, distributedViewOf } from './stepReadout';
import './distributed.css';

export const distributedUi: SceneUi = sceneUi<DistributedView>({
  id: distributedManifest.id,
  title: distributedManifest.title,
  summary: 'MapReduce on a cluster: the combiner, the shuffle, stragglers, scaling up vs out, and what it costs',
  model: distributedManifest,
  // Jobs last from milliseconds (a CLI-sized input) to hours (150 TB): log time plays them all.
  defaultScale: 'log',
  // The scene's own `hardware` parameter picks the table; this is what the shell shows.
  resolveMachine: (params) => ({ machine: getPreset(params.hardware === '2020' ? '2020' : '2012')! }),
  Stage: lazyPanel(() => import('./DistributedStage'), (m) => m.DistributedStage),
  Inspector: lazyPanel(() => import('./DistributedInspector'), (m) => m.DistributedInspector),
  Explain: lazyPanel(() => import('./DistributedExplain'), (m) => m.DistributedExplain),
  RealRun: lazyPanel(() => import('./DistributedRealRun'), (m) => m.DistributedRealRun),
  runRealRun: () => void import('./DistributedRealRun').then((m) => m.runMapReduce()),
  viewOf: distributedViewOf,
  narrate: narrateDistributed,
  chartRow: distributedChartRow,
});
