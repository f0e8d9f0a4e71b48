/** The Big O scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class BigOPage extends AppPage {
  readonly stageRoot: Locator;
  readonly stepText: Locator;
  readonly array: Locator;
  readonly deque: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('bigo.stage');
    this.stepText = page.getByTestId('bigo.step.text');
    this.array = page.getByTestId('bigo.array');
    this.deque = page.getByTestId('bigo.deque');
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/big-o${query ? `?${query}` : ''}`);
    await expect(this.stepText).toBeVisible();
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Element ids in slot order. */
  async itemIds(): Promise<number[]> {
    return this.page.locator('[data-testid^="bigo.item."]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
  }

  async stepTo(event: number): Promise<void> {
    while ((await this.eventIndex()) < event) {
      const before = await this.eventIndex();
      await this.stepForwardButton.click();
      await expect.poll(() => this.eventIndex()).toBeGreaterThan(before);
    }
  }
}
