/**
 * Share links: the whole scenario, deflate-raw compressed (CompressionStream) and base64url
 * encoded, in the hash — `#/s/<payload>` — so nothing is sent to a server and the link
 * restores the exact state, including code that does not fit in URL params.
 */
import { parseScenario, type Scenario, type ScenarioCheck, type SceneCatalog } from './format';

export const SHARE_PREFIX = '#/s/';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link holds characters that are not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A scenario is at most 1 MiB of JSON; a link's payload at most 1 MiB of text. */
export const SHARE_MAX_BYTES = 1 << 20;

/**
 * Inflates as a stream and stops at `max` bytes, before the rest is inflated: a small link can
 * stand for gigabytes (a deflate bomb), so the size is checked while reading, never after.
 */
export async function inflateBounded(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`it holds more than ${Math.round(max / 1024)} KiB of scenario; stopped before inflating the rest`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The hash part of a share link for this scenario. */
export async function encodeShareHash(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return SHARE_PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Decodes and validates a share hash; a damaged link gets a message, never a throw. */
export async function decodeShareHash(hash: string, catalog: SceneCatalog): Promise<ScenarioCheck> {
  let text: string;
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > SHARE_MAX_BYTES) {
    return { ok: false, message: `(link): the share link is too long (${payload.length} characters; at most ${SHARE_MAX_BYTES})` };
  }
  try {
    const bytes = await inflateBounded(fromBase64Url(payload), SHARE_MAX_BYTES);
    text = new TextDecoder().decode(bytes);
  } catch (error) {
    return { ok: false, message: `(link): the share link is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  const check = parseScenario(text, catalog);
  return check.ok ? check : { ok: false, message: check.message.replace('(file)', '(link)') };
}
