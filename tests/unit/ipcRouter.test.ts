import { describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type HostInfo } from '../../src/shared/api';
import { createIpcRouter, isTrustedUrl } from '../../src/main/ipcRouter';
import type { HostApi } from '../../src/main/services/hostApi';

const info: HostInfo = {
  mode: 'desktop',
  version: '0.1.0',
  machine: { cpuModel: 'Test CPU', cores: 2, cpuMHz: 0, os: 'Linux 6.1 x64', runtime: 'Electron 45.4.1', totalMemoryBytes: 1024 },
  capabilities: { nativeDialogs: true, appMenu: true, recentFiles: false },
};
const calls: unknown[][] = [];
const api: HostApi = {
  hostInfo: async () => info,
  osCaches: async () => [],
  startMeasurement: async (req) => {
    calls.push([req]);
    throw new ApiError('busy', 'a memory-latency measurement is already running (job j1)');
  },
  cancelMeasurement: async () => {
    throw new Error('disk on fire');
  },
  saveFile: async () => ({ path: null }),
  openFile: async () => ({ path: null }),
  findPython: async () => ({ chosen: { found: false, executable: null, version: null, implementation: null, free_threaded: false, numpy: null, pandas: null, dask: null }, candidates: [], lookedFor: [] }),
};
const router = createIpcRouter(api, { methods: API_METHODS });
const from = (url: string) => ({ senderFrame: { url } });

describe('ipcRouter', () => {
  it('has one channel per API method', () => {
    expect(router.channels).toEqual(API_METHODS.map((m) => ({ channel: `nanoscope:${m}`, method: m })));
  });

  it('answers the app origin', async () => {
    expect(await router.handle('hostInfo', from('app://nanoscope/index.html'), [])).toEqual({ ok: true, result: info });
  });

  it('refuses other origins, and calls nothing', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/', '']) {
      const reply = await router.handle('startMeasurement', from(url), [{ kind: 'mutex-latency', params: {} }]);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error.code).toBe('bad-request');
      expect(!reply.ok && reply.error.message).toContain('is not app://nanoscope');
    }
    expect(await router.handle('hostInfo', { senderFrame: null }, [])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });

  it('trusts the dev server origin only when it is set', async () => {
    const dev = createIpcRouter(api, { methods: API_METHODS, devServerUrl: 'http://localhost:5173' });
    expect(await dev.handle('hostInfo', from('http://localhost:5173/scenes/ladder'), [])).toEqual({ ok: true, result: info });
    expect((await dev.handle('hostInfo', from('http://localhost:5174/'), [])).ok).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
  });

  it('carries validation errors and handler errors with their codes', async () => {
    const app = from('app://nanoscope/');
    expect(await router.handle('startMeasurement', app, [{ kind: 'memory-latency', params: { maxBytes: 1 } }])).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648' },
    });
    expect(await router.handle('nope', app, [])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await router.handle('startMeasurement', app, [{ kind: 'mutex-latency', params: {} }])).toEqual({
      ok: false,
      error: { code: 'busy', message: 'a memory-latency measurement is already running (job j1)' },
    });
    expect(await router.handle('cancelMeasurement', app, ['j1'])).toEqual({ ok: false, error: { code: 'failed', message: 'disk on fire' } });
  });
});
