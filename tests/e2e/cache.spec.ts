import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { CachePage } from './pages/cachePage';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/cache/${name}`, import.meta.url));

test.describe('memory hierarchy', () => {
  test('opens from the sidebar and from a URL with exact params', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.open('#/');
    await cache.sidebar.getByRole('link', { name: /Memory Hierarchy/ }).click();
    await expect(cache.side(0)).toBeVisible();
    expect(new URL(page.url()).hash).toMatch(/^#\/memory-hierarchy/);
    await expect(cache.field(0, 'label')).toHaveText('Row-major traversal');
    await expect(cache.field(1, 'label')).toHaveText('Column-major traversal');
    // The default pace fits the run: the whole story plays in 15–30 s.
    await expect(cache.speedLabel).toHaveText(/of machine time = 1 s on screen · whole run (1[5-9]|2\d|30) s$/);

    await cache.openScene('preset=2012&left=sequential&right=random&rows=8&cols=4&working=1024&count=20');
    await expect(cache.preset).toHaveValue('2012');
    await expect(cache.left).toHaveValue('sequential');
    await expect(cache.right).toHaveValue('random');
    await expect(page.getByTestId('cache.param.working')).toHaveValue('1024');
    // 8 × 4 elements = 32 reads for the sweep, capped at count = 20; random reads count = 20.
    await expect(cache.field(0, 'accesses')).toHaveText('0 / 20');
    await expect(cache.field(1, 'accesses')).toHaveText('0 / 20');
    // The 2012 L1: 32 KiB / 64 B / 8 ways = 64 sets × 8 ways, drawn; its L2 (4096 lines) is a counter bar.
    await expect(page.getByTestId('cache.side-0.l1.set-63.way-7')).toBeVisible();
    await expect(page.getByTestId('cache.side-0.l2')).toHaveAttribute('data-drawn', 'false');
    expect(cache.hashParam('count')).toBe('20');
  });

  test('the default lesson: same reads, column-major takes longer and misses more; step back is exact', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    await expect(cache.field(0, 'accesses')).toHaveText('0 / 1024');
    for (let i = 0; i < 3; i++) await cache.stepForwardButton.click();
    await expect.poll(() => cache.eventIndex()).toBe(3);
    // Events 1 and 2 at t = 0: each side's first read, a miss all the way to memory: 1 + 4 + 12 + 100 = 117 ns.
    // Event 3 at t = 117 ns: the left side's second read (address 8, the same 16-byte line): an L1 hit, 1 ns.
    expect([await cache.accessesDone(0), await cache.accessesDone(1)]).toEqual([2, 1]);
    expect([await cache.elapsedNs(0), await cache.elapsedNs(1)]).toEqual([118, 117]);
    await expect(page.getByTestId('cache.side-0.last')).toHaveText('last: ✓ L1 hit, 1 ns');
    await expect(page.getByTestId('cache.side-1.last')).toHaveText('last: ✗ from memory, 117 ns');
    // Column-major's first read is at 0x0; its second would be 0x100 (row 1 of 32 doubles): line 16, set 0, tag 4 — not yet.
    await expect(page.getByTestId('cache.side-0.address.addr')).toHaveText('0x8');
    await expect(page.getByTestId('cache.side-0.address.offset')).toHaveText('8');
    await expect(page.getByTestId('cache.charts')).toBeVisible();
    await expect(page.getByTestId('cache.chart.accesses.side-0')).toHaveAttribute('d', /^M/);

    const before = await cache.snapshot();
    await cache.stepForwardButton.click();
    await expect.poll(() => cache.eventIndex()).toBe(4);
    expect(await cache.snapshot()).not.toBe(before);
    await cache.stepBackButton.click();
    await expect.poll(() => cache.eventIndex()).toBe(3);
    await expect.poll(() => cache.snapshot()).toBe(before);

    await cache.runToEnd();
    expect(await cache.accessesDone(0)).toBe(1024);
    expect(await cache.accessesDone(1)).toBe(1024);
    const rowNs = await cache.elapsedNs(0);
    const colNs = await cache.elapsedNs(1);
    expect(colNs).toBeGreaterThan(rowNs);
    expect(await cache.l1Misses(1)).toBeGreaterThan(await cache.l1Misses(0));
    await expect(cache.headline).toContainText(`Column-major traversal is ${(colNs / rowNs).toFixed(2)}× slower, same Big O`);
  });

  test('"this machine" uses the caches the OS reports, and says its latencies are not measured yet', async ({ page, request }) => {
    const cache = new CachePage(page);
    await cache.openScene('preset=this-machine');
    await expect(cache.preset).toHaveValue('this-machine');
    await expect(page.getByTestId('notices.machine')).toContainText('not measured yet');
    await expect(page.getByTestId('notices.error')).toHaveCount(0);
    // Whether the OS reports caches depends on the host (VMs and containers often hide sysfs;
    // NANOSCOPE_CACHE_SOURCES=none switches every source off): ask the host what it reported.
    const reported = (await (await request.post('/api/osCaches', { data: { args: [] } })).json()) as unknown[];
    // The teaching machine's L1 is 4 sets × 2 ways of 16 B; a real CPU's is not.
    if (reported.length === 0) {
      await expect(page.getByTestId('notices.machine')).toContainText('not reported by the operating system');
      return;
    }
    await expect(page.getByTestId('cache.side-0.l1')).not.toContainText('4 × 2 × 16 B');
    // Every access takes 0 ns here, so the scrubber's end is the last event.
    await page.getByTestId('controls.scrub').fill('1000');
    await expect(cache.headline).toContainText('Times need latencies');
  });

  test('changing a pattern updates the URL; bad params give a notice and a named field error', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    await cache.right.selectOption('sequential');
    await expect(cache.field(1, 'label')).toHaveText('Sequential sweep');
    await expect.poll(() => cache.hashParam('right')).toBe('sequential');

    await cache.openScene('rows=0&left=bogus');
    await expect(page.getByTestId('notices.ignored')).toContainText('rows must be an integer from 1 to 256');
    await expect(page.getByTestId('notices.ignored')).toContainText('left must be one of');
    await expect(cache.left).toHaveValue('row-major');

    const rows = page.getByTestId('cache.param.rows');
    await rows.fill('300');
    await rows.press('Enter');
    await expect(page.getByTestId('cache.param.rows.error')).toHaveText('Rows (matrix; n for multiply): rows must be an integer from 1 to 256 (got “300”).');
    expect(cache.hashParam('rows')).toBe('32');
    await rows.fill('4');
    await rows.press('Enter');
    await expect.poll(() => cache.hashParam('rows')).toBe('4');
    await expect(cache.field(0, 'accesses')).toHaveText('0 / 128'); // 4 rows × 32 columns
  });

  test('a small lackey trace gives exactly the counters worked out by hand', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    await cache.traceFile.setInputFiles(fixture('small.lackey'));
    await expect(page.getByTestId('cache.trace.summary')).toContainText('small.lackey (lackey): 8 lines, 6 records on Teaching machine');
    // Teaching machine: L1 4 sets × 2 ways × 16 B, L2 8 × 4 × 16 B, L3 16 × 4 × 32 B; LRU, write-back, write-allocate.
    // The banner and the I line are ignored. All six records map to L1 set 0 (lines 0, 0, 4, 8, 0, 12):
    //  L 0x00   L1 read miss → L2 read miss → L3 read miss → memory read 1
    //  L 0x08   L1 read hit (same 16-byte line)
    //  S 0x40   L1 write miss, allocated dirty in way 1; fill: L2 read miss, L3 read miss, memory read 2
    //  M 0x80   load: L1 read miss, evicts line 0 (clean); L2 read miss, L3 read miss, memory read 3
    //           store: L1 write hit (now dirty)
    //  L 0x00   L1 read miss, evicts line 4 (dirty: writeback 1); L2 read hit; the writeback is an L2 write hit
    //  L 0xc0   L1 read miss, evicts line 8 (dirty: writeback 2); L2 read miss, L3 read miss, memory read 4;
    //           the writeback is an L2 write hit
    const expected: Record<string, Record<string, number>> = {
      L1: { accesses: 7, hits: 2, misses: 5, reads: 5, read_hits: 1, read_misses: 4, writes: 2, write_hits: 1, write_misses: 1, writebacks: 2 },
      L2: { accesses: 7, hits: 3, misses: 4, reads: 5, read_hits: 1, read_misses: 4, writes: 2, write_hits: 2, write_misses: 0, writebacks: 0 },
      L3: { accesses: 4, hits: 0, misses: 4, reads: 4, read_hits: 0, read_misses: 4, writes: 0, write_hits: 0, write_misses: 0, writebacks: 0 },
    };
    for (const [level, fields] of Object.entries(expected)) {
      for (const [field, value] of Object.entries(fields)) await expect(page.getByTestId(`cache.trace.${level}.${field}`)).toHaveText(String(value));
    }
    await expect(page.getByTestId('cache.trace.memory.reads')).toHaveText('4');
    await expect(page.getByTestId('cache.trace.memory.writes')).toHaveText('0');
    // AMAT = 1 + 5/7 × (4 + 4/7 × (12 + 4/4 × 100)) = 1 + 5/7 × 68 = 49.57… ns
    await expect(page.getByTestId('cache.trace.amat')).toHaveText('49.6 ns');
    await expect(page.getByTestId('cache.trace-banner')).toContainText('small.lackey done');

    // The same trace gzipped, dropped on the stage: same counters.
    const gz = readFileSync(fixture('small.lackey.gz'));
    const drop = await page.evaluateHandle((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'small.lackey.gz', { type: 'application/gzip' }));
      return data;
    }, [...gz]);
    await cache.cacheStage.dispatchEvent('dragover', { dataTransfer: drop });
    await cache.cacheStage.dispatchEvent('drop', { dataTransfer: drop });
    await expect(page.getByTestId('cache.trace.summary')).toContainText('small.lackey.gz (lackey, gzipped): 8 lines, 6 records');
    await expect(page.getByTestId('cache.trace.L1.writebacks')).toHaveText('2');
    await expect(page.getByTestId('cache.trace.amat')).toHaveText('49.6 ns');
  });

  test('a malformed trace names the line', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    await cache.traceFile.setInputFiles(fixture('bad.lackey'));
    await expect(cache.traceError).toHaveText("line 3:  L 0000zz40,8: expected ',' after the address");
    await expect(page.getByTestId('cache.trace.counters')).toHaveCount(0);
  });

  test('a large trace runs in a worker with progress and can be cancelled', async ({ page }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    // 256 MiB of lackey text, made in the page: far more than a blink to parse.
    const drop = await page.evaluateHandle(() => {
      let line = '';
      for (let i = 0; i < 1024; i++) line += ` L ${(i * 64).toString(16).padStart(8, '0')},8\n`;
      const mib = line.repeat(Math.ceil((1 << 20) / line.length)).slice(0, 1 << 20);
      const cut = mib.lastIndexOf('\n') + 1;
      const chunk = mib.slice(0, cut);
      const data = new DataTransfer();
      data.items.add(new File(Array.from({ length: 256 }, () => chunk), 'big.lackey', { type: 'text/plain' }));
      return data;
    });
    await cache.cacheStage.dispatchEvent('drop', { dataTransfer: drop });
    await expect(page.getByTestId('cache.trace.progress')).toContainText(/big\.lackey: .* of .*, \d+ accesses/);
    await page.getByTestId('cache.trace.cancel').click();
    await expect(cache.traceError).toHaveText('Trace run cancelled.');
    await expect(page.getByTestId('cache.trace.counters')).toHaveCount(0);
    await expect(page.getByTestId('cache.trace.progress')).toHaveCount(0);
  });

  test('measures the memory mountain (quick size) and draws the heat map; a run can be cancelled', async ({ page, request }) => {
    const cache = new CachePage(page);
    await cache.openScene();
    await cache.openPanel('Real run');
    await page.getByTestId('mountain.max-bytes').selectOption({ label: '16 MiB (quick)' });
    await page.getByRole('button', { name: 'Measure the memory mountain' }).click();
    await expect(page.getByTestId('mountain.measured')).toBeVisible({ timeout: 60_000 });
    // 4 KiB … 16 MiB = 13 sizes × 6 strides, every cell measured and > 0.
    const cells = page.locator('[data-testid^="mountain.measured.cell."]');
    await expect(cells).toHaveCount(13 * 6);
    for (const id of ['4096.1', '16777216.32']) {
      expect(Number(await page.getByTestId(`mountain.measured.cell.${id}`).getAttribute('data-gbps'))).toBeGreaterThan(0);
    }
    await expect(page.getByTestId('mountain.predicted')).toBeVisible();
    await expect(page.getByTestId('mountain.stamp')).toContainText('cores');
    await expect(page.getByTestId('mountain.predicted.cache.L1')).toBeVisible();

    await page.getByTestId('mountain.max-bytes').selectOption({ label: '1 GiB' });
    await page.getByRole('button', { name: 'Measure the memory mountain' }).click();
    await expect(page.getByTestId('mountain.progress')).toBeVisible();
    await page.getByTestId('mountain.cancel').click();
    await expect(page.getByTestId('mountain.error')).toHaveText('Measurement cancelled.');
    await expect(page.getByRole('button', { name: 'Measure the memory mountain' })).toBeVisible();
    // The host is free again: a bad request is judged on its arguments, not refused as busy.
    const response = await request.post('/api/startMeasurement', { data: { args: [{ kind: 'memory-mountain', params: { maxBytes: 4096, strides: [65] } }] } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toBe('startMeasurement: params.strides[0] must be an integer from 1 to 64');
  });
});
