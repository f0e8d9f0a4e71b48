/** Desktop mode: runs only where Electron's binary exists (see playwright.config.ts). */
import { _electron as electron, test, expect } from '@playwright/test';
import { electronBinary } from '../../scripts/electronBinary.js';

test('the desktop app opens the Latency Ladder and its API answers over IPC', async () => {
  const executablePath = electronBinary();
  test.skip(!executablePath, 'Electron binary not installed');
  const app = await electron.launch({ executablePath: executablePath!, args: ['.'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('ladder.svg')).toBeVisible();
    await expect(window.getByTestId('app.mode')).toHaveText('desktop');
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { nanoscope: object }).nanoscope).sort());
    expect(exposed).toEqual(['cancelMeasurement', 'hostInfo', 'onEvent', 'openFile', 'osCaches', 'saveFile', 'startMeasurement']);
  } finally {
    await app.close();
  }
});
