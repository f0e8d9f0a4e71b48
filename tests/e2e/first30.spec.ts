/**
 * The first 30 seconds (issue 17): Play moves at once on every scene and view, the keyboard
 * works after a navigation, the event loop never shows results of older code, the threads
 * default loses updates, controls do not overlap at 1280×720, exports cover the whole run.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { EventLoopPage } from './pages/eventLoopPage';
import { ThreadsPage } from './pages/threadsPage';

/** Every route a newcomer can reach: each scene of the sidebar (the registry), and C10k. */
async function routes(page: Page): Promise<string[]> {
  const app = new AppPage(page);
  await app.open('#/');
  const ids = await page.locator('[data-testid^="nav.scene."]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')!.slice('nav.scene.'.length)));
  expect(ids.length).toBeGreaterThanOrEqual(7);
  return [...ids.map((id) => `#/${id}`), '#/event-loop?view=c10k'];
}

/**
 * Clicks Play inside the page and resolves with the wall milliseconds until both the event
 * counter and something on the stage changed (or null after 3 s).
 */
function msUntilMotion(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const readout = document.querySelector('[data-testid="timeline.readout"]')!;
        const stage = document.querySelector('[data-testid="stage"]')!;
        const eventOf = () => Number(/event (\d+)/.exec(readout.textContent ?? '')?.[1] ?? NaN);
        const startEvent = eventOf();
        let stageMoved = false;
        const start = performance.now();
        const check = () => {
          if (stageMoved && eventOf() !== startEvent) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        };
        const observer = new MutationObserver((records) => {
          if (records.some((r) => stage.contains(r.target))) stageMoved = true;
          check();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 3000);
        (document.querySelector('[data-testid="controls.play"]') as HTMLButtonElement).click();
      }),
  );
}

