import { test, expect } from './fixtures';
import { SimdPage } from './pages/simdPage';

// The 2020 preset core: 3.6 GHz, c = a + b is limited by its one store port to 1 cycle an
// iteration. N = 10: width 4 → 2 full iterations + a tail of 2 lanes = 3 cycles; width 8 →
// 1 full + a tail of 2 = 2 cycles (see src/sim/simd/simd.test.ts).

test.describe('simd scene', () => {
  test('lanes light up together; a tail lights only some; wider registers need fewer cycles', async ({ page }) => {
    const simd = new SimdPage(page);
    await simd.openScene('kernel=add&style=simd&width=4&n=10');
    await expect(simd.allLanes()).toHaveCount(4);
    await expect(simd.totalCycles).toHaveText('3');
    await expect(simd.activeLanes()).toHaveCount(0);
    await expect(page.getByTestId('simd.tail')).toHaveText('2 full iterations + a tail of 2 lanes = 3');

    await simd.stepTo(1);
    await expect(simd.activeLanes()).toHaveCount(4);
    await expect(simd.lane(3)).toContainText('[3]');
    await simd.stepTo(3);
    await expect(simd.phase).toHaveAttribute('data-phase', 'tail');
    await expect(simd.activeLanes()).toHaveCount(2);
    await expect(simd.lane(1)).toContainText('[9]');
    await expect(simd.lane(2)).toHaveAttribute('data-active', 'false');
    await expect(simd.cycles).toHaveText('2');
    await simd.stepTo(4);
    await expect(simd.cycles).toHaveText('3');

    await page.getByTestId('simd.param.width.8').check();
    await expect(simd.stageRoot).toHaveAttribute('data-width', '8');
    expect(simd.hashParam('width')).toBe('8');
    await expect(simd.allLanes()).toHaveCount(8);
    await expect(simd.totalCycles).toHaveText('2');
    await expect(page.getByTestId('simd.tail')).toHaveText('1 full iteration + a tail of 2 lanes = 2');
    await simd.stepTo(1);
    await expect(simd.activeLanes()).toHaveCount(8);
    await expect(simd.lane(7)).toContainText('[7]');
  });

  test('scalar code uses one lane; the speedup bars and the roofline show every style', async ({ page }) => {
    const simd = new SimdPage(page);
    await simd.openScene('kernel=sum&style=scalar&width=8&n=100');
    await simd.stepTo(1);
    await expect(simd.activeLanes()).toHaveCount(1);
    await expect(simd.lane(0)).toHaveAttribute('data-active', 'true');
    for (const style of ['interpreted', 'scalar', 'simd', 'gpu']) {
      await expect(page.getByTestId(`simd.speedup.${style}`)).toBeVisible();
      await expect(page.getByTestId(`simd.roofline.point.${style}`)).toBeVisible();
    }
    await expect(page.getByTestId('simd.speedup.interpreted')).toHaveAttribute('data-speedup', '1.000');
    const speedup = async (s: string) => Number(await page.getByTestId(`simd.speedup.${s}`).getAttribute('data-speedup'));
    expect(await speedup('simd')).toBeGreaterThan(await speedup('scalar'));
    await expect(page.getByTestId('simd.roofline.roof.RAM')).toBeVisible();

    // 10⁸ elements do not fit in L3. The scalar sum still waits on its add latency (4 cycles
    // for 4 bytes = 3.6 GB/s < 20 GB/s): compute-bound. SIMD is memory-bound, on the RAM roof.
    await page.getByTestId('simd.param.n.100000000').click();
    await expect(page.getByTestId('simd.bound')).toHaveText('compute-bound');
    await page.getByTestId('simd.param.style.simd').check();
    await expect(page.getByTestId('simd.bound')).toHaveText('memory-bound');
    await expect(page.getByTestId('simd.roofline.roof.RAM')).toHaveClass(/current/);
    await page.getByTestId('simd.param.n').fill('0');
    await expect(page.getByTestId('simd.param.n.error')).toHaveText('n must be an integer from 1 to 1000000000');
    expect(simd.hashParam('n')).toBe('100000000');
  });

  test('explain follows the seed: apply is not vectorized, CPU vs GPU, float32 rounding', async ({ page }) => {
    const simd = new SimdPage(page);
    await simd.openScene();
    await simd.openPanel('Explain');
    const explain = page.getByTestId('simd.explain');
    await expect(explain).toContainText('Vectorization with numpy and pandas');
    await expect(explain).toContainText("it's a convenience function");
    await expect(explain).toContainText('CPU vs GPU');
    await expect(explain).toContainText('float32 keeps about 7 significant digits');
  });

  test('real run: measured GB/s bars beside the model, checksums agree; cancel', async ({ page }) => {
    const simd = new SimdPage(page);
    await simd.openScene();
    await simd.openPanel('Real run');
    await expect(page.getByTestId('simd.real.empty')).toBeVisible();
    await page.getByTestId('simd.real.sizes').selectOption('quick');
    await page.getByTestId('simd.real.run').click();
    for (const impl of ['js-loop', 'js-map', 'wasm-scalar', 'wasm-simd']) {
      await expect(page.getByTestId(`simd.real.bar.sum.${impl}.16384`)).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId(`simd.real.model.sum.${impl}.16384`)).toBeAttached();
    }
    const gbps = Number(await page.getByTestId('simd.real.bar.sum.wasm-simd.16384').getAttribute('data-gbps'));
    expect(gbps).toBeGreaterThan(0);
    await expect(page.getByTestId('simd.real.checksums')).toHaveAttribute('data-agree', 'true');
    await expect(page.getByTestId('simd.real.ratio')).toContainText('the scalar wasm kernel on 16 KiB');
    await page.getByTestId('simd.real.kernel.saxpy').check();
    await expect(page.getByTestId('simd.real.bar.saxpy.wasm-simd.262144')).toBeVisible();

    await page.getByTestId('simd.real.sizes').selectOption('standard');
    await page.getByTestId('simd.real.run').click();
    await expect(page.getByTestId('simd.real.progress')).toBeVisible();
    await page.getByTestId('simd.real.cancel').click();
    await expect(page.getByTestId('simd.real.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByTestId('simd.real.run')).toBeVisible();
  });
});
