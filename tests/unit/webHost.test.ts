import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY } from '../../src/main/securityHeaders';
import { startWebHost, type WebHost } from '../../src/main/webHost';

type ErrorBody = { error: { code: string; message: string } };

let host: WebHost;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nanoscope-renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Nanoscope</title>');
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'assets', 'm.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(dir, '..', 'nanoscope-secret.txt'), 'secret\n');
  host = await startWebHost({ port: 0, rendererDir: dir, log: (l) => logs.push(l), version: '9.9.9' });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
  await rm(join(dir, '..', 'nanoscope-secret.txt'), { force: true });
});

function post(method: string, body: string) {
  return fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** A raw GET whose path is sent as written (fetch would normalise the dots away). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the event stream (resolves once the host has registered it), then reads until `until` says stop. */
async function openEvents(): Promise<{ until: (stop: (e: HostEvent) => boolean) => Promise<HostEvent[]> }> {
  const controller = new AbortController();
  const res = await fetch(`${host.url}api/events`, { signal: controller.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  return {
    async until(stop) {
      const events: HostEvent[] = [];
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return events;
          buffer += decoder.decode(value);
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (!frame.startsWith('data: ')) continue;
            const e = JSON.parse(frame.slice(6)) as HostEvent;
            events.push(e);
            if (stop(e)) return events;
          }
        }
      } finally {
        controller.abort();
      }
    },
  };
}

describe('browser-mode host', () => {
  it('binds 127.0.0.1 on a free port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers hostInfo with the security headers', async () => {
    const res = await post('hostInfo', '{"args":[]}');
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const info = await res.json();
    expect(info).toMatchObject({ mode: 'browser', version: '9.9.9', capabilities: { nativeDialogs: false, appMenu: false, recentFiles: false } });
  });

  it('bad arguments → 400 with the message', async () => {
    const res = await post('startMeasurement', JSON.stringify({ args: [{ kind: 'memory-latency', params: { maxBytes: 12 } }] }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad-request', message: 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648' } });
  });

  it('unknown method → 404; invalid JSON, a body without args, or over 1 MiB → 400', async () => {
    const unknown = await post('launchMissiles', '{"args":[]}');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('not-found');
    const bad = await post('hostInfo', '{"args":[');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/^invalid JSON body/);
    expect((await post('hostInfo', '[1]')).status).toBe(400);
    const big = await post('hostInfo', JSON.stringify({ args: ['x'.repeat(1024 * 1024)] }));
    expect(big.status).toBe(400);
    expect(((await big.json()) as ErrorBody).error.message).toBe('request body over 1048576 bytes');
  });

  it('saveFile is unsupported in browser mode (501)', async () => {
    const res = await post('saveFile', JSON.stringify({ args: [{ suggestedName: 'a.txt', data: 'hi' }] }));
    expect(res.status).toBe(501);
    expect(((await res.json()) as ErrorBody).error.code).toBe('unsupported');
  });

  it('openFile is unsupported in browser mode (501): the renderer uses a file input', async () => {
    const res = await post('openFile', JSON.stringify({ args: [{}] }));
    expect(res.status).toBe(501);
    expect(((await res.json()) as ErrorBody).error.message).toContain('file input');
  });

  it('refuses cross-origin API calls and foreign Host headers', async () => {
    const res = await fetch(`${host.url}api/hostInfo`, { method: 'POST', headers: { origin: 'http://evil.example' }, body: '{"args":[]}' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'bad-request', message: 'cross-origin request from http://evil.example refused' } });
    const rebound = await rawGet('/', { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('unexpected Host header evil.example');
  });

  it('streams progress and done for a tiny memory-latency run; a second start meanwhile → 409', async () => {
    let jobId = '';
    const stream = await openEvents();
    const start = await post('startMeasurement', JSON.stringify({ args: [{ kind: 'memory-latency', params: { maxBytes: 16384, repeats: 1 } }] }));
    expect(start.status).toBe(200);
    ({ jobId } = (await start.json()) as { jobId: string });
    expect(jobId).toMatch(/^memory-latency-/);
    const second = await post('startMeasurement', JSON.stringify({ args: [{ kind: 'mutex-latency', params: {} }] }));
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: { code: 'busy', message: `a memory-latency measurement is already running (job ${jobId}); cancel it or wait for it to finish` } });
    const events = await stream.until((e) => (e.type === 'measurement.done' || e.type === 'measurement.failed') && e.jobId === jobId);
    const mine = events.filter((e) => 'jobId' in e ? e.jobId === jobId : e.type === 'measurement.progress' && e.progress.jobId === jobId);
    expect(mine.map((e) => e.type)).toEqual(['measurement.progress', 'measurement.progress', 'measurement.progress', 'measurement.done']);
    const done = mine.at(-1)!;
    expect(done.type === 'measurement.done' && done.result.kind === 'memory-latency' && done.result.points.map((p) => p.bytes)).toEqual([4096, 8192, 16384]);
    // Free again, and a finished job cannot be cancelled; an unknown one is not found.
    expect(await (await post('cancelMeasurement', JSON.stringify({ args: [jobId] }))).json()).toEqual({ cancelled: false });
    expect((await post('cancelMeasurement', JSON.stringify({ args: ['nope'] }))).status).toBe(404);
  });

  it('cancels a running job: failed/cancelled event, and the next start is accepted', async () => {
    let jobId = '';
    const stream = await openEvents();
    ({ jobId } = (await (await post('startMeasurement', JSON.stringify({ args: [{ kind: 'memory-latency', params: { maxBytes: 2 ** 28 } }] }))).json()) as { jobId: string });
    expect(await (await post('cancelMeasurement', JSON.stringify({ args: [jobId] }))).json()).toEqual({ cancelled: true });
    const events = await stream.until((e) => e.type === 'measurement.failed' && e.jobId === jobId);
    expect(events.at(-1)).toEqual({ type: 'measurement.failed', jobId, error: { code: 'cancelled', message: 'memory-latency measurement cancelled' } });
    expect(host.measurements.running()).toBeNull();
  });

  it('serves static files with their MIME types, falls back to index.html, refuses traversal', async () => {
    const js = await fetch(`${host.url}assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await fetch(`${host.url}assets/m.wasm`)).headers.get('content-type')).toBe('application/wasm');
    const route = await fetch(`${host.url}scenes/ladder`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await route.text()).toBe('<!doctype html><title>Nanoscope</title>');
    expect((await fetch(`${host.url}assets/missing.js`)).status).toBe(404);
    for (const path of ['/../nanoscope-secret.txt', '/assets/../../nanoscope-secret.txt', '/%2e%2e/nanoscope-secret.txt', '/..%2fnanoscope-secret.txt', '/assets%5c..%5c..%5cnanoscope-secret.txt']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('secret\n');
    }
  });

  it('survives a handler that throws', async () => {
    const original = host.api.hostInfo;
    (host.api as unknown as { hostInfo: () => Promise<never> }).hostInfo = async () => {
      throw new TypeError('boom');
    };
    try {
      const res = await post('hostInfo', '{"args":[]}');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'failed', message: 'boom' } });
    } finally {
      (host.api as { hostInfo: typeof original }).hostInfo = original;
    }
    expect((await post('hostInfo', '{"args":[]}')).status).toBe(200);
  });
});
