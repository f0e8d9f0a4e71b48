/** The Latency Ladder scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class LadderPage extends AppPage {
  readonly svg: Locator;
  readonly preset: Locator;
  readonly route: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    super(page);
    this.svg = page.getByTestId('ladder.svg');
    this.preset = page.getByTestId('ladder.preset');
    this.route = page.getByTestId('ladder.route');
    this.status = page.getByTestId('ladder.status');
  }

  async openScene(query = '', options: { motion?: boolean } = {}): Promise<void> {
    await this.open(`#/latency-ladder${query ? `?${query}` : ''}`, options);
    await expect(this.svg).toBeVisible();
    await this.waitIdle();
  }

  rung(id: string): Locator {
    return this.page.getByTestId(`ladder.rung.${id}`);
  }

  async rungState(id: string): Promise<string | null> {
    return this.rung(id).getAttribute('data-state');
  }

  /** The stage's whole SVG, to compare frames exactly. */
  async snapshot(): Promise<string> {
    return this.svg.evaluate((svg) => svg.outerHTML);
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
