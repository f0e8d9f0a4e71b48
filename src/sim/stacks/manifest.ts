/** The stacks scene's manifest: what the renderer's main thread needs (id, title, parameters, URL parsing), no model. */
import type { LoadableManifest } from '../core/scene';
import type { stacksScene } from './scene';
import { defaultsOf, parseWithSchema, serializeWithSchema, type ParamSchema } from '../core/params';
import { DEFAULT_KEEP_ALIVE_MS, DEFAULT_PRICES, TRACE_KINDS, type TraceKind } from './functions';
import { STACK_IDS, type StackId } from './stacks';

/** Parameters of the stacks scene (URL strings parsed by {@link stacksScene}). */
export interface StacksParams {
  readonly stack: StackId;
  /** Instances to launch, 1..500 (not used by `function`, whose trace decides). */
  readonly instances: number;
  /** The request trace of the `function` stack. */
  readonly trace: TraceKind;
  /** Always-on VM price, dollars per hour. */
  readonly vmHourly: number;
  /** Engineer price, dollars per hour (the calculator). */
  readonly engineerHourly: number;
  /** Boot or cold-start time of the current stack, ms; null = the stack's documented figure. */
  readonly boot: number | null;
  /** Function keep-alive, ms. */
  readonly keepAlive: number;
}
/** The scene's parameters, declared once. */
export const STACKS_PARAMS = {
  stack: { type: 'enum', default: 'container', values: STACK_IDS, label: 'Stack', help: 'What each instance runs on: bare metal, a VM, a microVM, a container or a function.' },
  instances: { type: 'int', default: 40, min: 1, max: 500, label: 'Instances', help: 'Instances to launch (the function stack serves its trace instead).' },
  trace: { type: 'enum', default: 'bursty', values: TRACE_KINDS, label: 'Request trace', help: 'The requests the function stack serves.' },
  vmHourly: { type: 'number', default: DEFAULT_PRICES.vmHourly, min: 0.001, max: 1000, step: 0.001, unit: '$/h', label: 'VM price' },
  engineerHourly: { type: 'number', default: DEFAULT_PRICES.engineerHourly, min: 0.01, max: 10_000, step: 0.01, unit: '$/h', label: 'Engineer price' },
  boot: { type: 'int', default: null, nullable: true, min: 1, max: 600_000, unit: 'ms', label: 'Boot time', help: "Boot or cold-start time of the stack; empty = the stack's documented figure." },
  keepAlive: { type: 'int', default: DEFAULT_KEEP_ALIVE_MS, min: 0, max: 86_400_000, unit: 'ms', label: 'Keep-alive', help: 'How long an idle function instance is kept warm.' },
} satisfies ParamSchema<StacksParams>;

/** The scene's manifest, spread into its SceneDefinition (scene.ts). */
export const stacksManifest: LoadableManifest<StacksParams, 'stacks', typeof stacksScene> = {
  id: 'stacks',
  title: 'VMs, Containers, Functions',
  params: STACKS_PARAMS,
  defaults: defaultsOf<StacksParams>(STACKS_PARAMS),
  parseParams: (raw) => parseWithSchema<StacksParams>(STACKS_PARAMS, raw),
  serializeParams: (p) => serializeWithSchema<StacksParams>(STACKS_PARAMS, p),
  load: () => import('./scene').then((m) => m.stacksScene),
};
