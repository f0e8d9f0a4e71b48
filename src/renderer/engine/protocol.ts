/** Messages between the UI thread and the simulation worker (structured-cloneable data only). */
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

export interface Frame {
  readonly step: number;
  readonly t: number;
  readonly view: unknown;
  readonly counts: Readonly<Record<string, number>>;
}

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
