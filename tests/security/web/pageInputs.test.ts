/**
 * Page inputs have bounds checked before the work: a share link inflates as a stream and stops
 * at 1 MiB (a deflate bomb of a link froze Chromium at 5.3 GB before); a malformed hash is a
 * notice, never a URIError that blanks the app.
 */
import { describe, expect, it } from 'vitest';
import { decodeShareHash, inflateBounded, SHARE_PREFIX } from '../../../src/renderer/scenario/shareLink';
import { parseHash } from '../../../src/renderer/routing/url';

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  it('stop inflating at 1 MiB: a small link that stands for 64 MiB is refused with a message', async () => {
    // 64 MiB of spaces deflate to ~64 KiB: the link is small, its content is not.
    const bomb = await deflate(new Uint8Array(64 << 20).fill(0x20));
    expect(bomb.length).toBeLessThan(1 << 20);
    const check = await decodeShareHash(SHARE_PREFIX + toBase64Url(bomb), { scenes: [] } as never);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(/more than 1024 KiB.*stopped before inflating the rest/);
  });

  it('inflate as a stream: no more than the bound (plus one chunk) is ever held', async () => {
    const bytes = await deflate(new Uint8Array(8 << 20).fill(0x61));
    await expect(inflateBounded(bytes, 1 << 20)).rejects.toThrow(/stopped before inflating the rest/);
    const small = await inflateBounded(await deflate(new TextEncoder().encode('{"a":1}')), 1 << 20);
    expect(new TextDecoder().decode(small)).toBe('{"a":1}');
  });

  it('refuse a payload over 1 MiB of text before decoding it', async () => {
    const check = await decodeShareHash(SHARE_PREFIX + 'A'.repeat((1 << 20) + 1), { scenes: [] } as never);
    expect(check.ok ? '' : check.message).toMatch(/too long/);
  });
});

describe('hashes', () => {
  it('a malformed percent-encoding is kept as text (the app shows its notice), never a URIError', () => {
    expect(parseHash('#/%E0%A4%A')).toEqual({ sceneId: '%E0%A4%A', query: {} });
    expect(parseHash('#/%')).toEqual({ sceneId: '%', query: {} });
  });
});

