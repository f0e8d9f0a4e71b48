/** The app shell: navigation, timeline, settings, presentation mode. Roles first, test ids second. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly page: Page;
  readonly sidebar: Locator;
  readonly stage: Locator;
  readonly play: Locator;
  readonly stepForwardButton: Locator;
  readonly stepBackButton: Locator;
  readonly restartButton: Locator;
  readonly readout: Locator;
  readonly seed: Locator;
  readonly speedLabel: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sidebar = page.getByRole('navigation', { name: 'Scenes' });
    this.stage = page.getByTestId('stage');
    this.play = page.getByTestId('controls.play');
    this.stepForwardButton = page.getByRole('button', { name: 'Step forward' });
    this.stepBackButton = page.getByRole('button', { name: 'Step back' });
    this.restartButton = page.getByRole('button', { name: 'Restart' });
    this.readout = page.getByTestId('timeline.readout');
    this.seed = page.getByTestId('controls.seed');
    this.speedLabel = page.getByTestId('controls.speed-label');
  }

  /** Opens a route with animation off, so steps are instant and the test waits for states. */
  async open(hash = '#/', options: { motion?: boolean } = {}): Promise<void> {
    await this.page.addInitScript((motion) => {
      // Init scripts run in every frame, the real run's sandbox frame too (no storage there).
      try {
        localStorage.setItem('nanoscope.motion', motion ? 'on' : 'off');
      } catch {
        // An opaque-origin frame.
      }
    }, options.motion ?? false);
    await this.page.goto(`/${hash}`);
    await expect(this.page.getByTestId('app')).toBeVisible();
  }

  async waitIdle(): Promise<void> {
    await expect(this.page.getByTestId('app')).toHaveAttribute('aria-busy', 'false');
  }

  /** The event counter of the readout: "event 3 of 12" → 3. */
  async eventIndex(): Promise<number> {
    const text = (await this.readout.textContent()) ?? '';
    const match = /event (\d+) of (\d+)/.exec(text);
    if (!match) throw new Error(`unexpected readout "${text}"`);
    return Number(match[1]);
  }

  async eventCount(): Promise<number> {
    const text = (await this.readout.textContent()) ?? '';
    return Number(/of (\d+)/.exec(text)?.[1] ?? NaN);
  }

  hashParam(name: string): string | null {
    const hash = new URL(this.page.url()).hash;
    return new URLSearchParams(hash.split('?')[1] ?? '').get(name);
  }

  /** An element as text: every element with its attributes sorted (React may reorder them), and every text. */
  async canonicalHtml(root: Locator): Promise<string> {
    return root.evaluate((element) => {
      const out: string[] = [];
      const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) out.push(JSON.stringify(node.textContent));
        if (!(node instanceof Element)) return;
        const attrs = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort();
        out.push(`<${node.tagName} ${attrs.join(' ')}>`);
        node.childNodes.forEach(walk);
        out.push(`</${node.tagName}>`);
      };
      walk(element);
      return out.join('');
    });
  }

  async bodyFontPx(): Promise<number> {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.stage')!).fontSize));
  }
}
