/** What the shell needs to know about a scene: its model, its panels, how it picks a machine. */
import type { ComponentType } from 'react';
import type { AnyScene } from '../../sim/scenes';
import type { MachineModel } from '../../sim/hardware/types';
import type { TimeScale } from '../routing/url';
import type { AppStore } from '../state/store';
import type { Frame } from '../engine/protocol';

export interface SceneUi {
  readonly id: string;
  readonly title: string;
  /** One line for the sidebar and the "no such scene" list. */
  readonly summary: string;
  readonly model: AnyScene;
  readonly defaultScale: TimeScale;
  /** The machine description the model runs on, for these params. */
  resolveMachine(params: Readonly<Record<string, string>>, state: AppStore): { machine: MachineModel; notice?: string };
  readonly Stage: ComponentType;
  readonly Inspector: ComponentType;
  readonly Explain: ComponentType;
  readonly RealRun: ComponentType;
  /** Starts the scene's real run with its current settings (the R key, the Measure menu). */
  readonly runRealRun?: () => void;
  /** One line for screen readers about the step under the playhead ("Thread 2 stores 1…"). */
  readonly narrate?: (view: unknown, frame: Frame) => string;
  /** The values the scene's charts plot at this step, as CSV columns (besides the record counts). */
  readonly chartRow?: (view: unknown) => Readonly<Record<string, number | string>>;
  /** Scenes with an editor (the event loop) keep the user's program in scenario files. */
  readonly code?: { get(): string | null; set(code: string | null): void };
}
