import { test, expect } from './fixtures';
import { ClassroomPage } from './pages/classroomPage';
import { countGifFrames, countWebmFrames } from '../../src/renderer/export/mediaFrames';

test.describe('export', () => {
  for (const route of ['#/threads?seed=3&step=5', '#/latency-ladder?preset=2020&step=6']) {
    test(`PNG of the frame is 2× the stage and looks like it (${route})`, async ({ page }) => {
      const app = new ClassroomPage(page);
      await app.openRoute(route);
      const stage = await app.stage.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
      // What the screen shows, before the dialog covers it.
      const onScreen = await app.stage.screenshot();
      await app.openExportDialog();
      if (route.includes('threads')) await expect(page.getByTestId('export.svg')).toBeDisabled(); // cards and a strip, not one SVG
      const { download, bytes } = await app.download(page.getByTestId('export.png'));
      const scene = route.slice(2, route.indexOf('?'));
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${scene}-seed-\\d+-step-\\d+@2x\\.png$`));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: stage.width * 2, height: stage.height * 2 });
      // Decoded in the page and scaled to the stage: many colours, and close to the screenshot pixel for pixel.
      const { colours, meanDiff } = await page.evaluate(
        async ([exported, screen]) => {
          const decode = (b64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
          const [a, b] = await Promise.all([decode(exported), decode(screen)]);
          const pixels = (bitmap: ImageBitmap) => {
            const canvas = new OffscreenCanvas(b.width, b.height);
            const context = canvas.getContext('2d')!;
            context.drawImage(bitmap, 0, 0, b.width, b.height);
            return context.getImageData(0, 0, b.width, b.height).data;
          };
          const pa = pixels(a);
          const pb = pixels(b);
          const seen = new Set<number>();
          let diff = 0;
          for (let i = 0; i < pa.length; i += 4) {
            seen.add((pa[i]! << 16) | (pa[i + 1]! << 8) | pa[i + 2]!);
            diff += Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!);
          }
          return { colours: seen.size, meanDiff: diff / (3 * (pa.length / 4)) };
        },
        [bytes.toString('base64'), onScreen.toString('base64')] as const,
      );
      expect(colours).toBeGreaterThan(8);
      expect(meanDiff).toBeLessThan(8);
    });
  }

  test('SVG of an SVG stage is a standalone document; CSV has a row per step', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/latency-ladder?preset=2020');
    await app.openExportDialog();
    const svg = await app.download(page.getByTestId('export.svg'));
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('L1 cache');
    const csv = await app.download(page.getByTestId('export.csv'));
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^step,t_ns,rung,elapsed_ns,records_/);
    expect(lines.at(-1)).toMatch(/,done,/);
    expect(lines.length - 1).toBe((await app.eventCount()) + 1);
  });

  test('animated GIF between two steps has one frame per step', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?seed=2&step=1');
    await app.openExportDialog();
    await page.getByTestId('export.from').fill('2');
    await page.getByTestId('export.to').fill('6');
    const { download, bytes } = await app.download(page.getByTestId('export.gif'));
    expect(download.suggestedFilename()).toBe('threads-seed-2-steps-2-6.gif');
    const gif = countGifFrames(new Uint8Array(bytes));
    expect(gif.frames).toBe(5);
    expect(gif.width).toBe(await app.stage.evaluate((el) => el.clientWidth));
    await expect(page.getByTestId('export.message')).toHaveText('Exported threads-seed-2-steps-2-6.gif (5 frames).');
    // The playhead is back where it was.
    expect(await app.eventIndex()).toBe(1);
  });

  test('deterministic: the same scenario exported twice gives the same GIF, byte for byte', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/parallel?seed=4&step=3');
    await app.openExportDialog();
    await page.getByTestId('export.from').fill('3');
    await page.getByTestId('export.to').fill('6');
    const first = await app.download(page.getByTestId('export.gif'));
    await expect(page.getByTestId('export.message')).toContainText('(4 frames)');
    await page.getByTestId('export.close').click();
    // Move elsewhere in between: the export must not depend on where the playhead was.
    await page.keyboard.press('End');
    await app.openExportDialog();
    await page.getByTestId('export.from').fill('3');
    await page.getByTestId('export.to').fill('6');
    const second = await app.download(page.getByTestId('export.gif'));
    expect(countGifFrames(new Uint8Array(second.bytes)).frames).toBe(4);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  test('WebM: one frame per step where a VP8/VP9 encoder exists, else a clear message', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?seed=2');
    const supported = await page.evaluate(async () => {
      if (typeof VideoEncoder === 'undefined') return false;
      for (const codec of ['vp09.00.10.08', 'vp8']) if ((await VideoEncoder.isConfigSupported({ codec, width: 640, height: 360 })).supported) return true;
      return false;
    });
    await app.openExportDialog();
    await page.getByTestId('export.from').fill('0');
    await page.getByTestId('export.to').fill('3');
    if (supported) {
      const { bytes } = await app.download(page.getByTestId('export.webm'));
      expect(countWebmFrames(new Uint8Array(bytes))).toBe(4);
    } else {
      await page.getByTestId('export.webm').click();
      await expect(page.getByTestId('export.message')).toContainText('cannot be encoded here. Export a GIF instead.');
    }
  });

  test('a long animation export shows progress and can be cancelled', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/memory-hierarchy?rows=16&cols=16');
    await app.openExportDialog();
    await page.getByTestId('export.from').fill('0');
    await page.getByTestId('export.to').fill('400');
    await page.getByTestId('export.gif').click();
    await expect(page.getByTestId('export.progress')).toContainText('of 401');
    await page.getByTestId('export.cancel').click();
    await expect(page.getByTestId('export.message')).toHaveText('GIF export cancelled.');
    await expect(page.getByTestId('export.progress')).toBeHidden();
  });
});
