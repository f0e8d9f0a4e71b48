/** The Event Loop scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class EventLoopPage extends AppPage {
  readonly stageRoot: Locator;
  readonly editor: Locator;
  readonly consoleLines: Locator;
  readonly stepLabel: Locator;
  readonly error: Locator;
  readonly exit: Locator;
  readonly currentLine: Locator;
  readonly endButton: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('eventloop.stage');
    this.editor = page.getByRole('textbox', { name: 'Program (JavaScript)' });
    this.consoleLines = page.getByTestId('eventloop.console.line');
    this.stepLabel = page.getByTestId('eventloop.step-label');
    this.error = page.getByTestId('eventloop.error');
    this.exit = page.getByTestId('eventloop.exit');
    this.currentLine = page.getByTestId('eventloop.current-line');
    this.endButton = page.getByRole('button', { name: 'Go to the end' });
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/event-loop${query ? `?${query}` : ''}`);
    await expect(this.stageRoot).toBeVisible();
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Replaces the program and waits until the model has run the new one. */
  async typeProgram(source: string): Promise<void> {
    await this.editor.fill(source);
    await expect.poll(() => this.hashParam('code')).toBe(source);
    await this.waitIdle();
    await expect(this.stageRoot).toHaveAttribute('data-step', '-1');
  }

  queue(id: 'ticks' | 'microtasks' | 'timers' | 'check' | 'io' | 'tasks' | 'frames'): Locator {
    return this.page.getByTestId(`eventloop.queue.${id}`);
  }

  async consoleTexts(): Promise<string[]> {
    return this.consoleLines.allTextContents();
  }

  /** Steps forward until the console has `n` lines. */
  async stepUntilConsole(n: number): Promise<void> {
    for (let i = 0; i < 200 && (await this.consoleLines.count()) < n; i++) {
      const before = await this.stageRoot.getAttribute('data-step');
      await this.stepForwardButton.click();
      await expect(this.stageRoot).not.toHaveAttribute('data-step', before ?? '');
    }
    await expect(this.consoleLines).toHaveCount(n);
  }
}
