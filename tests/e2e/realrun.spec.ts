import { test, expect } from './fixtures';

test.describe('real run', () => {
  test('measures this machine with a small working set and draws the curve', async ({ ladder, page }) => {
    await ladder.openScene();
    await ladder.openPanel('Real run');
    await page.getByTestId('realrun.max-bytes').selectOption({ label: '1 MiB' });
    await page.getByRole('button', { name: 'Measure this machine' }).click();
    await expect(page.getByTestId('app')).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByTestId('realrun.measured')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){8}$/, { timeout: 60_000 });
    await expect(page.getByTestId('realrun.stamp')).toContainText('cores');
    await expect(page.getByTestId('realrun.level.L1')).toBeVisible();
    await expect(page.getByTestId('app')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(page.getByTestId('realrun.mutex')).toContainText('ns');
    // Every real run says how far its figure can be trusted: the spread of its repeats and the load.
    await expect(page.getByTestId('realrun.reliability.spread')).toContainText(/Spread of 3 repeats \(ns per load at 1 MiB\): [\d.]+ – [\d.]+ – [\d.]+ ns/);
    await expect(page.getByTestId('realrun.reliability.load')).toContainText(/Machine load [\d.]+ before, [\d.]+ after, on \d+ cores?/);
    await page.getByRole('button', { name: 'Show on the ladder' }).click();
    await ladder.openPanel('Inspector');
    await expect(ladder.preset).toHaveValue('this-machine');
    await expect(ladder.rung('l1')).not.toHaveAttribute('data-state', 'missing');
    await expect(ladder.rung('intercontinental-rtt')).toContainText('not measured');
  });

  test('a running measurement can be cancelled and leaves nothing running', async ({ ladder, page, request }) => {
    await ladder.openScene();
    await ladder.openPanel('Real run');
    await page.getByTestId('realrun.max-bytes').selectOption({ label: '1 GiB' });
    await page.getByRole('button', { name: 'Measure this machine' }).click();
    await expect(page.getByTestId('realrun.progress')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('realrun.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByRole('button', { name: 'Measure this machine' })).toBeVisible();
    // The host is free again: a new (invalid) request is judged on its arguments, not refused as busy.
    const response = await request.post('/api/startMeasurement', { data: { args: [{ kind: 'memory-latency', params: { maxBytes: 12 } }] } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toContain('maxBytes');
  });
});
