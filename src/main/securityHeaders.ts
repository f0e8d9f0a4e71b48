/**
 * Headers on every response of both hosts (Electron's app:// protocol and browser mode).
 * COOP + COEP make the page cross-origin isolated, which SharedArrayBuffer needs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Where the browser runtime's real run lives: an opaque-origin frame, served with its own headers. */
export const SANDBOX_PATH_PREFIX = '/sandbox/';

/**
 * The sandbox frame's policy: `sandbox allow-scripts` gives it an opaque origin even if opened
 * directly (no storage, no cookies, and the host refuses `Origin: null`), `connect-src 'none'`
 * leaves it and its blob Worker (which inherits this policy) no network at all, and only the
 * app may frame it.
 */
export const SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  'worker-src blob:',
  "connect-src 'none'",
  "img-src 'none'",
  "style-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-scripts',
].join('; ');

export const SANDBOX_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Its requests come from an opaque origin: same-origin would refuse its own script.
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Content-Security-Policy': SANDBOX_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The headers for a response to `path` (a URL pathname). */
export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  return path.startsWith(SANDBOX_PATH_PREFIX) ? SANDBOX_HEADERS : SECURITY_HEADERS;
}

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(ext: string): string {
  return MIME_TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}
