/**
 * The Python panels of the Big O and distributed scenes end to end in browser mode: with Debian's
 * /usr/bin/python3 (sys.getsizeof op by op beside the scene's model; the word count through
 * dask.bag beside the worker_threads run and the model, over the same generated text) and with
 * no Python at all (NANOSCOPE_PYTHON at a missing path).
 */
import { existsSync } from 'node:fs';
import { expect } from '@playwright/test';
import { axeViolations, hostWith, openRealRun, SYSTEM } from './pythonHost';

const withPython = hostWith(SYSTEM);
withPython.describe('Big O and distributed Python panels with /usr/bin/python3', () => {
  withPython.skip(!existsSync(SYSTEM), 'no /usr/bin/python3 on this machine');

  withPython('Big O: sys.getsizeof after every op beside the scene model, row by row', async ({ page }) => {
    await openRealRun(page, 'big-o');
    await expect(page.getByTestId('bigo.python.select')).toContainText('CPython 3.');
    const is311 = /CPython 3\.11\./.test(await page.getByTestId('bigo.python.select').innerText());
    await page.getByTestId('bigo.python.run').click();
    const verdict = page.getByTestId('bigo.python.program.verdict');
    await expect(verdict).toBeVisible({ timeout: 60_000 });
    for (const structure of ['list', 'deque']) await expect(page.getByTestId(`bigo.python.program.${structure}`).locator('tbody tr')).toHaveCount(4);
    // The growth sizes CPython 3.11 prints for the first appends, worked by hand: 4 slots (88 B), 8 (120 B), 16 (184 B).
    await expect(page.getByTestId('bigo.python.program.list.0')).toContainText('88 ×4, 120 ×4, 184 ×8');
    if (is311) {
      await expect(verdict).toContainText('Every size agrees exactly with the scene’s model of CPython 3.11: 200 list ops and 360 deque ops');
      await expect(page.locator('[data-testid^="bigo.python.program."][data-agrees="no"]')).toHaveCount(0);
      await expect(page.getByTestId('bigo.python.version-note')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('bigo.python.version-note')).toContainText('the model is of CPython 3.11');
    }
    await expect(page.getByTestId('bigo.python.ops')).toContainText('deque.appendleft');
    expect(await axeViolations(page, '[data-testid="bigo.python"]')).toEqual([]);
  });

  withPython('distributed: Dask counts the same generated text as the worker_threads run and the model', async ({ page }) => {
    await openRealRun(page, 'distributed');
    await page.getByTestId('distributed.real.size').selectOption('2');
    await page.getByTestId('distributed.real.workers').selectOption('1');
    const noDask = await page.getByTestId('distributed.python.no-dask').count();
    withPython.skip(noDask > 0, 'Dask is not installed for /usr/bin/python3');
    await page.getByTestId('distributed.python.run').click();
    await expect(page.getByTestId('distributed.python.table')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('distributed.python.alone')).toBeVisible();
    await page.getByTestId('distributed.real.run').click();
    await expect(page.getByTestId('distributed.real.table')).toBeVisible({ timeout: 100_000 });
    await expect(page.getByTestId('distributed.python.row.1')).toContainText('worker_threads ×1');
    await expect(page.getByTestId('distributed.python.row.2')).toContainText('the model');
    await expect(page.getByTestId('distributed.python.verdict')).toHaveText('Same lines, words and distinct words as the rows below Dask’s: the same job, a different engine.');
    // The Dask row's words are the model's records without a combiner.
    const words = async (k: number) => (await page.getByTestId(`distributed.python.row.${k}`).locator('td').nth(2).innerText()).trim();
    expect(await words(0)).toBe(await words(2));
    expect(await axeViolations(page, '[data-testid="distributed.python"]')).toEqual([]);
    // Another text: the comparison is withdrawn until Dask counts that one too.
    await page.getByTestId('distributed.real.size').selectOption('8');
    await expect(page.getByTestId('distributed.python.stale')).toContainText('Dask counted 2 MB generated; the text chosen now is 8 MB generated');
    await expect(page.getByTestId('distributed.python.verdict')).toHaveCount(0);
  });
});

const noPython = hostWith('/nonexistent/nanoscope/python3');
noPython.describe('Big O and distributed Python panels without Python', () => {
  noPython('each says Python was not found and how to install it; the JavaScript run is still there', async ({ page }) => {
    for (const [route, prefix] of [
      ['big-o', 'bigo'],
      ['distributed', 'distributed'],
    ] as const) {
      await openRealRun(page, route);
      const none = page.getByTestId(`${prefix}.python.none`);
      await expect(none).toContainText('Python 3 was not found on this computer (looked for NANOSCOPE_PYTHON=/nonexistent/nanoscope/python3)');
      await expect(none).toContainText('install');
      await expect(page.getByTestId(`${prefix}.real`)).toBeVisible();
      await expect(page.getByTestId(`${prefix}.python.run`)).toHaveCount(0);
    }
  });
});
