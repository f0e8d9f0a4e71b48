/**
 * Maps a URL path onto a file of the built renderer, for both hosts. Anything that would
 * leave the renderer directory is refused; an unknown path without a file extension is a
 * client-side route and gets index.html.
 */
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { mimeType } from './securityHeaders';

export type StaticLookup =
  | { readonly status: 200; readonly file: string; readonly contentType: string }
  | { readonly status: 400 | 403 | 404; readonly reason: string };

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function lookupStatic(rendererDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, reason: 'malformed URL encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((seg) => seg === '..')) {
    return { status: 403, reason: 'path traversal refused' };
  }
  const root = resolve(rendererDir);
  const target = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (target !== root && !target.startsWith(root + sep)) return { status: 403, reason: 'path traversal refused' };
  if (target !== root && (await isFile(target))) return { status: 200, file: target, contentType: mimeType(extname(target)) };
  const index = resolve(root, 'index.html');
  if (extname(decoded) === '' || decoded.endsWith('/')) {
    if (await isFile(index)) return { status: 200, file: index, contentType: mimeType('.html') };
    return { status: 404, reason: `the renderer is not built (no ${index}); run npm run build` };
  }
  return { status: 404, reason: `no file ${decoded}` };
}
