import { test, expect } from './fixtures';
import { EventLoopPage } from './pages/eventLoopPage';

const PROGRAM = `setTimeout(() => console.log('timer'), 0);
Promise.resolve().then(() => console.log('microtask'));
console.log('sync');
`;

test.describe('event loop scene', () => {
  test('type a program, step through it: the microtask jumps ahead of the timer; step back', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await el.typeProgram(PROGRAM);
    await el.stepUntilConsole(1);
    await expect(el.consoleLines).toHaveText(['sync']);
    await expect(el.currentLine).toHaveText('3');
    // The timer is already waiting in libuv and the then-callback in the microtask queue.
    await expect(el.queue('timers')).toHaveAttribute('data-count', '1');
    await el.stepUntilConsole(2);
    await expect(el.consoleLines).toHaveText(['sync', 'microtask']);
    // The microtask ran while the 0 ms timer was still pending: it jumped ahead.
    await expect(el.queue('timers')).toHaveAttribute('data-count', '1');
    await expect(el.queue('timers').getByTestId('eventloop.queue.timers.item')).toContainText('setTimeout');
    await el.stepUntilConsole(3);
    await expect(el.consoleLines).toHaveText(['sync', 'microtask', 'timer']);
    await expect(page.getByTestId('eventloop.now')).toHaveAttribute('data-phase', 'timers');

    const at = Number(await el.stageRoot.getAttribute('data-step'));
    await el.stepBackButton.click();
    await expect(el.stageRoot).toHaveAttribute('data-step', String(at - 1));
    // One step back: the timer's callback has just started, before its console.log.
    await expect(el.consoleLines).toHaveText(['sync', 'microtask']);
    await expect(el.stepLabel).toHaveText(/^run timer: setTimeout/);
    await expect(el.queue('timers')).toHaveAttribute('data-count', '0');
    await el.stepBackButton.click();
    await expect(el.queue('timers')).toHaveAttribute('data-count', '1');
    await el.stepForwardButton.click();
    await el.stepForwardButton.click();
    await expect(el.consoleLines).toHaveText(['sync', 'microtask', 'timer']);
  });

  test('the editor keeps its content across a scene switch and a reload', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await el.typeProgram("console.log('kept');\n");
    await page.getByRole('link', { name: /VMs, Containers, Functions/ }).click();
    await expect(page.getByTestId('stacks.stage')).toBeVisible();
    await page.getByRole('link', { name: /The Event Loop/ }).click();
    await expect(el.editor).toHaveValue("console.log('kept');\n");
    // A restart: a new page of the same browser profile, opened on the bare scene.
    const again = new EventLoopPage(await page.context().newPage());
    await again.openScene();
    await expect(again.editor).toHaveValue("console.log('kept');\n");
    await expect(again.consoleLines).toHaveCount(0);
    await again.endButton.click();
    await expect(again.consoleLines).toHaveText(['kept']);
  });

  test('switch runtime: the browser has tasks and frames, no nextTick', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=nexttick-vs-promise');
    await expect(el.queue('ticks')).toBeVisible();
    await page.getByTestId('eventloop.runtime.browser').click();
    await expect(el.stageRoot).toHaveAttribute('data-runtime', 'browser');
    expect(el.hashParam('runtime')).toBe('browser');
    await expect(el.queue('ticks')).toHaveCount(0);
    await expect(el.queue('tasks')).toBeVisible();
    await expect(el.queue('frames')).toBeVisible();
    await el.endButton.click();
    // process is not defined in a browser: the script stops at line 2 with the error reported,
    // and the page goes on with the promise job queued on line 1.
    await expect(el.consoleLines).toHaveText(['Uncaught ReferenceError: process is not defined', 'promise 1']);
    await page.getByTestId('eventloop.runtime.node').click();
    await expect(el.stageRoot).toHaveAttribute('data-runtime', 'node');
  });

  test('an unsupported construct is an error with its line and column', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await el.typeProgram("console.log('a');\nwith (Math) {}\n");
    await expect(el.error).toHaveText('Line 2, column 1: with statement is not supported');
    await expect(el.error).toHaveAttribute('data-line', '2');
  });

  test('run for real: both outputs side by side, every difference marked', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=async-await-order');
    await el.openPanel('Real run');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveText('The model predicted all 8 lines exactly.', { timeout: 20_000 });
    await expect(page.getByTestId('eventloop.real.row')).toHaveCount(8);

    // The model refuses Date (nondeterministic); the real run prints: one line differs.
    await el.typeProgram("console.log(typeof Date);\n");
    await expect(page.getByTestId('eventloop.real.empty')).toBeVisible();
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveAttribute('data-differences', '1', { timeout: 20_000 });
    await expect(page.getByTestId('eventloop.real.diff')).toHaveText(['1—function']);
  });

  test('the browser runtime runs for real in a sandboxed worker, without the network', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer&runtime=browser');
    await el.openPanel('Real run');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.summary')).toHaveText('The model predicted all 4 lines exactly.', { timeout: 20_000 });
    await el.typeProgram('console.log(typeof fetch, typeof document);\nwhile (true) {}\n');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.stopped')).toContainText('stopped after 5 s', { timeout: 20_000 });
  });

  test('an infinite loop is stopped with a message, in the model and for real; the app stays responsive', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await el.typeProgram("console.log('start');\nwhile (true) {}\n");
    await el.endButton.click();
    await expect(el.exit).toContainText('ran more than 2,000,000 steps (an infinite loop?)');
    await expect(el.consoleLines).toHaveText(['start']);
    await el.openPanel('Real run');
    await page.getByTestId('eventloop.real.run').click();
    await expect(page.getByTestId('eventloop.real.cancel')).toBeVisible();
    // While the real run spins in its own process, the app answers: the timeline still moves.
    await el.restartButton.click();
    await expect(el.stageRoot).toHaveAttribute('data-step', '-1');
    await expect(el.consoleLines).toHaveCount(0);
    await el.endButton.click();
    await expect(el.exit).toBeVisible();
    await expect(page.getByTestId('eventloop.real.stopped')).toContainText('stopped after 5 s', { timeout: 20_000 });
    await expect(page.getByTestId('eventloop.real.stopped')).toHaveAttribute('data-why', 'time');
  });

  test('C10k: 10,000 requests on a blocking thread, a thread each, an event loop', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=microtask-vs-timer');
    await page.getByTestId('eventloop.view.c10k').click();
    expect(el.hashParam('view')).toBe('c10k');
    await page.getByRole('slider', { name: 'Requests (log scale)' }).fill('4');
    await expect(page.getByTestId('c10k.requests')).toHaveText('10,000');
    // 150 ms round trip + 10,000 × 5 µs of callbacks = 200 ms, 4 KiB per connection plus one 64 KiB stack.
    await expect(page.getByTestId('c10k.event-loop')).toHaveAttribute('data-total-ns', '200000000');
    await expect(page.getByTestId('c10k.event-loop')).toHaveAttribute('data-memory', String(10_000 * 4096 + 65_536));
    await expect(page.getByTestId('c10k.threads')).toHaveAttribute('data-memory', String(10_000 * 69_632));
    await expect(page.getByTestId('c10k.limit')).toBeVisible();
    await page.getByTestId('eventloop.view.program').click();
    await expect(el.editor).toBeVisible();
  });
});