test.describe('the first 30 seconds', () => {
  test('Play moves the stage and the event counter within 1 s, on every scene and view; the run is paced to 15–30 s', async ({ page }) => {
    for (const route of await routes(page)) {
      const app = new AppPage(page);
      await app.open(route, { motion: true });
      await expect(app.stage).toBeVisible();
      await app.waitIdle();
      const whole = Number(/whole run ([\d.]+) s/.exec((await app.speedLabel.textContent()) ?? '')?.[1]);
      expect({ route, whole }).toEqual({ route, whole: expect.any(Number) });
      expect(whole, route).toBeGreaterThanOrEqual(route.includes('latency') ? 10 : 5);
      expect(whole, route).toBeLessThanOrEqual(30);
      const ms = await msUntilMotion(page);
      expect({ route, moved: ms !== null && ms < 1000 }).toEqual({ route, moved: true });
      await page.getByTestId('controls.play').click();
    }
  });

  test('after a click on a scene in the sidebar, Space plays and the arrows step (focus is on the stage)', async ({ page }) => {
    const app = new AppPage(page);
    await app.open('#/latency-ladder');
    await app.waitIdle();
    await app.sidebar.getByTestId('nav.scene.threads').click();
    await expect(page.getByTestId('threads.stage')).toBeVisible();
    await app.waitIdle();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stage');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => app.eventIndex()).toBe(1);
    await page.keyboard.press(' ');
    await expect(app.play).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(' ');
    await expect(app.play).toHaveAttribute('aria-pressed', 'false');
  });

  test('a skip link comes before every other control and lands on the stage', async ({ page }) => {
    const app = new AppPage(page);
    await app.open('#/parallel');
    await app.waitIdle();
    // Before the header's first control, nothing but the skip link.
    await page.getByTestId('settings.file').focus();
    await page.keyboard.press('Shift+Tab');
    const skip = page.getByTestId('nav.skip');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(app.stage).toBeFocused();
    expect(new URL(page.url()).hash).toMatch(/^#\/parallel/);
  });

  test('the threads default loses updates by the end of its run', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene();
    await page.keyboard.press('End');
    await expect(threads.schedule).toContainText('Finished');
    const lost = Number((await threads.lost.locator('strong').textContent()) ?? 'NaN');
    expect(lost).toBeGreaterThan(0);
    await expect(threads.counter).not.toHaveText('0');
    // At the end no thread can run: the goal offers no keys for disabled buttons.
    await expect(page.getByTestId('threads.advance.0')).toBeDisabled();
    await expect(threads.goal).not.toContainText('keys 0');
  });

  test('event loop: an edit greys older results at once; Run runs the editor’s text; the Preset list lets go of the preset', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await el.openPanel('Real run');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveText('The model predicted all 4 lines exactly.', { timeout: 20_000 });
    await expect(el.stageRoot).toHaveAttribute('data-stale', 'false');

    // Typing marks everything computed from the old code out of date before the model reruns.
    await el.editor.fill("console.log('edited');\n");
    await expect(el.stageRoot).toHaveAttribute('data-stale', 'true', { timeout: 300 });
    await expect(page.getByTestId('eventloop.outdated').first()).toBeVisible();
    await expect(page.getByTestId('eventloop.real.result')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('eventloop.preset')).toHaveValue('');
    // Then the new program's results replace them; the old real run does not belong to it.
    await expect(el.stageRoot).toHaveAttribute('data-stale', 'false');
    await expect(page.getByTestId('eventloop.real.empty')).toBeVisible();

    // Run right after typing (before the model has caught up) runs what the editor shows.
    await el.editor.fill("console.log('a\\nb');\nsetTimeout(() => console.log('late'), 1);\n");
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveText('The model predicted all 3 lines exactly.', { timeout: 20_000 });
    await expect(page.getByTestId('eventloop.real.row')).toHaveText(['1aa', '2bb', '3latelate']);

    // A program the model cannot run is never "predicted exactly".
    await el.typeProgram('console.log(');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toContainText('The model could not run this program', { timeout: 20_000 });
  });

  test('no two controls overlap at 1280×720, normal and in presentation mode', async ({ page }) => {
    for (const route of await routes(page)) {
      const app = new AppPage(page);
      await app.open(route);
      await expect(app.stage).toBeVisible();
      await app.waitIdle();
      for (const present of [false, true]) {
        if (present) await page.keyboard.press('f');
        const overlaps = await page.evaluate(() => {
          const boxes = [...document.querySelectorAll('button, select, input, textarea, [role="tab"], .speed-label, .readout')]
            // A file input hides under its label; the skip link shows only when focused.
            .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('.skip-link, .dialog') && (el as HTMLInputElement).type !== 'file')
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && r.height > 0);
          const name = (el: Element) => el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
          const out: string[] = [];
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!;
              const b = boxes[j]!;
              if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (w > 1 && h > 1) out.push(`${name(a.el)} × ${name(b.el)}`);
            }
          }
          // The timeline bar is below the stage, not over it; every control is inside the window.
          const timeline = document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
          const stage = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
          if (stage.bottom > timeline.top + 1) out.push('stage × timeline');
          // Off screen counts unless a scrolling box holds the control (a long panel scrolls to it).
          const scrolls = (el: Element): boolean => {
            for (let a = el.parentElement; a; a = a.parentElement) {
              const style = getComputedStyle(a);
              if (/(auto|scroll)/.test(style.overflowY + style.overflowX) && (a.scrollHeight > a.clientHeight || a.scrollWidth > a.clientWidth)) return true;
            }
            return false;
          };
          for (const { el, r } of boxes) if ((r.right > innerWidth + 1 || r.bottom > innerHeight + 1) && !scrolls(el)) out.push(`${name(el)} off screen`);
          return out;
        });
        expect({ route, present, overlaps }).toEqual({ route, present, overlaps: [] });
      }
    }
  });

  test('the narration reads the playhead’s time, not the last event’s', async ({ page }) => {
    const app = new AppPage(page);
    // The 2012 ladder's events fall at 0, 0.5, 5.5, 12.5 … ns; the playhead at 100 ns is between two.
    await app.open('#/latency-ladder?preset=2012&route=all&jitter=0&t=100');
    await app.waitIdle();
    await expect(page.getByTestId('narration')).toContainText('t = 100 ns.');
  });

  test('the animation export covers the whole run by default', async ({ page }) => {
    const app = new AppPage(page);
    await app.open('#/threads?step=5');
    await app.waitIdle();
    await page.getByTestId('settings.export').click();
    await expect(page.getByTestId('export.from')).toHaveValue('0');
    await expect(page.getByTestId('export.to')).toHaveValue(String(await app.eventCount()));
  });
});
