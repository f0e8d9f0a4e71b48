/**
 * The IPC side of the contract, Electron-free: checks who is asking (the sender frame's
 * URL must be the app's own origin), validates the arguments, calls the handler, and
 * wraps the outcome as `{ ok, result | error }` so an error's code survives IPC (Electron
 * keeps only the message of a thrown Error).
 */
import { IPC_INVOKE_PREFIX, type ApiErrorShape, type ApiMethodName } from '../shared/api';
import { validateArgs } from '../shared/validateArgs';
import { callHostApi, toErrorShape, type HostApi } from './services/hostApi';

export const APP_ORIGIN = 'app://nanoscope';

export type IpcReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: ApiErrorShape };

/** What the router needs of an IpcMainInvokeEvent. */
export interface IpcSender {
  readonly senderFrame: { readonly url: string } | null | undefined;
}

/** True for the app's own pages: app://nanoscope/… or, in development, the dev server's origin. */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'app:' && u.host === 'nanoscope') return true;
  if (devServerUrl) {
    try {
      return u.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

export interface IpcRouter {
  readonly channels: readonly { readonly channel: string; readonly method: ApiMethodName }[];
  handle(method: string, event: IpcSender, args: unknown[]): Promise<IpcReply>;
}

export function createIpcRouter(api: HostApi, options: { readonly methods: readonly ApiMethodName[]; readonly devServerUrl?: string; readonly log?: (line: string) => void }): IpcRouter {
  return {
    channels: options.methods.map((method) => ({ channel: IPC_INVOKE_PREFIX + method, method })),
    async handle(method, event, args) {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url, options.devServerUrl)) {
        options.log?.(`nanoscope: refused ${method} from untrusted sender ${url || '(no frame)'}`);
        return { ok: false, error: { code: 'bad-request', message: `${method}: refused, the sender ${url || '(no frame)'} is not ${APP_ORIGIN}` } };
      }
      const checked = validateArgs(method, args);
      if (!checked.ok) return checked;
      try {
        return { ok: true, result: await callHostApi(api, checked.method, checked.args) };
      } catch (e) {
        return { ok: false, error: toErrorShape(e) };
      }
    },
  };
}
