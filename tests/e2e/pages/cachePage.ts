/** The Memory Hierarchy scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class CachePage extends AppPage {
  readonly cacheStage: Locator;
  readonly headline: Locator;
  readonly preset: Locator;
  readonly left: Locator;
  readonly right: Locator;
  readonly traceFile: Locator;
  readonly traceError: Locator;

  constructor(page: Page) {
    super(page);
    this.cacheStage = page.getByTestId('cache.stage');
    this.headline = page.getByTestId('cache.headline');
    this.preset = page.getByTestId('cache.preset');
    this.left = page.getByTestId('cache.left');
    this.right = page.getByTestId('cache.right');
    this.traceFile = page.getByTestId('cache.trace.file');
    this.traceError = page.getByTestId('cache.trace.error');
  }

  async openScene(query = '', options: { motion?: boolean } = {}): Promise<void> {
    await this.open(`#/memory-hierarchy${query ? `?${query}` : ''}`, options);
    await expect(this.side(0)).toBeVisible();
    await this.waitIdle();
  }

  side(index: 0 | 1): Locator {
    return this.page.getByTestId(`cache.side-${index}`);
  }

  field(index: 0 | 1, name: string): Locator {
    return this.page.getByTestId(`cache.side-${index}.${name}`);
  }

  /** A side's machine time so far, ns (exact, from the data attribute). */
  async elapsedNs(index: 0 | 1): Promise<number> {
    return Number(await this.field(index, 'elapsed').getAttribute('data-ns'));
  }

  async l1Misses(index: 0 | 1): Promise<number> {
    return Number(await this.field(index, 'l1.misses').textContent());
  }

  async accessesDone(index: 0 | 1): Promise<number> {
    return Number(await this.field(index, 'accesses').getAttribute('data-value'));
  }

  /** End (the "go to the end" command) until both sides report done. */
  async runToEnd(): Promise<void> {
    await this.page.keyboard.press('End');
    const total = async () => Number(/event \d+ of (\d+)/.exec((await this.readout.textContent()) ?? '')?.[1]);
    await expect.poll(async () => (await this.eventIndex()) === (await total())).toBe(true);
    await expect(this.field(0, 'accesses')).toContainText('✓');
    await expect(this.field(1, 'accesses')).toContainText('✓');
  }

  /** The whole stage, to compare frames exactly. */
  async snapshot(): Promise<string> {
    return this.cacheStage.evaluate((el) => el.outerHTML);
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
