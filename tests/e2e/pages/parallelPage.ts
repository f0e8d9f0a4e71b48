/** The Processes in Parallel scene. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export interface CpuSegment {
  readonly core: number;
  readonly task: number;
  readonly start: number;
  readonly end: number;
}

export class ParallelPage extends AppPage {
  readonly stageRoot: Locator;
  readonly position: Locator;

  constructor(page: Page) {
    super(page);
    this.stageRoot = page.getByTestId('parallel.stage');
    this.position = page.getByRole('slider', { name: 'Timeline position' });
  }

  async openScene(query = ''): Promise<void> {
    await this.open(`#/parallel${query ? `?${query}` : ''}`);
    await expect(this.page.getByTestId('parallel.gantt')).toBeVisible();
    await this.waitIdle();
  }

  async openPanel(name: 'Inspector' | 'Explain' | 'Real run'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async step(): Promise<number> {
    return Number(await this.stageRoot.getAttribute('data-step'));
  }

  /** Jumps the playhead to the last step (End on the timeline slider) and waits for the finished run. */
  async toEnd(): Promise<void> {
    // Sets the scrubber to its max (an input event), wherever it stood before.
    await this.position.fill((await this.position.getAttribute('max')) ?? '1000');
    await expect(this.stageRoot).toHaveAttribute('data-done', 'true');
    await this.waitIdle();
  }

  /** Every computing segment drawn in the core lanes, from their data attributes. */
  async cpuSegments(): Promise<CpuSegment[]> {
    return this.stageRoot.locator('rect[data-kind="cpu"]').evaluateAll((rects) =>
      rects.map((r) => ({
        core: Number((r.getAttribute('data-testid') ?? '').split('.')[2]),
        task: Number(r.getAttribute('data-task')),
        start: Number(r.getAttribute('data-start')),
        end: Number(r.getAttribute('data-end')),
      })),
    );
  }

  /** The stage as text: every element with its attributes sorted, and every text. */
  async snapshot(): Promise<string> {
    return this.canonicalHtml(this.stageRoot);
  }
}

/** Pairs of computing segments on different cores that overlap in time. */
export function overlaps(segments: readonly CpuSegment[]): number {
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i]!;
      const b = segments[j]!;
      if (a.core !== b.core && a.start < b.end && b.start < a.end) n++;
    }
  }
  return n;
}
