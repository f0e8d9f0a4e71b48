import { test, expect } from './fixtures';
import { StacksPage } from './pages/stacksPage';

// The host is the 2020 preset: 8 cores and (no RAM in the preset) 32 GiB, 1 GiB kept by the
// host's shared layers, so 31 GiB = 31,744 MiB for instances of a 512 MiB app.
//  VM: 512 MiB + 1 GiB guest OS = 1,536 MiB each → ⌊31,744 / 1,536⌋ = 20 fit; 1 + 20 × 1.5 = 31 GiB used.
//  Containers: 512 MiB each → ⌊31,744 / 512⌋ = 62 ≥ 40, all fit; 1 + 40 × 0.5 = 21 GiB used;
//  5 waves of 8 boots × 500 ms = all ready at 2.50 s.

test.describe('stacks scene', () => {
  test('switching stacks changes the layers: a guest kernel per VM, one shared kernel for containers', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene('stack=container&instances=40');
    await expect(page.getByTestId('stacks.layer.kernel')).toHaveAttribute('data-name', 'host kernel');
    await expect(page.getByTestId('stacks.layer.isolation.instance-0')).toHaveAttribute('data-name', 'namespaces + cgroups');
    await expect(page.getByTestId('stacks.shared-kernel')).toBeVisible();
    expect(await stacks.layerNames()).toEqual(['hardware', 'host kernel', 'container runtime', ...Array(3).fill('namespaces + cgroups'), ...Array(3).fill('app')]);

    await stacks.stackSelect.selectOption('vm');
    await expect(stacks.stageRoot).toHaveAttribute('data-stack', 'vm');
    expect(stacks.hashParam('stack')).toBe('vm');
    await expect(page.getByTestId('stacks.layer.kernel')).toHaveCount(0); // no shared kernel
    await expect(page.getByTestId('stacks.layer.kernel.instance-0')).toHaveAttribute('data-name', 'guest kernel');
    await expect(page.getByTestId('stacks.layer.hypervisor')).toHaveAttribute('data-name', 'hypervisor (type 1)');
    await expect(page.getByTestId('stacks.shared-kernel')).toHaveCount(0);
    await expect(page.getByTestId('stacks.boundary')).toBeVisible();

    // The evolution strip sets up each step's stack, from the keyboard too.
    await page.getByTestId('stacks.evolution.3').focus();
    await page.keyboard.press('Enter');
    await expect(stacks.stageRoot).toHaveAttribute('data-stack', 'container');
    await expect(page.getByTestId('stacks.evolution.3')).toHaveAttribute('aria-current', 'step');
    await page.getByTestId('stacks.evolution.0').click();
    await expect(stacks.stageRoot).toHaveAttribute('data-stack', 'metal');
    await expect(page.getByTestId('stacks.evolution.0')).toHaveAttribute('aria-current', 'step');
  });

  test('launch 40 containers: the host fills as they boot, all 40 fit', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene('stack=container&instances=40');
    await expect(stacks.fit).toHaveText('fit: 40 of 40');
    await expect(page.getByTestId('stacks.start-ms')).toHaveText('all ready at 2.50 s');
    await expect(stacks.cellsIn('waiting')).toHaveCount(40);
    await expect(stacks.memoryText).toContainText('memory 1 GiB of 32 GiB used');
    await stacks.playToEnd();
    await expect(stacks.cellsIn('running')).toHaveCount(40);
    await expect(stacks.memoryText).toContainText('memory 21 GiB of 32 GiB used');
    await expect(stacks.memory).toHaveAttribute('data-used', String(21 * 2 ** 30));
  });

  test('launch 40 VMs: 20 fit, 20 are rejected, the memory is full', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene('stack=vm&instances=40');
    await expect(stacks.fit).toHaveText('fit: 20 of 40');
    await stacks.playToEnd();
    await expect(stacks.cellsIn('running')).toHaveCount(20);
    await expect(stacks.cellsIn('rejected')).toHaveCount(20);
    await expect(stacks.instance(19)).toHaveAttribute('data-state', 'running');
    await expect(stacks.instance(20)).toHaveAttribute('data-state', 'rejected');
    await expect(stacks.memoryText).toContainText('memory 31 GiB of 32 GiB used');
  });

  test('instances: a bad value names the field and is not applied', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene('stack=container&instances=40');
    await page.getByTestId('stacks.param.instances').fill('501');
    await expect(page.getByTestId('stacks.param.instances.error')).toHaveText('instances must be an integer from 1 to 500');
    expect(stacks.hashParam('instances')).toBe('40');
    await page.getByTestId('stacks.param.instances').fill('100');
    await expect(stacks.fit).toHaveText('fit: 62 of 100');
    await page.getByTestId('stacks.param.vmHourly').fill('free');
    await expect(page.getByTestId('stacks.param.vmHourly.error')).toHaveText('vmHourly must be a number from 0.001 to 1000');
    // The seed's calculator: $50 of an engineer's hour rents 50 / 0.154 = 324.7 machine-hours; 40 h × $0.154 = $6.16.
    await expect(page.getByTestId('stacks.calc.dev-result')).toContainText('325');
    await expect(page.getByTestId('stacks.calc.machine-result')).toContainText('$6.16');
  });

  test('functions: a bursty hour has its cold starts in the first burst, then warm reuse', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene('stack=function&trace=bursty');
    // Burst of 30 requests 20 ms apart, each busy 250 ms cold start + 120 ms run = 370 ms:
    // request i may reuse instance 0 once 20 i ≥ 370, i.e. from i = 19: requests 0..18 are cold.
    await expect(page.getByTestId('stacks.functions')).toContainText('360 requests, 19 cold');
    await expect(page.getByTestId('stacks.trace')).toBeVisible();
    await stacks.playToEnd();
    await expect(page.getByTestId('stacks.functions.requests')).toHaveText('360');
    await expect(page.getByTestId('stacks.functions.cold')).toHaveText('19');
    await expect(page.getByTestId('stacks.functions.warm')).toHaveText('341');
    // Ten minutes after the last request every instance has scaled to zero.
    await expect(stacks.cellsIn('stopped')).toHaveCount(19);
    await expect(page.getByTestId('stacks.functions.vm-cost')).not.toBeEmpty();
  });

  test('real run: four measured start-up bars beside the documented ones, notes; cancel a long run', async ({ page }) => {
    const stacks = new StacksPage(page);
    await stacks.openScene();
    await stacks.openPanel('Real run');
    await expect(page.getByTestId('stacks.real.bar.vm')).toBeVisible();
    await expect(page.getByTestId('stacks.real.bar.call')).toHaveCount(0);
    await page.getByTestId('stacks.real.repeat').selectOption('5');
    await page.getByTestId('stacks.real.run').click();
    for (const kind of ['call', 'worker', 'process', 'runtime']) {
      await expect(page.getByTestId(`stacks.real.bar.${kind}`)).toBeVisible({ timeout: 60_000 });
    }
    await expect(page.locator('.startup-bar.measured')).toHaveCount(4);
    await expect(page.locator('.startup-bar.documented')).toHaveCount(3);
    const ms = async (kind: string) => Number(await page.getByTestId(`stacks.real.bar.${kind}`).getAttribute('data-ms'));
    expect(await ms('call')).toBeGreaterThan(0);
    expect((await ms('call')) * 100).toBeLessThan(await ms('worker'));
    await expect(page.getByTestId('stacks.real.notes')).toContainText('not measured');
    await expect(page.getByTestId('stacks.real.stamp')).toContainText('cores');

    await page.getByTestId('stacks.real.repeat').selectOption('50');
    await page.getByTestId('stacks.real.run').click();
    await expect(page.getByTestId('stacks.real.progress')).toBeVisible();
    await page.getByTestId('stacks.real.cancel').click();
    await expect(page.getByTestId('stacks.real.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByTestId('stacks.real.run')).toBeVisible();
  });
});
