/** The Beyond one machine scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class DistributedPage extends AppPage {
  readonly stageRoot: Locator;
  readonly progress: Locator;
  readonly shuffleBytes: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('distributed.stage');
    this.progress = page.getByTestId('distributed.progress');
    this.shuffleBytes = page.getByTestId('distributed.shuffle.bytes');
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/distributed${query ? `?${query}` : ''}`);
    await expect(page(this).getByTestId('distributed.header')).toBeVisible({ timeout: 30_000 });
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Drags the timeline to its end, then steps through events that share the last instant. */
  async toEnd(): Promise<void> {
    await this.page.getByTestId('controls.scrub').fill('1000');
    const total = await this.eventCount();
    for (let i = 0; i < 50 && (await this.eventIndex()) < total; i++) {
      const before = await this.eventIndex();
      await this.stepForwardButton.click();
      await expect.poll(() => this.eventIndex()).toBeGreaterThan(before);
    }
    expect(await this.eventIndex()).toBe(total);
  }

  /** Bytes on every drawn shuffle link. */
  async linkBytes(): Promise<number[]> {
    return this.page.locator('[data-testid^="distributed.link."]').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-bytes'))));
  }
}

const page = (p: AppPage): Page => p.page;
