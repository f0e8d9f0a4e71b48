/**
 * Python panels end to end in browser mode: with Debian's /usr/bin/python3 (the race beside the
 * model, the GIL run, loop vs numpy vs pandas) and with no Python at all (NANOSCOPE_PYTHON at a
 * missing path): the panels say so and how to install it.
 */
import { existsSync } from 'node:fs';
import { expect } from '@playwright/test';
import { axeViolations, hostWith, openRealRun, SYSTEM } from './pythonHost';

const withPython = hostWith(SYSTEM);
withPython.describe('Python panels with /usr/bin/python3', () => {
  withPython.skip(!existsSync(SYSTEM), 'no /usr/bin/python3 on this machine');

  withPython('threads: the tutorial cell beside the model; the verdict matches the prediction', async ({ page }) => {
    await openRealRun(page, 'threads');
    await expect(page.getByTestId('threads.python.select')).toContainText('CPython 3.');
    await page.getByTestId('threads.python.iterations').selectOption('100000');
    const prediction = await page.getByTestId('threads.python.seed.prediction').innerText();
    await page.getByTestId('threads.python.seed.run').click();
    const verdict = page.getByTestId('threads.python.seed.verdict');
    await expect(verdict).toBeVisible({ timeout: 60_000 });
    if (prediction.includes('no update lost')) await expect(verdict).toHaveText('Every run ended at 0, as the model predicts.');
    await expect(page.getByTestId('threads.python.seed.real')).toContainText('2 threads × 100,000');    expect(await axeViolations(page, '[data-testid="threads.python"]')).toEqual([]);
  });

  withPython('parallel: single, threads and processes rows with speed-ups beside the model', async ({ page }) => {
    await openRealRun(page, 'parallel');
    await page.getByTestId('parallel.python.run').click();
    await expect(page.getByTestId('parallel.python.table')).toBeVisible({ timeout: 90_000 });
    for (const style of ['single', 'threads', 'processes']) await expect(page.getByTestId(`parallel.python.row.${style}`)).toBeVisible();
    await expect(page.getByTestId('parallel.python.io.speedup')).toHaveText(/^×\d+\.\d\d$/);
  });

  withPython('cancel stops a Python run (its process group is killed) and says so', async ({ page }) => {
    await openRealRun(page, 'parallel');
    await page.getByTestId('parallel.python.run').click();
    await expect(page.getByTestId('parallel.python.progress')).toBeVisible();
    await page.getByTestId('parallel.python.cancel').click();
    await expect(page.getByTestId('parallel.python.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByTestId('parallel.python.run')).toBeVisible();
  });

  withPython('vectorization: a row for the loop, numpy, apply and the pandas expression', async ({ page }) => {
    await openRealRun(page, 'simd');
    await page.getByTestId('simd.python.n').selectOption('100000');
    await page.getByTestId('simd.python.run').click();
    await expect(page.getByTestId('simd.python.table')).toBeVisible({ timeout: 60_000 });
    for (const impl of ['loop', 'numpy', 'pandas-apply', 'pandas-vectorized']) await expect(page.getByTestId(`simd.python.row.${impl}`)).toBeVisible();
    await expect(page.getByTestId('simd.python.apply')).toContainText('apply is not vectorized');
  });
});

const noPython = hostWith('/nonexistent/nanoscope/python3');
noPython.describe('Python panels without Python', () => {
  noPython('each panel says Python was not found and how to install it; the rest of the panel still works', async ({ page }) => {
    for (const [route, prefix] of [
      ['threads', 'threads'],
      ['parallel', 'parallel'],
      ['simd', 'simd'],
    ] as const) {
      await openRealRun(page, route);
      const none = page.getByTestId(`${prefix}.python.none`);
      await expect(none).toContainText('Python 3 was not found on this computer (looked for NANOSCOPE_PYTHON=/nonexistent/nanoscope/python3)');
      await expect(none).toContainText('install');
      await expect(page.getByTestId(`${prefix}.real`)).toBeVisible();
    }
    await page.getByTestId('simd.python.path').fill('/nonexistent/other/python');
    await page.getByTestId('simd.python.use').click();
    await expect(page.getByTestId('simd.python.error')).toHaveText('/nonexistent/other/python is not a Python 3 interpreter (it did not answer the probe)');    expect(await axeViolations(page, '[data-testid="simd.python"]')).toEqual([]);
  });
});
