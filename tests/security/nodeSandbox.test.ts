/**
 * Attacks on the event-loop real run (Node), as an attacker would write them: each asserts the
 * attack's *effect* did not happen — a marker file outside the child's temporary directory, a
 * connection accepted by a listener this test runs on 127.0.0.1, a sibling process killed, the
 * host's inspector opened — not merely that some error was printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespacesAvailable, runRealProgram } from '../../src/main/services/eventLoopReal';
import { bin, root } from '../unit/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-security-'));
let server: Server;
let port = 0;
let accepted = 0;
let sibling: ChildProcess;

beforeAll(async () => {
  server = createServer((s) => {
    accepted++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  sibling = spawn('sleep', ['60'], { stdio: 'ignore' });
});

afterAll(() => {
  server.close();
  sibling.kill('SIGKILL');
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every way the issue (and its variants) found to reach a module the sandbox does not give. */
const REACH = (name: string): string => `[
  () => process.getBuiltinModule(${JSON.stringify(name)}),
  () => require(${JSON.stringify(name)}),
  () => module.constructor._load(${JSON.stringify(name)}, null),
  () => this.constructor.constructor('return process')().getBuiltinModule(${JSON.stringify(name)}),
  () => console.log.constructor('return process')().getBuiltinModule(${JSON.stringify(name)}),
  () => setTimeout.constructor('return process')().mainModule.require(${JSON.stringify(name)}),
  () => { let leak; console.log({ [Symbol.for('nodejs.util.inspect.custom')](d, o, inspect) { leak = inspect.constructor('return process')(); return ''; } }); return leak.getBuiltinModule(${JSON.stringify(name)}); },
  () => { let leak; console.dir({ [Symbol.for('nodejs.util.inspect.custom')](d, o, inspect) { leak = inspect.constructor('return process')(); return ''; } }, { customInspect: true }); return leak.getBuiltinModule(${JSON.stringify(name)}); },
  () => { Error.prepareStackTrace = (e, frames) => frames; const f = new Error().stack; return f[f.length - 1].getFunction().constructor('return process')().getBuiltinModule(${JSON.stringify(name)}); },
  () => { let err; const deep = () => { try { deep(); } catch (e) { try { console.log(''); } catch (e2) { err = e2; } } }; deep(); return err.constructor.constructor('return process')().getBuiltinModule(${JSON.stringify(name)}); },
]`;

/** The same reach through import(): Node's refusal, if it were Node's, would be a host-realm error. */
const IMPORTS = (name: string): string => `[
  () => import(${JSON.stringify(name)}),
  () => eval('import(${JSON.stringify(name)})'),
  () => new Function('return import(${JSON.stringify(name)})')(),
].map((f) => { try { return f(); } catch (e) { return Promise.reject(e); } })`;

