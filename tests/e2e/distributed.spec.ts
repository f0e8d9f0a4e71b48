import { test, expect } from './fixtures';
import { DistributedPage } from './pages/distributedPage';

// 4 machines × 2 cores, 2 GB of text: ⌈2 GB / 128 MB⌉ = 16 map tasks of 125 MB; reducers = 4 × 2 = 8.
// Word count's shuffle is 1.33 bytes per input byte without the combiner (2.66 GB) and 0.01 with it (20.0 MB).
const SMALL = 'machines=4&cores=2&inputGB=2&straggler=off&speculative=off';

test.describe('distributed scene', () => {
  test('a small cluster runs the job to the end; the shuffle is all-to-all with its bytes on every link', async ({ page }) => {
    const d = new DistributedPage(page);
    await d.openScene(SMALL);
    await expect(d.progress).toHaveText('maps 0/16 · reducers 0/8');
    await expect(page.getByTestId('distributed.cluster')).toContainText('4 × 2-core machines in 1 rack + a driver');
    await expect(page.locator('[data-testid^="distributed.machine."]')).toHaveCount(4);
    // 4 × 4 links, machine to machine; the bytes on them add up to the whole shuffle
    const links = await d.linkBytes();
    expect(links).toHaveLength(16);
    expect(links.reduce((a, b) => a + b, 0)).toBeGreaterThan(19_990_000);
    expect(links.reduce((a, b) => a + b, 0)).toBeLessThan(20_010_000);
    await d.toEnd();
    await expect(d.stageRoot).toHaveAttribute('data-phase', 'done');
    await expect(d.progress).toHaveText('maps 16/16 · reducers 8/8');
    await expect(d.shuffleBytes).toContainText('20.0 MB of 20.0 MB moved');
    await expect(page.getByTestId('distributed.combiner.off.bytes')).toContainText('shuffle 2.66 GB');
    await expect(page.getByTestId('distributed.combiner.on.bytes')).toContainText('shuffle 20.0 MB');
    // the DAG: a narrow map, a wide reduceByKey
    await expect(page.getByTestId('distributed.stage.1')).toHaveAttribute('data-dependency', 'narrow');
    await expect(page.getByTestId('distributed.stage.2')).toHaveAttribute('data-dependency', 'wide');
    await expect(page.getByTestId('distributed.scaling.amdahl')).toBeAttached();
    await expect(page.getByTestId('distributed.scaling.here')).toBeAttached(); // 4 machines is one of the chart's sizes
  });

  test('the combiner checkbox and a bad machine count', async ({ page }) => {
    const d = new DistributedPage(page);
    await d.openScene(SMALL);
    await page.getByTestId('distributed.param.combiner').uncheck();
    await expect.poll(() => d.hashParam('combiner')).toBe('off');
    await expect(d.shuffleBytes).toContainText('of 2.66 GB moved');
    await page.getByTestId('distributed.param.machines').fill('129');
    await expect(page.getByTestId('distributed.param.machines.error')).toHaveText('machines must be an integer from 1 to 128');
    expect(d.hashParam('machines')).toBe('4');
  });

  test('a failed machine: its map outputs are lost and re-run; a straggler gets backup copies', async ({ page }) => {
    const d = new DistributedPage(page);
    await d.openScene('machines=10&cores=2&inputGB=20&hardware=2020&failure=on&straggler=on&speculative=on');
    await d.toEnd();
    await expect(page.locator('[data-testid="distributed.gantt.rerun"]').first()).toBeAttached();
    await expect(page.getByTestId('distributed.reruns')).toBeVisible();
    await expect(page.locator('.dist-machine.failed')).toHaveCount(1);
    await expect(page.locator('.dist-machine.straggler')).toHaveCount(1);
    // without the failure the cores fall idle before the straggler ends: they copy its late tasks
    await d.openScene('machines=10&cores=2&inputGB=20&hardware=2020&failure=off&straggler=on&speculative=on');
    await d.toEnd();
    await expect(page.getByTestId('distributed.backups')).toBeVisible();
    await expect(page.locator('[data-testid="distributed.gantt.backup"]').first()).toBeAttached();
  });

  test('real run: worker threads move exactly the model\'s records and bytes', async ({ page }) => {
    test.setTimeout(120_000);
    const d = new DistributedPage(page);
    await d.openScene(SMALL);
    await d.openPanel('Real run');
    await expect(page.getByTestId('distributed.real.empty')).toBeVisible();
    await page.getByTestId('distributed.real.size').selectOption('2');
    await page.getByTestId('distributed.real.workers').selectOption('2');
    await page.getByTestId('distributed.real.run').click();
    await expect(page.getByTestId('distributed.real.table')).toBeVisible({ timeout: 100_000 });
    for (const row of ['1.off', '1.on', '2.off', '2.on']) await expect(page.getByTestId(`distributed.real.match.${row}`)).toHaveText('✓ equal');
    await expect(page.getByTestId('distributed.real.input')).toContainText('Generated text: 2.00 MB');
    await expect(page.getByTestId('distributed.real.load')).toContainText('cores');
  });
});
