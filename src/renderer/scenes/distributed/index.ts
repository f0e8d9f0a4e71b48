import { distributedScene } from '../../../sim/distributed/scene';
import { getPreset } from '../../../sim/hardware/presets';
import type { AnyScene } from '../../engine/sceneModels';
import type { SceneUi } from '../types';
import { DistributedStage } from './DistributedStage';
import { DistributedInspector } from './DistributedInspector';
import { DistributedExplain } from './DistributedExplain';
import { DistributedRealRun, runMapReduce } from './DistributedRealRun';
import { distributedChartRow, narrateDistributed } from './stepReadout';
import './distributed.css';

export const distributedUi: SceneUi = {
  id: distributedScene.id,
  title: distributedScene.title,
  summary: 'MapReduce on a cluster: the combiner, the shuffle, stragglers, scaling up vs out, and what it costs',
  model: distributedScene as AnyScene,
  // Jobs last from milliseconds (a CLI-sized input) to hours (150 TB): log time plays them all.
  defaultScale: 'log',
  // The scene's own `hardware` parameter picks the table; this is what the shell shows.
  resolveMachine: (params) => ({ machine: getPreset(params.hardware === '2020' ? '2020' : '2012')! }),
  Stage: DistributedStage,
  Inspector: DistributedInspector,
  Explain: DistributedExplain,
  RealRun: DistributedRealRun,
  runRealRun: () => void runMapReduce(),
  narrate: narrateDistributed,
  chartRow: distributedChartRow,
};
