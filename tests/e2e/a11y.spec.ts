import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ClassroomPage } from './pages/classroomPage';
import { SCENE_IDS } from '../../src/sim/manifests';

// Every scene the registry has, so a new scene is checked without touching this file.
const SCENES = [...SCENE_IDS];

test.describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const scene of SCENES) {
      test(`axe: no serious or critical violation on ${scene} (${theme})`, async ({ page }) => {
        await page.addInitScript((t) => localStorage.setItem('nanoscope.theme', t), theme);
        const app = new ClassroomPage(page);
        await app.openRoute(`#/${scene}`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // A few steps in, so the stage shows more than its first frame; the lesson strip open too.
        await app.stepForwardButton.click();
        await app.stepForwardButton.click();
        await page.getByTestId('settings.lesson').click();
        await expect(app.lesson).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n  ')}`);
        expect(bad, bad.join('\n')).toEqual([]);
      });
    }
  }

  test('axe: the File and Export dialogs and presentation mode with the pen', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads');
    const check = async (what: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad, bad.join('\n')).toEqual([]);
    };
    await app.openFileDialog();
    await page.getByTestId('file.share').click();
    await expect(page.getByTestId('file.share-link')).toBeVisible();
    await check('file dialog');
    await page.keyboard.press('Escape');
    await app.openExportDialog();
    await check('export dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await page.keyboard.press('p');
    await check('presentation');
  });

  test('prefers-reduced-motion makes animation off the default', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#/threads');
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'off');
    await expect(page.getByTestId('settings.motion')).toHaveText('Animation: off');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'on');
  });

  test('every step is narrated in a live region', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?scheduler=round-robin');
    await expect(app.narration).toHaveAttribute('aria-live', 'polite');
    await app.stepForwardButton.click();
    await expect(app.narration).toContainText('Event 1 of');
    await expect(app.narration).toHaveText("Event 1 of 24, t = 0 ns. Thread 0 ran load r0, [counter]; counter = 0; 0 updates lost so far.");
    const first = await app.narration.textContent();
    await app.stepForwardButton.click();
    await expect(app.narration).toContainText('Event 2 of');
    expect(await app.narration.textContent()).not.toBe(first);
  });

  test('the header, dialogs and lesson controls are reachable by Tab with a visible focus ring', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/parallel');
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { id: el.dataset.testid ?? el.tagName, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!focused) continue;
      expect(focused.ring, `${focused.id} has no visible focus ring`).toBe(true);
      reached.add(focused.id);
    }
    for (const id of ['settings.file', 'settings.export', 'settings.lesson', 'controls.play']) expect([...reached]).toContain(id);
    await page.keyboard.press('o');
    await expect(app.fileDialog).toBeVisible();
    await expect(page.getByTestId('file.save')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(app.fileDialog).toBeHidden();
  });
});
