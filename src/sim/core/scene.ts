/**
 * What a scene's model looks like to the app: the renderer worker and the CLI both drive
 * scenes through this one shape, and never reach into a model's internals.
 */
import type { Model, TraceRecord } from './engine';
import type { MachineModel } from '../hardware/types';
import type { ParamSchema } from './params';

/** A parameter that was ignored, and why (e.g. `jitter must be a number from 0 to 0.5`). */
export interface ParamIssue {
  readonly key: string;
  readonly reason: string;
}

/**
 * What the renderer's main thread needs of a scene: id, title, the parameter schema and URL
 * parsing — no model. Declared in `src/sim/<topic>/manifest.ts`; the scene's scene.ts spreads it
 * into its {@link SceneDefinition}, so each fact is written once.
 */
export interface SceneManifest<P, Id extends string = string> {
  /** URL id, e.g. 'latency-ladder'. */
  readonly id: Id;
  readonly title: string;
  /**
   * Every parameter, declared once (name, type, default, range or values, unit, label, help).
   * URL parsing, the Inspector, the CLI and scenario/lesson validation all read it.
   */
  readonly params: ParamSchema<P>;
  /** `defaultsOf(params)`. */
  readonly defaults: P;
  /**
   * The preset machine the scene runs on for these params outside the app (the CLI), e.g.
   * `params.preset`; 'this-machine' needs a measurement. Absent: '2020'.
   */
  machineId?(params: P): string;
  /** Parses URL/CLI string parameters; unknown keys and bad values are ignored and reported (usually `parseWithSchema`). */
  parseParams(raw: Readonly<Record<string, string>>): { params: P; ignored: ParamIssue[] };
  /** The inverse of parseParams: `parseParams(serializeParams(p)).params` deep-equals p. */
  serializeParams(params: P): Record<string, string>;
}

/** A scene: its manifest (parameters P, URL id) plus model state S, events E, records R and a renderer view V. */
export interface SceneDefinition<P, S, E, R extends TraceRecord, V, Id extends string = string> extends SceneManifest<P, Id> {
  /** The model for these parameters on this machine. */
  model(params: P, machine: MachineModel): Model<S, E, R>;
  /** A plain, structured-cloneable picture of a state, for the renderer. */
  view(state: S): V;
}

/**
 * A manifest as registered in src/sim/manifests.ts: plus `load`, a dynamic import of its scene
 * (`() => import('./scene').then((m) => m.xScene)`), so the one registration reaches the model
 * without the main thread loading it (the import is its own chunk, fetched only when called).
 */
export interface LoadableManifest<P, Id extends string, Scene extends SceneManifest<P, Id>> extends SceneManifest<P, Id> {
  /** The full scene (model and view); only the simulation worker and the CLI call it. */
  load(): Promise<Scene>;
}
