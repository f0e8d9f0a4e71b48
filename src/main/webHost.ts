/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. `POST /api/<method>` with
 * `{"args":[...]}`; host events as server-sent events at `GET /api/events`; the built
 * renderer as static files. Electron-free, so tests start it on port 0.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_STATUS, type ApiErrorShape, type HostEvent } from '../shared/api';
import { validateArgs } from '../shared/validateArgs';
import { callHostApi, createHostApi, toErrorShape, type HostApi } from './services/hostApi';
import { MeasurementService } from './services/measurements';
import { readVersion } from './services/version';
import { securityHeadersFor } from './securityHeaders';
import { lookupStatic } from './staticFiles';
import { refuseSignalInspector } from './services/inspectorGuard';

export const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface WebHostOptions {
  /** 0 = any free port. */
  readonly port: number;
  readonly rendererDir: string;
  /** Built workers (out/main/workers); omitted = source mode (the .ts files through tsx). */
  readonly workerDir?: string;
  readonly log: (line: string) => void;
  readonly version?: string;
}

export interface WebHost {
  readonly url: string;
  readonly measurements: MeasurementService;
  readonly api: HostApi;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiErrorShape,
  ) {
    super(error.message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ApiErrorShape): void {
  send(res, status, { error });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return; // keep draining so the 400 reaches the client
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new HttpError(400, { code: 'bad-request', message: `request body over ${MAX_BODY_BYTES} bytes` }));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function parseArgs(body: string): unknown {
  if (body.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new HttpError(400, { code: 'bad-request', message: `invalid JSON body: ${(e as Error).message}` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('args' in parsed)) {
    throw new HttpError(400, { code: 'bad-request', message: 'body must be a JSON object {"args":[...]}' });
  }
  return (parsed as { args: unknown }).args;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  refuseSignalInspector();
  const measurements = new MeasurementService({ workers: options.workerDir ? { kind: 'bundle', dir: options.workerDir } : { kind: 'source' } });
  const api = createHostApi({ mode: 'browser', version: options.version ?? readVersion(), measurements });
  const sseClients = new Set<ServerResponse>();
  let allowedHosts: Set<string> = new Set();

  const broadcast = (event: HostEvent): void => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sseClients) res.write(frame);
  };
  measurements.onEvent(broadcast);
  const heartbeat = setInterval(() => {
    for (const res of sseClients) res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === HTTP_EVENTS_PATH) {
      if (req.method !== 'GET') throw new HttpError(405, { code: 'bad-request', message: `${HTTP_EVENTS_PATH} takes GET` });
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      res.write(': connected\n\n');
      sseClients.add(res);
      const drop = (): void => {
        sseClients.delete(res);
      };
      req.on('close', drop);
      res.on('error', drop);
      return;
    }
    const method = path.slice(HTTP_API_PREFIX.length);
    if (req.method !== 'POST') throw new HttpError(405, { code: 'bad-request', message: `${path} takes POST with {"args":[...]}` });
    // A page on another origin could POST here (a "simple" request needs no preflight).
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      throw new HttpError(403, { code: 'bad-request', message: `cross-origin request from ${origin} refused` });
    }
    const args = parseArgs(await readBody(req));
    const checked = validateArgs(method, args);
    if (!checked.ok) throw new HttpError(HTTP_STATUS[checked.error.code], checked.error);
    try {
      const result = await callHostApi(api, checked.method, checked.args);
      send(res, 200, result ?? null);
    } catch (e) {
      const error = toErrorShape(e);
      if (error.code === 'failed') options.log(`nanoscope: ${method} failed: ${error.message}`);
      sendError(res, HTTP_STATUS[error.code], error);
    }
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const found = await lookupStatic(options.rendererDir, path);
    if (found.status !== 200) {
      res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${found.reason}\n`);
      return;
    }
    res.writeHead(200, { 'Content-Type': found.contentType, 'Cache-Control': found.file.endsWith('.html') ? 'no-cache' : 'public, max-age=0' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    let headerPath = '/';
    try {
      headerPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      // A malformed URL gets the app's headers (and a 400 below).
    }
    for (const [k, v] of Object.entries(securityHeadersFor(headerPath))) res.setHeader(k, v);
    const handle = async (): Promise<void> => {
      // DNS rebinding: only answer to the names this server was bound under.
      if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(403, { code: 'bad-request', message: `unexpected Host header ${req.headers.host ?? '(none)'}` });
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
      if (path === HTTP_EVENTS_PATH || path.startsWith(HTTP_API_PREFIX)) await handleApi(req, res, path);
      else await handleStatic(req, res, rawPath);
    };
    handle().catch((e: unknown) => {
      if (e instanceof HttpError) {
        sendError(res, e.status, e.error);
        return;
      }
      options.log(`nanoscope: request ${req.method} ${req.url} failed: ${(e as Error).stack ?? String(e)}`);
      sendError(res, 500, { code: 'failed', message: 'internal error in the host' });
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;

  let closing: Promise<void> | undefined;
  return {
    url,
    measurements,
    api,
    close: () =>
      (closing ??= (async () => {
        clearInterval(heartbeat);
        await measurements.dispose();
        for (const res of sseClients) res.end();
        sseClients.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}
