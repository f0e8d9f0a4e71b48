import { test, expect } from './fixtures';
import { ThreadsPage } from './pages/threadsPage';

const TWO_BY_TWO = 'workload=inc&strategy=nonatomic&threads=2&iterations=2';

test.describe('threads scene', () => {
  test('be the scheduler: two threads × two increments end at 2; step back undoes a step exactly', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene(`${TWO_BY_TWO}&scheduler=user`);
    await expect(threads.counter).toHaveText('0');
    await expect(threads.goal).toContainText('Make the counter end at 2');
    // Each thread runs load, add, store twice (L A S L A S). To end at 2:
    //  0: L (r0 = 0)                   thread 0 holds a stale 0
    //  1: L A S (counter 1)            thread 1's first increment
    //  0: A S (counter 1)              thread 0 stores 0 + 1 over it: lost update 1
    //  1: L (r0 = 1)                   thread 1 holds 1 for its last increment
    //  0: L A S (counter 2)            thread 0's second increment
    //  1: A S (counter 2)              thread 1 stores 1 + 1 over it: lost update 2
    const clicks: [number, 'button' | 'key'][] = [
      [0, 'button'],
      [1, 'button'],
      [1, 'key'],
      [1, 'key'],
      [0, 'button'],
      [0, 'button'],
      [1, 'key'],
      [0, 'key'],
      [0, 'key'],
      [0, 'button'],
      [1, 'button'],
      [1, 'button'],
    ];
    let beforeLast = '';
    for (const [i, [id, how]] of clicks.entries()) {
      if (i === clicks.length - 1) beforeLast = await threads.snapshot();
      await threads.advance(id, how);
      if (i === 3) await expect(threads.counter).toHaveText('1'); // thread 1's first increment landed
      if (i === 5) {
        await expect(threads.counter).toHaveText('1'); // ... and thread 0's stale store wiped it out
        await expect(page.getByTestId('threads.last.lost')).toContainText("Thread 0 overwrote thread 1's +1");
      }
    }
    await expect(threads.counter).toHaveText('2');
    await expect(threads.lost).toHaveText('lost updates: 2');
    await expect(page.getByTestId('threads.last.lost')).toContainText("Thread 1 overwrote thread 0's +1");
    await expect(page.getByTestId('threads.goal.success')).toContainText('the counter ended at 2');
    await expect(threads.schedule).toContainText('0 1 1 1 0 0 1 0 0 0 1 1');
    expect(threads.hashParam('schedule')).toBe('0,1,1,1,0,0,1,0,0,0,1,1');
    await expect(threads.thread(0)).toHaveAttribute('data-state', 'done');

    // Step back: exactly the frame before the last step (thread 1 about to store 2).
    await threads.stepBackButton.click();
    await expect(threads.stageRoot).toHaveAttribute('data-step', '11');
    expect(await threads.snapshot()).toBe(beforeLast);
    expect(await threads.pc(1)).toBe(2);
    await expect(page.getByTestId('threads.thread.1.reg.r0')).toContainText('2');
    await expect(threads.lost).toHaveText('lost updates: 1');
    await expect(page.getByTestId('threads.goal.success')).toHaveCount(0);
    // Forward again: the same end.
    await threads.stepForwardButton.click();
    await expect(threads.counter).toHaveText('2');
    await expect(page.getByTestId('threads.goal.success')).toBeVisible();
  });

  test('the explorer finds 2, 3 and 4 for two threads × two increments, and replays the witness of 2', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene(`${TWO_BY_TWO}&scheduler=random`);
    await page.getByTestId('threads.explore.run').click();
    await expect(page.getByTestId('threads.explore.result')).toBeVisible();
    await expect(page.getByTestId('threads.explore.values')).toHaveText('2 … 4');
    await expect(page.getByTestId('threads.explore.result').locator('li')).toHaveCount(3);
    for (const v of [2, 3, 4]) await expect(page.getByTestId(`threads.explore.value.${v}`)).toBeVisible();
    // C(12, 6) = 924 orders of two 6-step threads, all of them complete interleavings.
    await expect(page.getByTestId('threads.explore.summary')).toContainText('924 interleavings');
    await expect(page.getByTestId('threads.explore.lowest')).toHaveText('Lowest: 2. Highest: 4.');

    await page.getByTestId('threads.explore.replay.2').click();
    await expect.poll(() => threads.hashParam('scheduler')).toBe('user');
    const witness = threads.hashParam('schedule') ?? '';
    expect(witness.split(',')).toHaveLength(12);
    await threads.waitIdle();
    await expect(threads.stageRoot).toHaveAttribute('data-step', '0');
    await expect(threads.counter).toHaveText('0');
    for (let i = 1; i <= 12; i++) {
      await threads.stepForwardButton.click();
      await expect(threads.stageRoot).toHaveAttribute('data-step', String(i));
    }
    await expect(threads.counter).toHaveText('2');
    await expect(page.getByTestId('threads.goal.success')).toBeVisible();
  });

  test('a state budget stops the explorer with a message, and the UI stays responsive', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene('workload=inc&strategy=nonatomic&threads=4&iterations=50');
    await page.getByTestId('threads.explore.run').click();
    await expect(page.getByTestId('threads.explore.running')).toBeVisible();
    // The UI thread is free meanwhile: the playhead moves.
    await threads.stepForwardButton.click();
    await expect(threads.stageRoot).toHaveAttribute('data-step', '1');
    await expect(page.getByTestId('threads.explore.message')).toContainText('Stopped after 2,000,000 states', { timeout: 60_000 });
  });

  test('races real worker_threads, draws the histogram, and cancels a long run', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene('workload=inc&strategy=nonatomic&threads=2');
    await threads.openPanel('Real run');
    await page.getByTestId('threads.real.iterations').selectOption('100000');
    await page.getByTestId('threads.real.repeat').selectOption('3');
    await page.getByTestId('threads.real.run').click();
    await expect(page.getByTestId('threads.real.histogram')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('threads.real.summary')).toContainText('2 threads × 100,000 (plain), 3 runs');
    await expect(page.getByTestId('threads.real.summary')).toContainText('expected 200,000');
    // Three runs in the bins, whatever they lost.
    const counts = await page.locator('.race-bin').evaluateAll((bins) => bins.reduce((n, b) => n + Number(b.getAttribute('data-count')), 0));
    expect(counts).toBe(3);
    await expect(page.getByTestId('threads.real.stamp')).toContainText('cores');
    await expect(page.getByTestId('threads.real.ops')).not.toBeEmpty();

    await page.getByTestId('threads.real.iterations').selectOption('10000000');
    await page.getByTestId('threads.real.repeat').selectOption('50');
    await page.getByTestId('threads.real.run').click();
    await expect(page.getByTestId('threads.real.progress')).toBeVisible();
    await page.getByTestId('threads.real.cancel').click();
    await expect(page.getByTestId('threads.real.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByTestId('threads.real.run')).toBeVisible();
  });

  test('parallel mode: the counter line travels between cores, with its cost', async ({ page }) => {
    const threads = new ThreadsPage(page);
    await threads.openScene('workload=inc&strategy=atomic&threads=2&iterations=3&scheduler=parallel&cores=2');
    await expect(page.getByTestId('threads.cores')).toBeVisible();
    let moved = '';
    for (let i = 1; i <= 6 && !moved.includes('→'); i++) {
      await threads.stepForwardButton.click();
      await expect(threads.stageRoot).toHaveAttribute('data-step', String(i));
      moved = (await page.getByTestId('threads.moved').textContent()) ?? '';
    }
    expect(moved).toMatch(/line counter: core \d → core \d, [\d.]+ ns/);
    // Whoever just took the line holds it Modified; the other copy is Invalid.
    const states = await page.locator('[data-testid^="threads.core."][data-testid$=".line.counter"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')).sort());
    expect(states).toEqual(['I', 'M']);
    await expect(page.getByTestId('threads.coherence')).toContainText('line transfers');
  });
});
