import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/cli/chromiumReal';
import { cli, cliWithEnv } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-eventloop-cli-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('nanoscope eventloop', () => {
  it('prints the predicted output, one line per console.log', async () => {
    const f = file('order.js', "console.log('a');\nsetTimeout(() => console.log('timer'), 0);\nPromise.resolve().then(() => console.log('microtask'));\nprocess.nextTick(() => console.log('tick'));\n");
    const r = await cli('eventloop', f);
    expect(r).toMatchObject({ code: 0, stdout: 'a\ntick\nmicrotask\ntimer\n', stderr: '' });
  });

  it('prints the step trace with --json', async () => {
    const f = file('json.js', "setTimeout(() => console.log('t'), 5);\nconsole.log([1, 'x']);\n");
    const r = await cli('eventloop', f, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { runtime: string; stdout: string[]; exit: { reason: string; code: number }; steps: { kind: string; phase: string; t_ns: number; queues: { timers: { due_ns: number }[] } }[] };
    expect(doc.runtime).toBe('node');
    expect(doc.stdout).toEqual(["[ 1, 'x' ]", 't']);
    expect(doc.exit).toMatchObject({ reason: 'done', code: 0 });
    // The timer is queued at 0 ms and due at 5 ms; it runs in the timers phase at 5 ms.
    expect(doc.steps.find((s) => s.kind === 'enqueue')?.queues.timers[0]?.due_ns).toBe(5e6);
    expect(doc.steps.find((s) => s.kind === 'run' && s.phase === 'timers')?.t_ns).toBe(5e6);
  });

  it('exits 1 naming the unsupported construct, line and column', async () => {
    const f = file('with.js', 'let a = 1;\nwith (a) {}\n');
    const r = await cli('eventloop', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2:1: with statement is not supported (line 2, column 1)`);
  });

  it('says on stderr that the top-level setTimeout(0) vs setImmediate order is a race', async () => {
    const f = file('race.js', "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n");
    const r = await cli('eventloop', f);
    expect(r.stdout).toBe('immediate\ntimeout\n');
    expect(r.stderr).toMatch(/race: .*the model runs the immediate first/);
  });

  it('exits 3 on a runaway program, and 2 on bad usage', async () => {
    expect((await cli('eventloop', file('loop.js', 'for (;;) {}\n'))).code).toBe(3);
    expect((await cli('eventloop', file('ok.js', '1;'), '--runtime', 'deno')).code).toBe(2);
    expect((await cli('eventloop')).code).toBe(2);
  });

  it('--real runs the program in an isolated Node process and compares', async () => {
    const program = "const fs = require('fs');\nfs.readFile(__filename, 'utf8', (err, text) => console.log(err === null, text.length));\n";
    const f = file('real.js', program);
    const r = await cli('eventloop', f, '--real', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { real: { stdout: string[] }; differences: unknown[] };
    expect(doc.real.stdout).toEqual([`true ${program.length}`]);
    expect(doc.differences).toEqual([]);
  });

  it('--real cannot read other files or spawn processes, and stops an infinite loop (exit 3)', async () => {
    const f = file('escape.js', "try { require('fs').readFileSync('/etc/hostname'); console.log('read'); } catch (e) { console.log(e.code); }\ntry { require('child_process'); } catch (e) { console.log('no child_process'); }\n");
    const r = await cli('eventloop', f, '--real');
    expect(r.stdout).toBe('ERR_ACCESS_DENIED\nno child_process\n');
    const loop = await cli('eventloop', file('spin.js', 'while (true) {}\n'), '--real');
    expect(loop.code).toBe(3);
    expect(loop.stderr).toContain('stopped after 5 s');
  }, 30_000);

  // Real Chromium (Debian's, at /usr/bin/chromium here and in CI): these run a page each.
  const chromium = findChromium() !== null;

  it.skipIf(!chromium)('--real --runtime browser runs the program in headless Chromium and compares', async () => {
    // Worked by hand: microtask first, then the tasks in the order queued — a setTimeout(0), a
    // message, then the task that reports the unhandled rejection (queued at the checkpoint).
    const program = "setTimeout(() => console.log('timeout'), 0);\nPromise.reject(new Error('nobody'));\nconst c = new MessageChannel();\nc.port1.onmessage = (e) => console.log('message', e.data);\nc.port2.postMessage([1, 'x']);\nPromise.resolve().then(() => console.log('microtask'));\n";
    const f = file('browser.js', program);
    const r = await cli('eventloop', f, '--runtime', 'browser', '--real', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { runtime: string; real: { stdout: string[]; stderr: string; stopped: null }; differences: unknown[] };
    expect(doc.runtime).toBe('browser');
    expect(doc.real.stdout).toEqual(['microtask', 'timeout', "message [ 1, 'x' ]"]);
    expect(doc.real.stderr).toBe('Uncaught (in promise) Error: nobody\n');
    expect(doc.differences).toEqual([]);
    const plain = await cli('eventloop', f, '--runtime', 'browser', '--real');
    expect(plain.stdout).toBe("microtask\ntimeout\nmessage [ 1, 'x' ]\n");
    expect(plain.stderr).toContain('headless Chromium');
    expect(plain.stderr).toContain('the model predicted this output exactly');
  }, 90_000);

  it.skipIf(!chromium)('--real --runtime browser has no network and stops an infinite loop (exit 3), keeping what it printed', async () => {
    const f = file('net.js', "console.log(typeof fetch, typeof XMLHttpRequest, typeof WebSocket);\nconsole.log(-0, [NaN, -Infinity]);\n");
    // The page sends its records as JSON: the numbers JSON cannot carry must still print as Node prints them.
    expect((await cli('eventloop', f, '--runtime', 'browser', '--real')).stdout).toBe('undefined undefined undefined\n-0 [ NaN, -Infinity ]\n');
    const loop = await cli('eventloop', file('spin-browser.js', "console.log('before');\nsetTimeout(() => { for (;;) {} }, 0);\n"), '--runtime', 'browser', '--real');
    expect(loop.code).toBe(3);
    expect(loop.stdout).toBe('before\n');
    expect(loop.stderr).toContain('stopped after 5 s');
  }, 90_000);

  it('--real --runtime browser says it cannot when there is no Chromium', async () => {
    const f = file('nochrome.js', "console.log('x');\n");
    const r = await cliWithEnv({ NANOSCOPE_CHROMIUM: '/nonexistent/chromium', CHROMIUM_PATH: '/nonexistent/chromium', NANOSCOPE_NO_SYSTEM_CHROMIUM: '1' }, 'eventloop', f, '--runtime', 'browser', '--real');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot start headless Chromium here: no Chromium found');
  });
});