describe('the Node real run is a sandbox', () => {
  it('cannot write a file outside its temporary directory', async () => {
    const marker = join(dir, 'marker-write');
    const program = `const marker = ${JSON.stringify(marker)};
for (const get of ${REACH('fs')}) { try { get().writeFileSync(marker, 'pwned'); } catch {} }
for (const p of ${IMPORTS('fs')}) p.then((m) => m.writeFileSync(marker, 'pwned'), (e) => { try { e.constructor.constructor('return process')().getBuiltinModule('fs').writeFileSync(marker, 'pwned'); } catch {} });
setTimeout(() => {}, 200);
try { require('fs').writeFileSync(marker, 'pwned'); } catch {}
try { eval('process').binding('fs'); } catch {}
console.log('attack ran');`;
    const out = await runRealProgram(program, { timeoutMs: 4000 });
    // The attack compiled and ran (a test whose program does not parse proves nothing).
    expect(out.stdout).toContain('attack ran');
    expect(out.stopped).toBeNull();
    expect(existsSync(marker)).toBe(false);
  });

  it('cannot connect to a listener on 127.0.0.1 (TCP, by any route to net or http)', async () => {
    const program = `const port = ${port};
for (const get of ${REACH('net')}) { try { get().connect(port, '127.0.0.1').on('error', () => {}); } catch {} }
for (const p of ${IMPORTS('net')}) p.then((m) => m.connect(port, '127.0.0.1').on('error', () => {}), (e) => { try { e.constructor.constructor('return process')().getBuiltinModule('net').connect(port, '127.0.0.1').on('error', () => {}); } catch {} });
for (const get of ${REACH('http')}) { try { get().get('http://127.0.0.1:' + port).on('error', () => {}); } catch {} }
try { new (process.stdout.constructor)(); } catch {}
try { fetch('http://127.0.0.1:' + port).catch(() => {}); } catch {}
setTimeout(() => {}, 300);
console.log('attack ran');`;
    const before = accepted;
    const out = await runRealProgram(program, { timeoutMs: 4000 });
    expect(out.stdout).toContain('attack ran');
    // Give a late connection time to land.
    await new Promise((r) => setTimeout(r, 200));
    expect(accepted - before).toBe(0);
  });

  it('cannot kill or signal another process', async () => {
    const pid = sibling.pid!;
    const program = `const pid = ${pid};
try { process._kill(pid, 9); } catch {}
try { process.kill(pid, 'SIGKILL'); } catch {}
for (const get of ${REACH('child_process')}) { try { get().execSync('kill -9 ' + pid); } catch {} }
for (const get of [() => this.constructor.constructor('return process')(), () => setTimeout.constructor('return process')()]) { try { const p = get(); p._kill(pid, 9); p.kill(pid, 9); } catch {} }
console.log('attack ran');`;
    const out = await runRealProgram(program, { timeoutMs: 4000 });
    expect(out.stdout).toContain('attack ran');
    expect(alive(pid)).toBe(true);
  });

  it('sees no process, require or host object; keeps output byte-identical to Node', async () => {
    const program = `console.log(typeof process.getBuiltinModule, typeof process.binding, typeof process._kill, typeof module.constructor._load, typeof Buffer);
console.log(this.constructor.constructor('return typeof process.getBuiltinModule')());
console.log([1, { a: 'x' }], new Map([[1, 2]]), -0);
for (const p of ${IMPORTS('fs')}) p.catch((e) => console.log('import', typeof e.constructor.constructor('return process')().getBuiltinModule));`;
    const out = await runRealProgram(program, { timeoutMs: 4000 });
    expect(out.stdout).toBe("undefined undefined undefined undefined undefined\nundefined\n[ 1, { a: 'x' } ] Map(1) { 1 => 2 } -0\nimport undefined\nimport undefined\nimport undefined\n");
    expect(out.sandbox?.context).toBe(true);
  });

  it('without namespaces (macOS, Windows, no user namespaces), the context alone keeps it from sockets and signals', async () => {
    const pid = sibling.pid!;
    const program = `for (const get of ${REACH('net')}) { try { get().connect(${port}, '127.0.0.1').on('error', () => {}); } catch {} }
for (const p of ${IMPORTS('net')}) p.then((m) => m.connect(${port}, '127.0.0.1').on('error', () => {}), (e) => { try { e.constructor.constructor('return process')().getBuiltinModule('net').connect(${port}, '127.0.0.1').on('error', () => {}); } catch {} });
for (const p of ${IMPORTS('fs')}) p.catch((e) => { try { e.constructor.constructor('return process')()._kill(${pid}, 9); } catch {} });
try { process._kill(${pid}, 9); } catch {}
setTimeout(() => {}, 300);
console.log('attack ran');`;
    const before = accepted;
    const out = await runRealProgram(program, { timeoutMs: 4000, namespaces: false });
    expect(out.stdout).toContain('attack ran');
    expect(out.sandbox?.namespaces).toEqual([]);
    expect(out.sandbox?.note).toMatch(/shares the network/);
    await new Promise((r) => setTimeout(r, 200));
    expect(accepted - before).toBe(0);
    expect(alive(pid)).toBe(true);
  });

  it.skipIf(!namespacesAvailable())('runs in new user, network and PID namespaces where unshare works', async () => {
    const out = await runRealProgram('console.log("ok")', { timeoutMs: 4000 });
    expect(out.sandbox?.namespaces).toEqual(['user', 'network', 'pid']);
    expect(out.stdout).toBe('ok\n');
  });

  it('bounds resident memory, not only the heap, and says "memory"', async () => {
    // Typed arrays live outside the V8 heap: --max-old-space-size alone does not stop this.
    const program = 'const keep = []; for (;;) keep.push(new Uint8Array(32 << 20).fill(1));';
    const out = await runRealProgram(program, { timeoutMs: 4000 });
    expect(out.stopped).toBe('memory');
    expect(out.message).toMatch(/memory budget/);
  });

  it('caps output at 1 MiB', async () => {
    const out = await runRealProgram("const s = 'x'.repeat(1000); for (;;) console.log(s);", { timeoutMs: 4000 });
    expect(out.stopped).toBe('output');
    expect(out.stdout.length + out.stderr.length).toBeLessThanOrEqual(1 << 20);
  });
});

