/**
 * Attacks on the page (browser mode): code that arrives with a link runs nowhere until the user
 * confirms; the browser runtime's real run has no origin (no API, no network, no storage);
 * messages from it are checked; its output is capped so the page never freezes; a malformed
 * hash leaves a notice, not a blank app.
 */
import { spawn } from 'node:child_process';
import { connect, createServer, type Server } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { EventLoopPage } from '../e2e/pages/eventLoopPage';

let server: Server;
let port = 0;
let accepted = 0;

test.beforeAll(async () => {
  server = createServer((s) => {
    accepted++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
test.afterAll(() => server.close());

/** Opens the event-loop scene on `code` as a link would carry it (untrusted: not typed here). */
async function openLinked(page: Page, code: string, runtime: 'node' | 'browser'): Promise<EventLoopPage> {
  const el = new EventLoopPage(page);
  await el.openScene(new URLSearchParams({ code, runtime }).toString());
  await el.openPanel('Real run');
  return el;
}

/** Says yes to the trust dialog (the attacks below are about what a confirmed run can reach). */
async function confirmIfAsked(page: Page): Promise<void> {
  await page
    .getByTestId('trust.confirm')
    .click({ timeout: 3000 })
    .catch(() => undefined);
}

test.describe('trust boundary (page)', () => {
  test('code from a link asks before a real run, shows the code, and runs nothing when cancelled', async ({ page }) => {
    const starts: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/startMeasurement')) starts.push(r.postData() ?? '');
    });
    const code = "console.log('from a link');\n";
    await openLinked(page, code, 'node');
    await page.getByTestId('eventloop.real.run').click();
    const dialog = page.getByTestId('trust.dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('trust.code')).toHaveText(code);
    await expect(dialog).toContainText('A real run executes it');
    await page.getByTestId('trust.cancel').click();
    await expect(dialog).toBeHidden();
    expect(starts).toEqual([]);
    // Confirmed: it runs, and the request says so.
    await page.getByTestId('eventloop.real.run').click();
    await page.getByTestId('trust.confirm').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveText('The model predicted all 1 lines exactly.', { timeout: 20_000 });
    expect(starts).toHaveLength(1);
    expect(JSON.parse(starts[0]!)).toMatchObject({ args: [{ kind: 'event-loop', params: { confirmed: true } }] });
    // Now the user's own: no second question.
    await page.getByTestId('eventloop.real.run').click();
    await expect(dialog).toBeHidden();
  });

  test('the host refuses an unconfirmed real run even from the app page itself (403)', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene();
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/startMeasurement', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args: [{ kind: 'event-loop', params: { source: '1', runtime: 'node' } }] }) });
      return res.status;
    });
    expect(status).toBe(403);
  });

  test('the browser real run reaches neither the API, nor 127.0.0.1, nor storage', async ({ page }) => {
    const apiCalls: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().includes('/api/') && (r.postData() ?? '').includes('attack-marker')) apiCalls.push(r.url());
    });
    // The app's origin (the API's), learned from a first visit.
    await new EventLoopPage(page).openScene();
    const origin = new URL(page.url()).origin;
    const code = `const origin = ${JSON.stringify(origin)};
const body = JSON.stringify({ args: ['attack-marker'] });
const tries = [
  () => fetch(origin + '/api/cancelMeasurement', { method: 'POST', body }),
  () => WorkerGlobalScope.prototype.fetch.call(self, origin + '/api/cancelMeasurement', { method: 'POST', body }),
  () => WorkerGlobalScope.prototype.fetch.call(self, origin + '/api/startMeasurement', { method: 'POST', body: JSON.stringify({ args: [{ kind: 'event-loop', params: { source: 'attack-marker', runtime: 'node', confirmed: true } }] }) }),
  () => WorkerGlobalScope.prototype.fetch.call(self, 'http://127.0.0.1:${port}/attack-marker', { mode: 'no-cors' }),
];
for (const t of tries) { try { t().then((r) => console.log('answered', r.status), () => console.log('refused')); } catch (e) { console.log('threw'); } }
try { const ws = new WebSocket('ws://127.0.0.1:${port}/'); ws.onerror = () => {}; } catch (e) {}
try { const r = WorkerGlobalScope.prototype.__lookupGetter__('indexedDB').call(self).open('x'); r.onsuccess = () => console.log('stored indexedDB'); r.onerror = () => {}; } catch (e) {}
try { WorkerGlobalScope.prototype.__lookupGetter__('caches').call(self).open('x').then(() => console.log('stored caches'), () => {}); } catch (e) {}
try { navigator.storage.getDirectory().then(async (d) => { const f = await d.getFileHandle('x', { create: true }); const h = await f.createSyncAccessHandle(); h.write(new Uint8Array(1 << 20)); console.log('stored opfs'); }, () => {}); } catch (e) {}
setTimeout(() => console.log('end'), 800);`;
    await openLinked(page, code, 'browser');
    await page.getByTestId('eventloop.real.run').click();
    await confirmIfAsked(page);
    await expect(page.getByTestId('eventloop.real.table')).toBeVisible({ timeout: 20_000 });
    const real = (await page.getByTestId('eventloop.real.table').locator('td:nth-child(3)').allTextContents()).join('\n');
    expect(real).toContain('end');
    // Any answer at all means the request reached a server (the old run got 404 and 400 from the API).
    expect(real).not.toMatch(/answered|stored/);
    expect(apiCalls).toEqual([]);
    expect(accepted).toBe(0);
  });

  test('a forged message from the program is dropped, never a page error', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const code = "postMessage({ type: 'log', args: null });\npostMessage({ type: 'log', stream: 'stdout', args: [{ t: 'o', v: null }], t: 0 });\npostMessage(null);\npostMessage({ type: 'uncaught' });\nconsole.log('still here');\n";
    await openLinked(page, code, 'browser');
    await page.getByTestId('eventloop.real.run').click();
    await confirmIfAsked(page);
    await expect(page.getByTestId('eventloop.real.table')).toContainText('still here', { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('a flood of output is capped at 1 MiB and the page never freezes', async ({ page }) => {
    // The model refuses the class (so only the real run prints): 50 MB in a tight loop.
    const code = "class Flood {}\nconst s = 'x'.repeat(100000);\nfor (let i = 0; i < 500; i++) console.log(s);\n";
    await openLinked(page, code, 'browser');
    await page.getByTestId('eventloop.real.run').click();
    await confirmIfAsked(page);
    const stopped = page.getByTestId('eventloop.real.stopped');
    let worst = 0;
    for (let i = 0; i < 100 && !(await stopped.isVisible()); i++) {
      const t0 = Date.now();
      await page.evaluate(() => 1);
      worst = Math.max(worst, Date.now() - t0);
    }
    await expect(stopped).toContainText('printed more than 1024 KiB', { timeout: 20_000 });
    expect(worst).toBeLessThan(5000);
  });

  test('a malformed percent-encoding in the hash shows a notice, not a blank app', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/#/%E0%A4%A');
    await expect(page.getByTestId('scene.not-found')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the browser-mode host opens no inspector on SIGUSR1', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const inspectPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const host = spawn(process.execPath, ['out/main/web.js', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: `--inspect-port=127.0.0.1:${inspectPort}` } });
    let output = '';
    const ready = new Promise<void>((r) => {
      const on = (c: Buffer): void => {
        output += c.toString();
        if (output.includes('ready at')) r();
      };
      host.stdout!.on('data', on);
      host.stderr!.on('data', on);
    });
    try {
      await ready;
      process.kill(host.pid!, 'SIGUSR1');
      await new Promise((r) => setTimeout(r, 1000));
      const open = await new Promise<boolean>((r) => {
        const s = connect(inspectPort, '127.0.0.1', () => {
          s.destroy();
          r(true);
        });
        s.on('error', () => r(false));
      });
      expect(output).not.toMatch(/Debugger listening/);
      expect(open).toBe(false);
    } finally {
      host.kill('SIGKILL');
    }
  });
});
