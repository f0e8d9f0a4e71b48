import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { electronBinary } from './scripts/electronBinary.js';

/** Debian's Chromium (Playwright's own browser download does not work here). */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const projects = [
  {
    name: 'browser',
    testMatch: /.*\.spec\.ts/,
    testIgnore: /electron\.spec\.ts/,
    use: {
      ...devices['Desktop Chrome'],
      viewport: { width: 1280, height: 720 },
      launchOptions: { executablePath: existsSync(chromium) ? chromium : undefined, args },
    },
  },
  {
    // The attack suite's page attacks (tests/security/*.spec.ts), against browser mode.
    name: 'security',
    testDir: 'tests/security',
    testMatch: /.*\.spec\.ts/,
    testIgnore: /$^/,
    use: {
      ...devices['Desktop Chrome'],
      viewport: { width: 1280, height: 720 },
      launchOptions: { executablePath: existsSync(chromium) ? chromium : undefined, args },
    },
  },
];
// The desktop project runs only where Electron's binary exists.
if (electronBinary()) projects.push({ name: 'electron', testMatch: /electron\.spec\.ts/, testIgnore: /$^/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, launchOptions: { executablePath: undefined, args } } });

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
  projects,
});
