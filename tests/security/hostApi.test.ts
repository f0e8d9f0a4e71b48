/**
 * The browser-mode host refuses a real run the user has not confirmed: nothing in a page (a
 * share link's code, a forged request) can start one without the trust dialog's `confirmed`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/main/webHost';

let host: WebHost;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nanoscope-security-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Nanoscope</title>');
  host = await startWebHost({ port: 0, rendererDir: dir, log: () => {}, version: '9.9.9' });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const start = (params: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/startMeasurement`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args: [{ kind: 'event-loop', params }] }) });

describe("the host asks for the user's confirmation before any real run of code", () => {
  it('answers 403 forbidden, saying why, when the request does not carry the confirmation', async () => {
    for (const params of [{ source: 'console.log(1)', runtime: 'node' }, { source: 'console.log(1)', runtime: 'node', confirmed: false }]) {
      const res = await start(params);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('forbidden');
      expect(body.error.message).toMatch(/confirmation/);
    }
  });

  it('refuses an opaque-origin page (a sandboxed frame or worker) whatever it sends', async () => {
    const res = await start({ source: 'console.log(1)', runtime: 'node', confirmed: true }, { origin: 'null' });
    expect(res.status).toBe(403);
  });

  it('refuses a confirmation that is not a boolean', async () => {
    const res = await start({ source: 'console.log(1)', runtime: 'node', confirmed: 'yes' });
    expect(res.status).toBe(400);
  });
});
