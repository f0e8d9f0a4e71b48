/** What the shell needs to know about a scene: its model, its panels, how it picks a machine. */
import { lazy, type ComponentType } from 'react';
import type { AnyManifest } from '../../sim/manifests';
import type { MachineModel } from '../../sim/hardware/types';
import type { TimeScale } from '../routing/url';
import type { AppStore } from '../state/store';
import type { Frame } from '../engine/protocol';

/** A scene's UI as its folder writes it, typed by its view V (`SceneUi<ParallelView>`). */
export interface SceneUiSpec<V> {
  readonly id: string;
  readonly title: string;
  /** One line for the sidebar and the "no such scene" list. */
  readonly summary: string;
  /** The scene's manifest (schema, URL parsing): its model runs in the simulation worker, never on the main thread. */
  readonly model: AnyManifest;
  readonly defaultScale: TimeScale;
  /** The machine description the model runs on, for these params. */
  resolveMachine(params: Readonly<Record<string, string>>, state: AppStore): { machine: MachineModel; notice?: string };
  readonly Stage: ComponentType;
  readonly Inspector: ComponentType;
  readonly Explain: ComponentType;
  readonly RealRun: ComponentType;
  /** Starts the scene's real run with its current settings (the R key, the Measure menu). */
  readonly runRealRun?: () => void;
  /**
   * This scene's view in a frame, undefined for another scene's frame. Written with the
   * literal id, which narrows the view's type: `(f) => (f?.sceneId === 'parallel' ? f.view : undefined)`.
   */
  readonly viewOf: (frame: Frame | null | undefined) => V | undefined;
  /** One line for screen readers about the step under the playhead ("Thread 2 stores 1…"). */
  readonly narrate?: (view: V, frame: Frame) => string;
  /**
   * The values the scene's charts plot at this step, as CSV columns (besides the record counts).
   * An `elapsed_ns` column is the machine time at this step: it equals the row's `t_ns`.
   */
  readonly chartRow?: (view: V, at: { readonly t: number }) => Readonly<Record<string, number | string>>;
  /** The scene's own keys, listed in the `?` dialog (they work from anywhere but text fields). */
  readonly keys?: readonly { readonly keys: string; readonly label: string }[];
  /** Scenes with an editor (the event loop) keep the user's program in scenario files. */
  readonly code?: { get(): string | null; set(code: string | null): void };
}

/** A scene's UI as the shell holds it: the view type stays inside these closures. */
export interface SceneUi extends Omit<SceneUiSpec<never>, 'viewOf' | 'narrate' | 'chartRow'> {
  /** The narration of a frame of this scene (undefined for another scene's frame). */
  readonly narrate?: (frame: Frame) => string | undefined;
  /** The chart columns of a frame of this scene (undefined for another scene's frame). */
  readonly chartRow?: (frame: Frame) => Readonly<Record<string, number | string>> | undefined;
}

/** Seals a scene's typed UI for the registry. */
export function sceneUi<V>(spec: SceneUiSpec<V>): SceneUi {
  const { viewOf, narrate, chartRow, ...rest } = spec;
  return {
    ...rest,
    narrate:
      narrate &&
      ((frame) => {
        const view = viewOf(frame);
        return view === undefined ? undefined : narrate(view, frame);
      }),
    chartRow:
      chartRow &&
      ((frame) => {
        const view = viewOf(frame);
        return view === undefined ? undefined : chartRow(view, frame);
      }),
  };
}

/**
 * A scene panel loaded on demand: its code (and what only it imports) is its own chunk, fetched
 * when the scene is first shown; the shell shows a skeleton meanwhile (Suspense in Shell.tsx).
 */
export function lazyPanel<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}
