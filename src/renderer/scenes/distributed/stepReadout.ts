/** What a step says: one line for screen readers and the numbers its charts plot, as CSV columns. */
import type { Frame } from '../../engine/protocol';
import type { DistributedView } from '../../../sim/distributed/scene';
import { formatBytesDecimal, formatSeconds } from './charts';

export function narrateDistributed(v: DistributedView): string {
  const parts = [`${v.phase === 'done' ? 'Job done' : `Phase ${v.phase}`} at ${formatSeconds(v.tS)} of ${formatSeconds(v.makespanS)}`];
  parts.push(`${v.mapsDone} of ${v.mapTasks} map tasks done`);
  if (v.reducers > 0) parts.push(`${v.reducesDone} of ${v.reducers} reducers done`, `${formatBytesDecimal(v.shuffledBytes)} shuffled`);
  if (v.backupsStarted) parts.push(`${v.backupsStarted} backup tasks started`);
  if (v.failed) parts.push(`machine ${v.failedMachine} failed, ${v.rerunsStarted} tasks re-run`);
  return `${parts.join('; ')}.`;
}

/** CSV columns: progress, bytes shuffled, backups and re-runs so far, the job's time and cost. */
export function distributedChartRow(v: DistributedView): Record<string, number | string> {
  return {
    phase: v.phase,
    maps_done: v.mapsDone,
    reducers_done: v.reducesDone,
    shuffled_bytes: Math.round(v.shuffledBytes),
    backups: v.backupsStarted,
    reruns: v.rerunsStarted,
    makespan_s: v.makespanS,
    cost_usd: v.costUsd,
  };
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function distributedViewOf(frame: Frame | null | undefined): DistributedView | undefined {
  return frame?.sceneId === 'distributed' ? frame.view : undefined;
}
