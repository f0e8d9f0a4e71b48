import { test, expect } from './fixtures';
import { BigOPage } from './pages/bigoPage';

// CPython 3.11's list_resize, worked by hand: insert(0, x) on an empty list allocates 4 slots
// ((1 + 0 + 6) & ~3); the 5th element needs (5 + 0 + 6) & ~3 = 8. Each insert(0, x) on a list
// of n shifts n elements right. (The model is checked against sys.getsizeof in src/sim/bigo.)

test.describe('big-o scene', () => {
  test('insert(0, x): elements slide right, the 5th insert copies the array into 8 slots; step back undoes it', async ({ page }) => {
    const bigo = new BigOPage(page);
    await bigo.openScene('structure=list&mix=front&n=6');
    await expect(bigo.stepText).toContainText('an empty list');
    await expect(bigo.array).toHaveAttribute('data-capacity', '0');
    await bigo.stepTo(1);
    await expect(bigo.array).toHaveAttribute('data-capacity', '4');
    await expect(bigo.stepText).toHaveText('insert(0, x); nothing moves; the list grows from 0 to 4 slots');
    await bigo.stepTo(4);
    expect(await bigo.itemIds()).toEqual([3, 2, 1, 0]);
    await expect(page.getByTestId('bigo.moved')).toHaveText('moved 6'); // 0 + 1 + 2 + 3
    await bigo.stepTo(5);
    await expect(bigo.stepText).toHaveText('insert(0, x); 4 elements shift right; the list grows from 4 to 8 slots (4 copied to the new array)');
    await expect(bigo.array).toHaveAttribute('data-capacity', '8');
    await expect(page.getByTestId('bigo.slot.7')).toBeVisible();
    expect(await bigo.itemIds()).toEqual([4, 3, 2, 1, 0]);
    await expect(page.getByTestId('bigo.bytes')).toContainText('120 bytes'); // 56 + 8 × 8
    await expect(page.getByTestId('bigo.wasted')).toHaveText('3 empty slots of 8');
    await bigo.stepBackButton.click();
    await expect(bigo.array).toHaveAttribute('data-capacity', '4');
    expect(await bigo.itemIds()).toEqual([3, 2, 1, 0]);
    await expect(page.getByTestId('bigo.cli')).toHaveText('nanoscope bigo --structure list --ops insert0*6');
  });

  test('a deque opens a block at the right end on the 33rd append; the growth chart shows guides, slopes and this run', async ({ page }) => {
    const bigo = new BigOPage(page);
    await bigo.openScene('structure=deque&mix=back&n=40');
    await expect(bigo.deque).toHaveAttribute('data-blocks', '1');
    await bigo.stepTo(32);
    await expect(bigo.deque).toHaveAttribute('data-blocks', '1');
    await bigo.stepTo(33);
    await expect(bigo.deque).toHaveAttribute('data-blocks', '2');
    await expect(bigo.stepText).toHaveText('append(x); nothing moves; a new block of 64 slots opens at the right end');
    for (const g of ['o1', 'ologn', 'on', 'onlogn', 'on2']) await expect(page.getByTestId(`bigo.guide.${g}`)).toBeAttached();
    await expect(page.getByTestId('bigo.slope.appendleft')).toContainText('fitted slope 1.00');
    await expect(page.getByTestId('bigo.growth.here')).toHaveAttribute('data-n', '33');

    // Switching to a list: the front curve has slope ≈ 2.
    await page.getByTestId('bigo.param.structure').selectOption('list');
    await expect(bigo.stageRoot).toHaveAttribute('data-structure', 'list');
    expect(bigo.hashParam('structure')).toBe('list');
    const slope = Number(await page.getByTestId('bigo.curve.insert0').getAttribute('data-slope'));
    expect(slope).toBeGreaterThan(1.9);
    expect(slope).toBeLessThan(2.05);
  });

  test('bad input is named and not applied: n out of range, a SPEC token, a pop on empty', async ({ page }) => {
    const bigo = new BigOPage(page);
    await bigo.openScene('structure=list&mix=front&n=6');
    await page.getByTestId('bigo.param.n').fill('513');
    await expect(page.getByTestId('bigo.param.n.error')).toHaveText('n must be an integer from 1 to 512');
    expect(bigo.hashParam('n')).toBe('6');
    await page.getByTestId('bigo.param.ops').fill('append*3,popleft');
    await expect(page.getByTestId('bigo.param.ops.error')).toContainText('SPEC token 2 "popleft": unknown op "popleft" for a list');
    await page.getByTestId('bigo.param.ops').fill('append*2,pop0*3');
    await expect(page.getByTestId('bigo.param.ops.error')).toContainText('step 4 (pop0');
    await page.getByTestId('bigo.param.ops').fill('append*3,pop0*2');
    await expect(page.getByTestId('bigo.param.ops.error')).toHaveCount(0);
    await expect.poll(() => bigo.hashParam('mix')).toBe('custom');
    await expect(page.getByTestId('bigo.cli')).toHaveText('nanoscope bigo --structure list --ops append*3,pop0*2');
  });

  test('real run: every cell measured with a slope beside the model; checksums agree', async ({ page }) => {
    const bigo = new BigOPage(page);
    await bigo.openScene();
    await bigo.openPanel('Real run');
    await expect(page.getByTestId('bigo.real.empty')).toBeVisible();
    await page.getByTestId('bigo.real.maxN').selectOption('16000');
    await page.getByTestId('bigo.real.repeats').selectOption('1');
    await page.getByTestId('bigo.real.run').click();
    await expect(page.getByTestId('bigo.real.table')).toBeVisible({ timeout: 60_000 });
    for (const cell of ['push', 'unshift', 'shift', 'ring-deque', 'string-concat', 'string-join', 'anagram-sort', 'anagram-count']) {
      await expect(page.getByTestId(`bigo.real.cell.${cell}`)).toBeVisible();
    }
    await expect(page.getByTestId('bigo.real.cell.unshift')).toHaveAttribute('data-model-slope', '2');
    await expect(page.getByTestId('bigo.real.notes')).toContainText('rope');
    await expect(page.getByTestId('bigo.real.notes')).not.toContainText('checksum did not match');
  });
});
