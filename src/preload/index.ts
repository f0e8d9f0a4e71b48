/**
 * Exposes the contract as window.nanoscope and nothing else. Each method unwraps the
 * `{ ok, result | error }` reply of the main process; an error keeps its `code`.
 *
 * The rejection is a plain `{ name, code, message }` object, not an Error: contextBridge
 * copies only the message of an Error and drops custom properties such as `code`
 * (electron/electron#25596), while plain objects cross whole. The renderer's client turns
 * either into an ApiError.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX, type ApiErrorShape, type HostEvent } from '../shared/api';

type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

function call(method: string) {
  return async (...args: unknown[]): Promise<unknown> => {
    const reply = (await ipcRenderer.invoke(IPC_INVOKE_PREFIX + method, ...args)) as Reply;
    if (reply.ok) return reply.result;
    throw { name: 'ApiError', code: reply.error.code, message: reply.error.message };
  };
}

const api: Record<string, unknown> = {};
for (const method of API_METHODS) api[method] = call(method);
api.onEvent = (listener: (event: HostEvent) => void): (() => void) => {
  const wrapped = (_e: IpcRendererEvent, event: HostEvent): void => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('nanoscope', api);
