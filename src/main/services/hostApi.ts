/**
 * One async handler per ApiMethods method, shared by both hosts. Handlers take arguments
 * that validateArgs has already checked; transport (IPC, HTTP) lives elsewhere.
 */
import {
  ApiError,
  type ApiMethodName,
  type ApiMethods,
  type Capabilities,
  type HostMode,
  type MachineStamp,
  type MeasurementRequest,
  type OsCacheInfo,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
} from '../../shared/api';
import { machineStamp } from './machineStamp';
import type { MeasurementService } from './measurements';
import { osCaches } from './osCaches';
import { findPython } from './python/find';

export type HostApi = {
  readonly [M in ApiMethodName]: (...args: ApiMethods[M]['args']) => Promise<ApiMethods[M]['result']>;
};

export interface HostApiDeps {
  readonly mode: HostMode;
  readonly version: string;
  readonly measurements: MeasurementService;
  readonly capabilities?: Partial<Capabilities>;
  /** Desktop passes a dialog-backed implementation; without it saveFile is unsupported. */
  readonly saveFile?: (request: SaveFileRequest) => Promise<SaveFileResult>;
  /** Desktop passes a dialog-backed implementation; without it openFile is unsupported. */
  readonly openFile?: (request: OpenFileRequest) => Promise<OpenFileResult>;
  readonly stamp?: () => MachineStamp;
  readonly caches?: () => Promise<OsCacheInfo[]>;
}

export function createHostApi(deps: HostApiDeps): HostApi {
  const stamp = deps.stamp ?? machineStamp;
  const caches = deps.caches ?? (() => osCaches());
  const capabilities: Capabilities = {
    nativeDialogs: deps.saveFile !== undefined,
    appMenu: false,
    recentFiles: false,
    ...deps.capabilities,
  };
  return {
    hostInfo: async () => ({ mode: deps.mode, version: deps.version, machine: stamp(), capabilities }),
    osCaches: async () => caches(),
    startMeasurement: async (request: MeasurementRequest) => {
      // Code from a link, a file or a lesson runs for real only after the user said so; the page
      // sets `confirmed` after its trust dialog (or for code typed here), so nothing skips it.
      if (request.kind === 'event-loop' && request.params.confirmed !== true) {
        throw new ApiError('forbidden', "startMeasurement: a real run of a program needs the user's confirmation (params.confirmed: true, which the app sets only for code the user typed or confirmed in its trust dialog); not run");
      }
      return deps.measurements.start(request);
    },
    cancelMeasurement: async (jobId: string) => deps.measurements.cancel(jobId),
    saveFile: async (request: SaveFileRequest) => {
      if (!deps.saveFile) {
        throw new ApiError('unsupported', `saveFile is not available in ${deps.mode} mode; the renderer downloads the file instead`);
      }
      return deps.saveFile(request);
    },
    findPython: async (request: { readonly path?: string }) => findPython(request.path === undefined ? {} : { explicit: request.path }),
    openFile: async (request: OpenFileRequest) => {
      if (!deps.openFile) {
        throw new ApiError('unsupported', `openFile is not available in ${deps.mode} mode; the renderer uses a file input instead`);
      }
      return deps.openFile(request);
    },
  };
}

/** Calls a handler with validated arguments (the one untyped step, kept in one place). */
export function callHostApi(api: HostApi, method: ApiMethodName, args: unknown[]): Promise<unknown> {
  const handler = api[method] as (...a: unknown[]) => Promise<unknown>;
  return handler(...args);
}

/** An ApiErrorShape for anything a handler threw; unknown errors become 'failed'. */
export function toErrorShape(e: unknown): { code: ApiError['code']; message: string } {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  return { code: 'failed', message: e instanceof Error ? e.message : String(e) };
}
