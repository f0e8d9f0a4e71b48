import { test, expect } from './fixtures';
import { ClassroomPage } from './pages/classroomPage';

test.describe('lessons', () => {
  test('PageDown / PageUp walk the threads lesson; the answer shows once the run reaches it', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads?strategy=cas&threads=3');
    await page.keyboard.press('PageDown');
    await expect(app.lesson).toBeVisible();
    await expect(page.getByTestId('lesson.position')).toHaveText('step 1 of 4');
    await expect(page.getByTestId('lesson.step-title')).toHaveText('Two threads, one counter');
    await app.waitIdle();
    expect(app.hashParam('strategy')).toBe('nonatomic');
    expect(app.hashParam('threads')).toBe('2');
    expect(await app.eventIndex()).toBe(0);
    await expect(page.getByTestId('lesson.answer-hidden')).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByTestId('lesson.answer')).toContainText('it ends at −1');
    await expect(page.getByTestId('threads.memory.counter.value')).toHaveText('-1');

    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('lesson.position')).toHaveText('step 2 of 4');
    await app.waitIdle();
    expect(app.hashParam('seed')).toBe('6');
    expect(await app.eventIndex()).toBe(await app.eventCount());

    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('lesson.step-title')).toHaveText('Make the update atomic');
    await app.waitIdle();
    expect(app.hashParam('strategy')).toBe('atomic');
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('lesson.position')).toHaveText('step 2 of 4');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('lesson.position')).toHaveText('step 1 of 4');
  });

  test('a teacher’s lesson file loads; a bad one is refused naming the field', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/stacks');
    await page.getByTestId('settings.lesson').click();
    await expect(app.lesson).toContainText('From servers to functions');
    const lesson = {
      format: 'nanoscope.lesson',
      version: 1,
      scene: 'parallel',
      title: 'My GIL lesson',
      steps: [
        { title: 'Async', text: 'One thread, many waits.', params: { style: 'async', preset: 'io-bound' }, time: 'end' },
        { title: 'Bad', text: 'x', params: { workers: '99' }, time: { step: 0 } },
      ],
    };
    const input = page.getByTestId('lesson.file-input');
    await input.setInputFiles({ name: 'mine.lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
    await expect(page.getByTestId('lesson.error')).toHaveText('mine.lesson.json was not loaded — steps[1].params.workers: workers must be an integer from 1 to 16');
    lesson.steps[1]!.params = { workers: '2' };
    await input.setInputFiles({ name: 'mine.lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
    await expect(page).toHaveURL(/#\/parallel\?.*style=async/);
    await expect(app.lesson).toContainText('Lesson: My GIL lesson');
    await expect(page.getByTestId('lesson.position')).toHaveText('step 1 of 2');
    await expect(page.getByTestId('lesson.error')).toBeHidden();
  });
});

test.describe('annotations', () => {
  test('in presentation mode the pen draws over the stage and C clears it', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.openRoute('#/threads');
    await page.keyboard.press('f');
    await page.keyboard.press('p');
    await expect(page.getByTestId('presentation.pen')).toHaveAttribute('aria-pressed', 'true');
    const box = (await app.stage.boundingBox())!;
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 140, { steps: 5 });
    await page.mouse.move(box.x + 260, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('annotations.stroke')).toHaveCount(1);
    const d = await page.getByTestId('annotations.stroke').getAttribute('d');
    expect(d?.split('L').length).toBeGreaterThan(5);
    await page.keyboard.press('c');
    await expect(page.getByTestId('annotations.stroke')).toHaveCount(0);
    // Esc puts the pen away first, then leaves presentation mode.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presentation.pen')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
  });
});
