/**
 * Screenshots of every scene for a person to look at: `npx tsx scripts/screenshots.ts [route …]`.
 * Needs a build (`npm run build`). Starts browser mode on a free port, opens each route in
 * Debian's Chromium at 1920×1080, 1280×720 and 1024×768, normal and in presentation mode, and
 * writes PNGs under screenshots/ (ignored by git). With `--play`, each also after 1 s and 10 s
 * of Play (animation on), to see that something moves at once and where the story is later.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startHost } from '../tests/e2e/host';

const DEFAULT_ROUTES = ['latency-ladder', 'memory-hierarchy', 'threads', 'parallel', 'stacks', 'simd', 'event-loop', 'event-loop?view=c10k'];
const SIZES = [
  { width: 1920, height: 1080, present: false },
  { width: 1920, height: 1080, present: true },
  { width: 1280, height: 720, present: false },
  { width: 1280, height: 720, present: true },
  { width: 1024, height: 768, present: false },
  { width: 1024, height: 768, present: true },
];
/** Wall seconds of Play after which `--play` takes its extra screenshots. */
const PLAY_MARKS = [1, 10];
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function main(): Promise<void> {
  const play = process.argv.includes('--play');
  const named = process.argv.slice(2).filter((a) => a !== '--play');
  const routes = named.length > 0 ? named : DEFAULT_ROUTES;
  mkdirSync('screenshots', { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    for (const route of routes) {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.addInitScript(() => localStorage.setItem('nanoscope.motion', 'on'));
        await page.goto(`${host.url}#/${route}`);
        await page.waitForSelector('[data-testid="stage"]', { timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(800);
        if (size.present) {
          await page.keyboard.press('f');
          await page.waitForTimeout(500);
        }
        const base = `screenshots/${route.replace(/[^a-z0-9-]+/gi, '_')}-${size.width}x${size.height}${size.present ? '-present' : ''}`;
        await page.screenshot({ path: `${base}.png` });
        process.stdout.write(`${base}.png\n`);
        if (play) {
          await page.getByTestId('controls.play').click();
          let waited = 0;
          for (const mark of PLAY_MARKS) {
            await page.waitForTimeout((mark - waited) * 1000);
            waited = mark;
            await page.screenshot({ path: `${base}-play${mark}s.png` });
            process.stdout.write(`${base}-play${mark}s.png\n`);
          }
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
