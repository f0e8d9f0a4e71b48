/** The VMs, Containers, Functions scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class StacksPage extends AppPage {
  readonly stageRoot: Locator;
  readonly fit: Locator;
  readonly memory: Locator;
  readonly memoryText: Locator;
  readonly layers: Locator;
  readonly stackSelect: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('stacks.stage');
    this.fit = page.getByTestId('stacks.fit');
    this.memory = page.getByTestId('stacks.memory');
    this.memoryText = page.getByTestId('stacks.memory.text');
    this.layers = page.getByTestId('stacks.layers');
    this.stackSelect = page.getByTestId('stacks.param.stack');
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/stacks${query ? `?${query}` : ''}`);
    await expect(this.fit).toBeVisible();
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  instance(id: number): Locator {
    return this.page.getByTestId(`stacks.instance.${id}`);
  }

  /** Instance cells in a state (waiting, booting, running, rejected, idle, stopped). */
  cellsIn(state: string): Locator {
    return this.page.locator(`[data-testid^="stacks.instance."][data-state="${state}"]`);
  }

  /** Names of the drawn layers, bottom to top, shared ones once and per-instance ones per column. */
  async layerNames(): Promise<string[]> {
    return this.layers.locator('[data-name]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-name') ?? ''));
  }

  /**
   * Plays the launch, then drags the timeline to its end (with animation off, play steps one
   * event at a time, too slowly for hundreds of events) and waits for the last event.
   */
  async playToEnd(): Promise<void> {
    await this.play.click();
    await expect.poll(() => this.eventIndex()).toBeGreaterThan(0);
    await this.page.getByTestId('controls.scrub').fill('1000');
    // The end time may be shared by several events (a wave of boots ends together): step
    // through the rest one by one.
    const total = await this.eventCount();
    for (let i = 0; i < 50 && (await this.eventIndex()) < total; i++) {
      const before = await this.eventIndex();
      await this.stepForwardButton.click();
      await expect.poll(() => this.eventIndex()).toBeGreaterThan(before);
    }
    expect(await this.eventIndex()).toBe(total);
  }
}
