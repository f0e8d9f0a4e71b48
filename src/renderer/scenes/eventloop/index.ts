import type { EventLoopView } from '../../../sim/eventloop/scene';
import { eventLoopManifest } from '../../../sim/eventloop/manifest';
import { getPreset } from '../../../sim/hardware/presets';
import { lazyPanel, sceneUi, type SceneUi } from '../types';
import { eventLoopChartRow, eventLoopViewOf, narrateEventLoop } from './stepReadout';
import { loadDraft, saveDraft } from './draft';

export const eventLoopUi: SceneUi = sceneUi<EventLoopView>({
  id: eventLoopManifest.id,
  title: eventLoopManifest.title,
  summary: 'Your JavaScript, step by step: call stack, nextTick, microtasks, timers, immediates — Node 20 or the browser',
  model: eventLoopManifest,
  // Steps bunch at a few instants from microseconds (I/O) to seconds (timers): a log axis plays
  // through them at a watchable pace; a linear one at 1 ns/s would sit on the first instant.
  defaultScale: 'log',
  // fs requests take the 2020 SSD figure.
  resolveMachine: () => ({ machine: getPreset('2020')! }),
  Stage: lazyPanel(() => import('./EventLoopStage'), (m) => m.EventLoopStage),
  Inspector: lazyPanel(() => import('./EventLoopInspector'), (m) => m.EventLoopInspector),
  Explain: lazyPanel(() => import('./EventLoopExplain'), (m) => m.EventLoopExplain),
  RealRun: lazyPanel(() => import('./EventLoopRealRun'), (m) => m.EventLoopRealRun),
  runRealRun: () => void import('./EventLoopRealRun').then((m) => m.runRealEventLoop()),
  viewOf: eventLoopViewOf,
  narrate: narrateEventLoop,
  chartRow: eventLoopChartRow,
  // The program also travels in the scene's params (`code`); the draft is what the editor reopens.
  code: { get: loadDraft, set: (code) => void (code !== null && saveDraft(code)) },
});
