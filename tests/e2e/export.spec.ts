import { test, expect } from './fixtures';
import { ClassroomPage } from './pages/classroomPage';
import { countGifFrames, countWebmFrames } from '../../src/renderer/export/mediaFrames';

test.describe('export', () => {
  test('PNG of the frame is 2× the stage and not blank', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?seed=3&step=5');
    const stage = await app.stage.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    await app.openExportDialog();
    // The threads stage is cards and a strip, not one SVG: SVG export is off there.
    await expect(page.getByTestId('export.svg')).toBeDisabled();
    const { download, bytes } = await app.download(page.getByTestId('export.png'));
    expect(download.suggestedFilename()).toBe('threads-seed-3-step-5@2x.png');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: stage.width * 2, height: stage.height * 2 });
    // Decoded in the page: many distinct colours, not one flat background.
    const colours = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 7) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    }, bytes.toString('base64'));
    expect(colours).toBeGreaterThan(8);
  });

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
