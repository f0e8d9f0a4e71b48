import { test, expect } from './fixtures';

test.describe('app shell', () => {
  test('loads in browser mode, talks to the host and opens the first scene', async ({ ladder, page }) => {
    await ladder.open('#/');
    await expect(page).toHaveURL(/#\/latency-ladder/);
    await expect(page.getByTestId('app.mode')).toHaveText('browser mode');
    await expect(ladder.svg).toBeVisible();
  });

  test('an unknown route shows "no such scene" with the list, and the sidebar opens a scene', async ({ ladder, page }) => {
    await ladder.open('#/no-such-thing');
    await expect(page.getByTestId('scene.not-found')).toContainText('No such scene: “no-such-thing”');
    await expect(page.getByTestId('scene.not-found').getByRole('link', { name: 'Latency Ladder' })).toBeVisible();
    await ladder.sidebar.getByRole('link', { name: /Latency Ladder/ }).click();
    await expect(ladder.svg).toBeVisible();
    await expect(page).toHaveURL(/#\/latency-ladder\?/);
    await expect(ladder.sidebar.getByRole('link', { name: /Latency Ladder/ })).toHaveAttribute('aria-current', 'page');
  });

  test('an invalid URL state falls back to defaults and names what was ignored', async ({ ladder, page }) => {
    await ladder.openScene('preset=1999&jitter=9&seed=-3&t=soon');
    const notice = page.getByTestId('notices.ignored');
    await expect(notice).toContainText('seed must be a whole number');
    await expect(notice).toContainText('jitter');
    await expect(notice).toContainText('preset');
    await expect(notice).toContainText('t must be a time');
    await expect(ladder.preset).toHaveValue('2012');
    expect(ladder.hashParam('seed')).toBe('1');
  });

  test('? opens the shortcut help and Esc closes it', async ({ ladder, page }) => {
    await ladder.openScene();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Presentation mode');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('typing in a field does not trigger shortcuts; a bad seed is explained', async ({ ladder, page }) => {
    await ladder.openScene();
    await ladder.seed.click();
    await ladder.seed.fill('');
    await page.keyboard.type('f ?x');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(ladder.play).toHaveAttribute('aria-pressed', 'false');
    expect(await ladder.eventIndex()).toBe(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('controls.seed-error')).toContainText('The seed must be a whole number');
    await ladder.seed.fill('42');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('controls.seed-error')).toHaveCount(0);
    await expect.poll(() => ladder.hashParam('seed')).toBe('42');
  });

  test('presentation mode: F enters, text ≥ 24 px at 1280×720 and at 1024×768, Esc leaves', async ({ ladder, page }) => {
    await ladder.openScene();
    const normal = await ladder.bodyFontPx();
    await page.keyboard.press('f');
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(ladder.sidebar).toBeHidden();
    expect(await ladder.bodyFontPx()).toBeGreaterThanOrEqual(24);
    // The smallest rung label is body text on the stage.
    const labelPx = await page.locator('.rung-label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(labelPx).toBeGreaterThanOrEqual(24);
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await ladder.bodyFontPx()).toBeGreaterThanOrEqual(24);
    await expect(ladder.play).toBeInViewport();
    await expect(ladder.rung('intercontinental-rtt')).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect(ladder.sidebar).toBeVisible();
    expect(await ladder.bodyFontPx()).toBe(normal);
  });

  test('theme toggles and is kept across a reload', async ({ ladder, page }) => {
    await ladder.openScene();
    const before = await page.locator('html').getAttribute('data-theme');
    await page.getByTestId('settings.theme').click();
    const after = before === 'dark' ? 'light' : 'dark';
    await expect(page.locator('html')).toHaveAttribute('data-theme', after);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', after);
  });
});
