/** The Threads and a Shared Counter scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class ThreadsPage extends AppPage {
  readonly stageRoot: Locator;
  readonly counter: Locator;
  readonly lost: Locator;
  readonly goal: Locator;
  readonly schedule: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('threads.stage');
    this.counter = page.getByTestId('threads.memory.counter.value');
    this.lost = page.getByTestId('threads.lost');
    this.goal = page.getByTestId('threads.goal');
    this.schedule = page.getByTestId('threads.schedule');
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/threads${query ? `?${query}` : ''}`);
    await expect(this.page.getByTestId('threads.thread.0')).toBeVisible();
    await this.waitIdle();
  }

  thread(id: number): Locator {
    return this.page.getByTestId(`threads.thread.${id}`);
  }

  /** The index of the micro-op under thread `id`'s program counter. */
  async pc(id: number): Promise<number> {
    return this.thread(id).locator('[data-pc="true"]').evaluate((li) => Number((li.getAttribute('data-testid') ?? '').split('.').pop()));
  }

  async step(): Promise<number> {
    return Number(await this.stageRoot.getAttribute('data-step'));
  }

  /** Runs thread `id` one micro-op (its button, or its number key) and waits for the new step. */
  async advance(id: number, how: 'button' | 'key' = 'button'): Promise<void> {
    const before = await this.step();
    if (how === 'button') await this.page.getByTestId(`threads.advance.${id}`).click();
    else await this.page.keyboard.press(String(id));
    await expect(this.stageRoot).toHaveAttribute('data-step', String(before + 1));
    await this.waitIdle();
  }

  /** The stage as text: every element with its attributes sorted (React may reorder them), and every text. */
  async snapshot(): Promise<string> {
    return this.canonicalHtml(this.stageRoot);
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
