import { test, expect } from './fixtures';
import { EventLoopPage } from './pages/eventLoopPage';

test.describe('event loop scene: modern JavaScript', () => {
  test('a generator parks its frame at yield and comes back on top of its caller; step back parks it again', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=generator-steps&runtime=node');
    const parked = page.getByTestId('eventloop.parked.frame');
    const frames = page.getByTestId('eventloop.stack.frame');
    await el.stepUntilConsole(2);
    await expect(el.consoleLines).toHaveText(['counter starts', '{ value: 1, done: false }']);
    await expect(parked).toHaveText(['counter (suspended at yield, line 4)']);
    await el.stepUntilConsole(3);
    await expect(el.consoleLines.last()).toHaveText('counter got hello');
    // Resumed: its frame is back on the stack (innermost first), nothing parked.
    await expect(frames.first()).toHaveText('counter (line 5)');
    await expect(parked).toHaveCount(0);
    await el.stepBackButton.click();
    await el.stepBackButton.click();
    await expect(parked).toHaveText(['counter (suspended at yield, line 4)']);
  });

  test('class methods are drawn as V8 names them, and an awaiting method is parked', async ({ page }) => {
    const el = new EventLoopPage(page);
    await el.openScene('preset=class-async-method&runtime=node');
    await el.stepUntilConsole(1);
    await expect(el.consoleLines).toHaveText(['deposit 5']);
    await expect(page.getByTestId('eventloop.stack.frame')).toHaveText(['Account.deposit (line 12)', 'Savings.deposit (line 21)', '(main) (line 28)']);
    await el.stepForwardButton.click();
    await expect(page.getByTestId('eventloop.parked.frame')).toHaveText(['Account.deposit (awaiting, line 13)']);
  });
});
