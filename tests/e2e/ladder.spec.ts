import { test, expect } from './fixtures';

test.describe('Latency Ladder', () => {
  test('opens by URL in an exact state', async ({ ladder }) => {
    await ladder.openScene('preset=2020&route=memory&seed=7');
    await expect(ladder.preset).toHaveValue('2020');
    await expect(ladder.route).toHaveValue('memory');
    await expect(ladder.seed).toHaveValue('7');
    await expect(ladder.rung('l1')).toContainText('1 ns');
    await expect(ladder.rung('ram')).toHaveAttribute('data-state', 'pending');
    await expect(ladder.rung('disk-seek')).toHaveAttribute('data-state', 'off-route');
  });

  test('the human-scale column is computed from the table (2012: L1 = 1 s)', async ({ ladder, page }) => {
    await ladder.openScene('preset=2012');
    await expect(page.getByTestId('ladder.human.l1')).toHaveText('1 second');
    await expect(page.getByTestId('ladder.human.ram')).toHaveText('3.3 minutes');
    await expect(page.getByTestId('ladder.human.ssd-random-4k')).toHaveText('3.5 days');
    await expect(page.getByTestId('ladder.human.intercontinental-rtt')).toHaveText('9.5 years');
    // The 2012 table has no L3 figure: shown as such, never invented.
    await expect(ladder.rung('l3')).toHaveAttribute('data-state', 'missing');
    await expect(ladder.rung('l3')).toContainText('not in this table');
  });

  test('step forward and back: the stage changes and returns exactly', async ({ ladder, page }) => {
    await ladder.openScene('route=memory');
    const start = await ladder.snapshot();
    await ladder.stepForwardButton.click();
    await expect.poll(() => ladder.eventIndex()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => ladder.eventIndex()).toBe(3);
    const three = await ladder.snapshot();
    expect(three).not.toBe(start);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => ladder.eventIndex()).toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => ladder.eventIndex()).toBe(3);
    await expect.poll(() => ladder.snapshot()).toBe(three);
    await ladder.stepBackButton.click();
    await ladder.stepBackButton.click();
    await ladder.stepBackButton.click();
    await expect.poll(() => ladder.eventIndex()).toBe(0);
    await expect.poll(() => ladder.snapshot()).toBe(start);
  });

  test('play runs the request down the ladder; pause stops it; Home restarts', async ({ ladder, page }) => {
    await ladder.openScene('route=memory');
    const total = await ladder.eventCount();
    await ladder.play.click();
    await expect(ladder.play).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => ladder.eventIndex()).toBeGreaterThan(1);
    await ladder.play.click();
    await expect(ladder.play).toHaveAttribute('aria-pressed', 'false');
    const paused = await ladder.eventIndex();
    await page.waitForTimeout(900); // two instant-step intervals: nothing may move while paused
    expect(await ladder.eventIndex()).toBe(paused);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => ladder.eventIndex()).toBe(Math.min(total, paused + 10));
    await expect(ladder.status).toContainText('Done');
    await page.keyboard.press('Home');
    await expect.poll(() => ladder.eventIndex()).toBe(0);
  });

  test('smooth playback on a logarithmic axis reaches the end', async ({ ladder }) => {
    await ladder.openScene('route=memory', { motion: true });
    await expect(ladder.speedLabel).toContainText('Logarithmic: each ×10');
    for (let i = 0; i < 3; i++) await ladder.page.getByRole('button', { name: 'Faster' }).click();
    await ladder.play.click();
    await expect(ladder.status).toContainText('Done', { timeout: 20_000 });
    await expect(ladder.play).toHaveAttribute('aria-pressed', 'false');
  });

  test('changing the preset updates the rungs and the URL; the position survives a reload', async ({ ladder, page }) => {
    await ladder.openScene();
    await expect(ladder.rung('l1')).toContainText('0.5 ns');
    await ladder.preset.selectOption('2020');
    await expect(ladder.rung('l1')).toContainText('1 ns');
    await expect.poll(() => ladder.hashParam('preset')).toBe('2020');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => ladder.eventIndex()).toBe(2);
    await expect.poll(() => Number(ladder.hashParam('t'))).toBeGreaterThan(0);
    const frame = await ladder.snapshot();
    await page.reload();
    await ladder.waitIdle();
    await expect.poll(() => ladder.eventIndex()).toBe(2);
    await expect(ladder.preset).toHaveValue('2020');
    await expect.poll(() => ladder.snapshot()).toBe(frame);
  });

  test('speed is a dilation in words, fitted to the run, and +/− double or halve it', async ({ ladder, page }) => {
    await ladder.openScene('scale=linear');
    await expect(ladder.speedLabel).toHaveText(/^[\d.]+ [nµm]?s of machine time = 1 s on screen · whole run (1[5-9]|2\d|30) s$/);
    const whole = async () => Number(/whole run ([\d.]+) s/.exec((await ladder.speedLabel.textContent()) ?? '')?.[1]);
    const fitted = await whole();
    // The label rounds to two digits (19 s, 9.7 s, 39 s): the ratio holds within 6 %.
    const near = (target: number) => async () => Math.abs((await whole()) / fitted / target - 1) < 0.06;
    await page.keyboard.press('+');
    await expect.poll(near(0.5)).toBe(true);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(near(2)).toBe(true);
  });
});