/** Starts `nanoscope eventloop FILE --real` as the host; the inspector, if SIGUSR1 opened one, listens on `inspectPort`. */
function cliHost(file: string, inspectPort: number): { child: ChildProcess; started: Promise<void>; done: Promise<{ stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [bin, 'eventloop', file, '--real'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: `--inspect-port=127.0.0.1:${inspectPort}` } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  let started = (): void => undefined;
  const startedP = new Promise<void>((r) => (started = r));
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (stderr.includes('nanoscope: running the program')) started();
  });
  return { child, started: startedP, done: new Promise((r) => child.on('close', () => r({ stdout, stderr }))) };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return p;
}

describe('the host cannot be driven through its inspector', () => {
  it('SIGUSR1 does not open an inspector in the CLI host', async () => {
    const inspectPort = await freePort();
    const file = join(dir, 'wait.js');
    writeFileSync(file, 'setTimeout(() => {}, 1500);\n');
    const host = cliHost(file, inspectPort);
    // Wait until the host has started its real run (the model's run comes first).
    await host.started;
    process.kill(host.child.pid!, 'SIGUSR1');
    const out = await host.done;
    expect(out.stderr).not.toMatch(/Debugger listening/);
  }, 30_000);

  it('the full chain of the issue (signal the parent, drive its inspector, write a file) does not reach its effect', async () => {
    const inspectPort = await freePort();
    const marker = join(dir, 'marker-inspector');
    // The attack as the issue ran it: open the parent's inspector with SIGUSR1, find its
    // WebSocket URL, send Runtime.evaluate over a hand-made WebSocket frame.
    const program = `const marker = ${JSON.stringify(marker)}, port = ${inspectPort};
let p = process; try { p = this.constructor.constructor('return process')(); } catch {}
const get = (n) => { try { return p.getBuiltinModule(n); } catch { try { return require(n); } catch { return null; } } };
try { p._kill(p.ppid, 10); } catch {}
try { p.kill(p.ppid, 'SIGUSR1'); } catch {}
const http = get('http'), net = get('net');
setTimeout(() => {
  if (!http || !net) return;
  http.get('http://127.0.0.1:' + port + '/json/list', (res) => {
    let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => {
      const url = new URL(JSON.parse(body)[0].webSocketDebuggerUrl);
      const s = net.connect(port, '127.0.0.1', () => {
        s.write('GET ' + url.pathname + ' HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n');
        const msg = Buffer.from(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: 'process.getBuiltinModule("fs").writeFileSync(' + JSON.stringify(marker) + ', "pwned")' } }));
        const head = msg.length < 126 ? Buffer.from([0x81, 0x80 | msg.length]) : Buffer.from([0x81, 0x80 | 126, msg.length >> 8, msg.length & 255]);
        s.write(Buffer.concat([head, Buffer.alloc(4), msg]));
      });
      s.on('error', () => {});
    });
  }).on('error', () => {});
}, 400);
setTimeout(() => {}, 1500);`;
    const file = join(dir, 'chain.js');
    writeFileSync(file, program);
    const host = cliHost(file, inspectPort);
    await host.done;
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(marker)).toBe(false);
  }, 30_000);
});
