import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

describe('nanoscope simd', () => {
  it('N=10 at width 4: 3 vector iterations incl. a tail of 2 lanes, 3 cycles, compute-bound', async () => {
    const r = await cli('simd', '--kernel', 'add', '--n', '10', '--width', '4', '--style', 'simd', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kernel: 'add', style: 'simd', n: 10, width: 4, cycles: 3, lanes_used: 4, bound: 'compute', iterations: 3, full_iterations: 2, tail_lanes: 2, level: 'L1', machine: '2020' });
    expect(out.ns).toBeCloseTo(3 / 3.6, 9);
    expect(Object.keys(out).slice(0, 9)).toEqual(['kernel', 'style', 'n', 'width', 'machine', 'cycles', 'ns', 'lanes_used', 'bound']);
    expect(out.styles.map((s: { style: string }) => s.style)).toEqual(['interpreted', 'scalar', 'simd', 'gpu']);
    expect(out.roofline.roofs.map((x: { level: string }) => x.level)).toEqual(['L1', 'L2', 'L3', 'RAM']);
  });

  it('saxpy from RAM is memory-bound (1/6 flop/byte, 20 GB/s: 60 ms for 10⁸ elements)', async () => {
    const out = JSON.parse((await cli('simd', '--kernel', 'saxpy', '--n', '100000000', '--json')).stdout);
    expect(out).toMatchObject({ bound: 'memory', level: 'RAM', width: 8 });
    expect(out.ns).toBeCloseTo(60e6, 0);
    expect(out.arithmetic_intensity).toBeCloseTo(1 / 6, 9);
  });

  it('exits 2 on a bad flag or a missing one, 1 naming the flag on a bad value', async () => {
    expect((await cli('simd', '--kernel', 'add', '--n', '10', '--lanes', '4')).code).toBe(2);
    expect((await cli('simd', '--n', '10')).code).toBe(2);
    const width = await cli('simd', '--kernel', 'add', '--n', '10', '--width', '5', '--json');
    expect(width.code).toBe(1);
    expect(JSON.parse(width.stderr).error.message).toBe('--width must be one of 4, 8, 16 (got "5")');
    const kernel = await cli('simd', '--kernel', 'fma', '--n', '10');
    expect(kernel.code).toBe(1);
    expect(kernel.stderr).toMatch(/--kernel must be one of add, sum, saxpy, branchy/);
    const n = await cli('simd', '--kernel', 'sum', '--n', '0');
    expect(n.code).toBe(1);
    expect(n.stderr).toMatch(/--n must be an integer from 1 to 1000000000/);
    expect((await cli('simd', '--kernel', 'sum', '--n', '4', '--style', 'vector')).code).toBe(1);
  });
});

describe('nanoscope measure simd', () => {
  it('runs the wasm and JS kernels on small arrays; every checksum agrees', async () => {
    const r = await cli('measure', 'simd', '--sizes', '16K,64K', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(2 * 2 * 4);
    for (const row of out.results) {
      expect(Object.keys(row).slice(0, 5)).toEqual(['kernel', 'impl', 'bytes', 'gbps', 'checksum']);
      expect(['sum', 'saxpy']).toContain(row.kernel);
      expect(['js-loop', 'js-map', 'wasm-scalar', 'wasm-simd']).toContain(row.impl);
      expect([16384, 65536]).toContain(row.bytes);
      expect(row.gbps).toBeGreaterThan(0);
      expect(row.agrees).toBe(true);
    }
    expect(out.speedups).toHaveLength(4);
    expect(r.stderr).toMatch(/wasm-simd/);
  });

  it('exits 1 naming --sizes for a bad size, 2 for a flag of another measurement', async () => {
    const bad = await cli('measure', 'simd', '--sizes', '16K,10', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toMatch(/^--sizes\[1\] must be an integer from 64 to 268435456/);
    const odd = await cli('measure', 'simd', '--sizes', '66');
    expect(odd.code).toBe(1);
    expect(odd.stderr).toMatch(/--sizes\[0\] must be a multiple of 4 bytes/);
    expect((await cli('measure', 'simd', '--repeat', '3')).code).toBe(2);
  });
});
