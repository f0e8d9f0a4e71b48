/** Messages between the UI thread and the simulation worker (structured-cloneable data only). */
import type { SceneId, SceneViews } from '../../sim/scenes';
import type { MachineModel } from '../../sim/hardware/types';

export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly sceneId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly machine: MachineModel;
  /** Budget: a scene that needs more events stops there and says so. */
  readonly maxEvents: number;
}

export interface FrameRequest {
  readonly type: 'frame';
  readonly id: number;
  readonly step: number;
}

export type WorkerRequest = LoadRequest | FrameRequest;

/** One step of one scene's run: its view has that scene's view type. */
export interface SceneFrame<Id extends string, V> {
  /** The scene whose model made this view (a URL id of src/sim/manifests.ts). */
  readonly sceneId: Id;
  readonly step: number;
  readonly t: number;
  readonly view: V;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * A frame of any scene, discriminated by `sceneId`: `frame.sceneId === 'parallel'` narrows
 * `frame.view` to the ParallelView, with no cast. The worker makes each view with the scene of
 * that id (sim.worker.ts), which is what this type states across the structured clone.
 */
export type Frame = { [Id in SceneId]: SceneFrame<Id, SceneViews[Id]> }[SceneId];

export interface Loaded {
  /** Virtual time after each step; index 0 is the state right after init. */
  readonly times: Float64Array;
  readonly done: boolean;
  readonly truncated: boolean;
  readonly first: Frame;
}

export type WorkerResponse =
  | { readonly type: 'loaded'; readonly id: number; readonly loaded: Loaded }
  | { readonly type: 'frame'; readonly id: number; readonly frame: Frame }
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
