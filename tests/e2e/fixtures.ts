/** Each Playwright worker gets its own browser-mode host on a free port. */
import { test as base, expect } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { LadderPage } from './pages/ladderPage';

export const test = base.extend<{ ladder: LadderPage }, { host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ host }, use) => use(host.url),
  ladder: async ({ page }, use) => use(new LadderPage(page)),
});

export { expect };
