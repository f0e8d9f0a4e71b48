/**
 * The one API object the renderer uses. Desktop: the preload's `window.nanoscope`.
 * Browser mode: the same methods over HTTP (`POST /api/<method>`) and server-sent events.
 * Errors are re-thrown as ApiError with the host's code in both modes.
 */
import {
  API_METHODS,
  ApiError,
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  type ApiErrorCode,
  type ApiMethodName,
  type HostEvent,
  type NanoscopeApi,
} from '../../shared/api';

declare global {
  interface Window {
    nanoscope?: NanoscopeApi;
  }
}

const KNOWN_CODES: readonly ApiErrorCode[] = ['bad-request', 'not-found', 'busy', 'cancelled', 'unsupported', 'forbidden', 'failed'];

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const candidate = error as { code?: unknown; message?: unknown } | null;
  const code = KNOWN_CODES.includes(candidate?.code as ApiErrorCode) ? (candidate?.code as ApiErrorCode) : 'failed';
  const raw = typeof candidate?.message === 'string' ? candidate.message : String(error);
  // Electron prefixes errors thrown across IPC; keep the host's own words.
  return new ApiError(code, raw.replace(/^Error invoking remote method '[^']+': (Error: )?/, ''));
}

function wrapDesktop(bridge: NanoscopeApi): NanoscopeApi {
  const api: Record<string, unknown> = { onEvent: bridge.onEvent };
  for (const method of API_METHODS) {
    const call = bridge[method] as (...args: unknown[]) => Promise<unknown>;
    api[method] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        throw toApiError(error);
      }
    };
  }
  return api as NanoscopeApi;
}

function createHttpApi(base: string): NanoscopeApi {
  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | null = null;
  const ensureStream = () => {
    if (source) return;
    source = new EventSource(base + HTTP_EVENTS_PATH);
    source.onmessage = (message) => {
      let event: HostEvent;
      try {
        event = JSON.parse(message.data as string) as HostEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  };
  const call = async (method: ApiMethodName, args: unknown[]) => {
    let response: Response;
    try {
      response = await fetch(base + HTTP_API_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ args }),
      });
    } catch (error) {
      throw new ApiError('failed', `The Nanoscope host did not answer (${String(error)}). Is it still running?`);
    }
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (!response.ok) throw toApiError(body?.error ?? { code: 'failed', message: `HTTP ${response.status}` });
    return body;
  };
  const api: Record<string, unknown> = {
    onEvent(listener: (event: HostEvent) => void) {
      listeners.add(listener);
      ensureStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
  for (const method of API_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  return api as NanoscopeApi;
}

let instance: NanoscopeApi | null = null;

/** The API, created once: desktop bridge when present, HTTP otherwise. */
export function getApi(): NanoscopeApi {
  if (!instance) instance = window.nanoscope ? wrapDesktop(window.nanoscope) : createHttpApi(window.location.origin);
  return instance;
}
