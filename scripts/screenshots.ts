/**
 * Screenshots of every scene for a person to look at: `npx tsx scripts/screenshots.ts [route …]`.
 * Needs a build (`npm run build`). Starts browser mode on a free port, opens each route in
 * Debian's Chromium at 1920×1080 and 1280×720 (and in presentation mode at 1280×720 and
 * 1024×768), and writes PNGs under screenshots/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startHost } from '../tests/e2e/host';

const DEFAULT_ROUTES = ['latency-ladder', 'memory-hierarchy', 'threads', 'parallel', 'stacks'];
const SIZES = [
  { width: 1920, height: 1080, present: false },
  { width: 1280, height: 720, present: false },
  { width: 1280, height: 720, present: true },
  { width: 1024, height: 768, present: true },
];
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function main(): Promise<void> {
  const routes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_ROUTES;
  mkdirSync('screenshots', { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    for (const route of routes) {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(`${host.url}#/${route}`);
        await page.waitForSelector('[data-testid="stage"]', { timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(800);
        if (size.present) {
          await page.keyboard.press('f');
          await page.waitForTimeout(500);
        }
        const name = `screenshots/${route.replace(/[^a-z0-9-]+/gi, '_')}-${size.width}x${size.height}${size.present ? '-present' : ''}.png`;
        await page.screenshot({ path: name });
        process.stdout.write(`${name}\n`);
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
