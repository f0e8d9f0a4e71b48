/** What the Python panels' e2e specs share: a host with a chosen NANOSCOPE_PYTHON, axe inside one element, the Real run tab. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

/** Debian's interpreter, with numpy, pandas and dask in CI. */
export const SYSTEM = '/usr/bin/python3';

/** A browser-mode host started with the given NANOSCOPE_PYTHON (undefined: the machine's own search). */
export function hostWith(python: string | undefined) {
  return base.extend<object, { host: RunningHost }>({
    host: [
      // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
      async ({}, use) => {
        const saved = process.env.NANOSCOPE_PYTHON;
        if (python === undefined) delete process.env.NANOSCOPE_PYTHON;
        else process.env.NANOSCOPE_PYTHON = python;
        const host = await startHost();
        if (saved === undefined) delete process.env.NANOSCOPE_PYTHON;
        else process.env.NANOSCOPE_PYTHON = saved;
        await use(host);
        await host.stop();
      },
      { scope: 'worker' },
    ],
    baseURL: async ({ host }, use) => use(host.url),
  });
}

/** Serious or critical axe violations inside one element, as readable lines. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function openRealRun(page: Page, route: string): Promise<void> {
  await page.goto(`#/${route}`);
  await page.getByRole('tab', { name: 'Real run' }).click();
}
