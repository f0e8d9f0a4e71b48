/** The Vectorization scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class SimdPage extends AppPage {
  readonly stageRoot: Locator;
  readonly cycles: Locator;
  readonly totalCycles: Locator;
  readonly lanes: Locator;
  readonly phase: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('simd.stage');
    this.cycles = page.getByTestId('simd.cycles');
    this.totalCycles = page.getByTestId('simd.cycles-total');
    this.lanes = page.getByTestId('simd.lanes');
    this.phase = page.getByTestId('simd.phase');
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/simd${query ? `?${query}` : ''}`);
    await expect(this.cycles).toBeVisible();
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  lane(i: number): Locator {
    return this.page.getByTestId(`simd.lane-${i}`);
  }

  /** Lanes lit in this step. */
  activeLanes(): Locator {
    return this.page.locator('[data-testid^="simd.lane-"][data-active="true"]');
  }

  allLanes(): Locator {
    return this.page.locator('[data-testid^="simd.lane-"]');
  }

  async stepTo(event: number): Promise<void> {
    while ((await this.eventIndex()) < event) {
      const before = await this.eventIndex();
      await this.stepForwardButton.click();
      await expect.poll(() => this.eventIndex()).toBeGreaterThan(before);
    }
  }
}
