import { test, expect } from './fixtures';
import { overlaps, ParallelPage } from './pages/parallelPage';

const CPU_4x4 = 'preset=cpu-bound&workers=4&cores=4';

test.describe('processes in parallel', () => {
  test('the GIL: one core computes at a time; without it, four; the headline follows', async ({ page }) => {
    const parallel = new ParallelPage(page);
    await parallel.openScene(`${CPU_4x4}&style=gil`);
    await expect(parallel.stageRoot).toHaveAttribute('data-style', 'gil');
    await parallel.toEnd();
    const gil = await parallel.cpuSegments();
    expect(gil.length).toBeGreaterThan(4);
    // Under the GIL at most one thread runs bytecode at any instant: no two cores overlap.
    expect(overlaps(gil)).toBe(0);
    await expect(page.getByTestId('parallel.gil')).toBeVisible();
    // 16 × 20 ms of work on one core at a time: about as slow as one thread.
    const gilSpeedup = Number(await page.getByTestId('parallel.headline.speedup').getAttribute('data-speedup'));
    expect(gilSpeedup).toBeGreaterThan(0.8);
    expect(gilSpeedup).toBeLessThan(1.1);

    // Toggle the GIL off: the same threads now run on all four cores at once.
    await page.getByTestId('parallel.param.style').selectOption('threads');
    await expect(parallel.stageRoot).toHaveAttribute('data-style', 'threads');
    expect(parallel.hashParam('style')).toBe('threads');
    await expect(page.getByTestId('parallel.gil')).toHaveCount(0);
    await parallel.toEnd();
    const free = await parallel.cpuSegments();
    expect(new Set(free.map((s) => s.core))).toEqual(new Set([0, 1, 2, 3]));
    expect(overlaps(free)).toBeGreaterThan(0);
    const speedup = Number(await page.getByTestId('parallel.headline.speedup').getAttribute('data-speedup'));
    expect(speedup).toBeGreaterThan(3);
    expect(speedup).toBeLessThanOrEqual(4);

    // And back: the lanes are the GIL's again.
    await page.getByTestId('parallel.param.style').selectOption('gil');
    await parallel.toEnd();
    expect(overlaps(await parallel.cpuSegments())).toBe(0);
  });

  test('mid-run under the GIL at most one core is busy; step back is exact', async ({ page }) => {
    const parallel = new ParallelPage(page);
    await parallel.openScene(`${CPU_4x4}&style=gil&step=20`);
    await expect(parallel.stageRoot).toHaveAttribute('data-step', '20');
    for (let i = 0; i < 5; i++) {
      expect(Number(await parallel.stageRoot.getAttribute('data-running-cores'))).toBeLessThanOrEqual(1);
      await parallel.stepForwardButton.click();
      await expect(parallel.stageRoot).toHaveAttribute('data-step', String(21 + i));
    }
    const before = await parallel.snapshot();
    await parallel.stepForwardButton.click();
    await expect(parallel.stageRoot).toHaveAttribute('data-step', '26');
    expect(await parallel.snapshot()).not.toBe(before);
    await parallel.stepBackButton.click();
    await expect(parallel.stageRoot).toHaveAttribute('data-step', '25');
    await parallel.waitIdle();
    expect(await parallel.snapshot()).toBe(before);
  });

  test('measures the real speedup, plots it on the Amdahl curve, and cancels a long run', async ({ page }) => {
    const parallel = new ParallelPage(page);
    await parallel.openScene(`${CPU_4x4}&style=threads`);
    await parallel.openPanel('Real run');
    await page.getByTestId('parallel.real.max-workers').selectOption('2');
    await page.getByTestId('parallel.real.repeat').selectOption('1');
    await page.getByTestId('parallel.real.run').click();
    await expect(page.getByTestId('parallel.real.point.2')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('parallel.real.point.1')).toHaveAttribute('data-speedup', '1.000');
    // A path, not visibility: on a busy machine the fit may be s = 1, a flat line with no height.
    await expect(page.getByTestId('parallel.real.chart.amdahl')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){63}$/);
    await expect(page.getByTestId('parallel.real.table').locator('tbody tr')).toHaveCount(2);
    const serial = Number(await page.getByTestId('parallel.real.serial').textContent());
    expect(serial).toBeGreaterThanOrEqual(0);
    expect(serial).toBeLessThanOrEqual(1);
    await expect(page.getByTestId('parallel.real.io').locator('.io-bar')).toHaveCount(6);
    await expect(page.getByTestId('parallel.real.spawn')).toContainText('ms');
    await expect(page.getByTestId('parallel.real.worker-start')).toContainText('ms');
    await expect(page.getByTestId('parallel.real.stamp')).toContainText('cores');

    await page.getByTestId('parallel.real.max-workers').selectOption('16');
    await page.getByTestId('parallel.real.repeat').selectOption('10');
    await page.getByTestId('parallel.real.run').click();
    await expect(page.getByTestId('parallel.real.progress')).toBeVisible();
    await page.getByTestId('parallel.real.cancel').click();
    await expect(page.getByTestId('parallel.real.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByTestId('parallel.real.run')).toBeVisible();
  });
});
