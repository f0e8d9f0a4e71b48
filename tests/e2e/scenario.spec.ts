import { test, expect } from './fixtures';
import { ClassroomPage } from './pages/classroomPage';

test.describe('scenario files and share links', () => {
  test('save → open round trip restores the scene, params, seed and exact step', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?strategy=mutex&workload=incdec&threads=2&iterations=2&scheduler=random&seed=5&step=7');
    const before = app.stateOfUrl();
    const readout = await app.readout.textContent();
    await app.openFileDialog();
    const { download, bytes } = await app.download(page.getByTestId('file.save'));
    expect(download.suggestedFilename()).toBe('threads-seed-5-step-7.nanoscope.json');
    const saved = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ format: 'nanoscope.scenario', version: 1, scene: 'threads', seed: 5, timeline: { step: 7 } });
    await expect(page.getByTestId('file.message')).toHaveText('Saved threads-seed-5-step-7.nanoscope.json.');

    // Somewhere else entirely, then open the file.
    await page.getByTestId('file.close').click();
    await app.openRoute('#/parallel');
    await app.openFileDialog();
    await page.getByTestId('file.open-input').setInputFiles({ name: 'lesson-1.nanoscope.json', mimeType: 'application/json', buffer: bytes });
    await expect(app.fileDialog).toBeHidden();
    await expect(page).toHaveURL(/#\/threads\?/);
    await app.waitIdle();
    await expect(app.readout).toHaveText(readout!);
    expect(app.stateOfUrl()).toBe(before);

    // It is in the recent list and reopens from there.
    await app.openFileDialog();
    await expect(page.getByTestId('file.recent')).toContainText('lesson-1.nanoscope.json');
  });

  test('a bad file is refused with the field named, and the scene stays as it was', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/stacks');
    const before = app.stateOfUrl();
    await app.openFileDialog();
    const bad = { format: 'nanoscope.scenario', version: 1, scene: 'stacks', params: { instances: 'lots' }, seed: 1, timeline: { t: 0 } };
    await page.getByTestId('file.open-input').setInputFiles({ name: 'bad.nanoscope.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByTestId('file.message')).toContainText('bad.nanoscope.json was not opened — params.instances: instances must be an integer from 1 to 500');
    const newer = { ...bad, version: 9, params: {} };
    await page.getByTestId('file.open-input').setInputFiles({ name: 'future.nanoscope.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await expect(page.getByTestId('file.message')).toContainText('written by a newer Nanoscope (format version 9)');
    expect(app.stateOfUrl()).toBe(before);
  });

  test('a file dropped on the window opens', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/stacks');
    const scenario = { format: 'nanoscope.scenario', version: 1, scene: 'parallel', params: { style: 'processes' }, seed: 3, timeline: { t: 0, step: 4 } };
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.nanoscope.json', { type: 'application/json' }));
      return data;
    }, JSON.stringify(scenario));
    await page.getByTestId('stage').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page).toHaveURL(/#\/parallel\?.*style=processes/);
    await app.waitIdle();
    expect(app.hashParam('seed')).toBe('3');
    expect(app.hashParam('step')).toBe('4');
  });

  test('share link round trip: the link alone reopens the exact state in a new page', async ({ page, context }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/memory-hierarchy?preset=teaching&left=row-major&right=column-major&rows=8&cols=8&seed=9&step=20');
    const before = app.stateOfUrl();
    const readout = await app.readout.textContent();
    await page.keyboard.press('l');
    const link = await page.getByTestId('file.share-link').inputValue();
    expect(link).toMatch(/#\/s\/[A-Za-z0-9_-]+$/);

    const other = new ClassroomPage(await context.newPage());
    await other.open(new URL(link).hash);
    await expect(other.page).toHaveURL(/#\/memory-hierarchy\?/);
    await other.waitIdle();
    await expect(other.readout).toHaveText(readout!);
    expect(other.stateOfUrl()).toBe(before);
  });

  test('a damaged share link says so and opens the start scene', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.open('#/s/AAAA');
    await expect(page.getByTestId('notices.file')).toContainText('This share link cannot be opened — (link)');
    await expect(page).toHaveURL(/#\/[a-z-]+/);
  });

  test('theme, speed and the last scene persist between launches', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/parallel');
    const theme = await page.locator('html').getAttribute('data-theme');
    await page.keyboard.press('t');
    await page.keyboard.press('+');
    const speed = await app.speedLabel.textContent();
    await page.goto('/#/');
    await expect(page).toHaveURL(/#\/parallel/);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme!);
    await expect(app.speedLabel).toHaveText(speed!);
  });
});
