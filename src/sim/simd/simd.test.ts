import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { attainable, compareStyles, horizontalAddCycles, memoryPath, peakFlops, roofline, runKernel } from './simd';

// The 2020 preset: 3.6 GHz; L1d 32 KiB, L2 512 KiB, L3 16 MiB; no RAM bandwidth → 20 GB/s.
const machine = getPreset('2020')!;

describe('lane maths', () => {
  it('N=10 at width 4: 2 full vector iterations + 1 tail of 2 lanes = 3', () => {
    const r = runKernel({ kernel: 'add', n: 10, width: 4, style: 'simd', machine });
    expect([r.iterations, r.fullIterations, r.tailLanes, r.lanesUsed]).toEqual([3, 2, 2, 4]);
    // Per iteration: 1 FP op / 2 ports, 2 ALU / 4, 2 loads / 2, 1 store / 1 → the store port: 1 cycle.
    // 3 cycles = 0.833 ns; 120 bytes from L1 at 64 B × 3.6 GHz = 230.4 GB/s take 0.52 ns → compute.
    expect(r.cycles).toBe(3);
    expect(r.ns).toBeCloseTo(3 / 3.6, 12);
    expect(r.memoryNs).toBeCloseTo(120 / 230.4, 12);
    expect(r.bound).toBe('compute');
    expect(r.level).toBe('L1');
  });

  it('wider registers need fewer iterations; an exact multiple has no tail', () => {
    const at = (width: number, n: number) => runKernel({ kernel: 'add', n, width, style: 'simd', machine });
    expect([at(8, 10).iterations, at(8, 10).tailLanes, at(16, 10).iterations, at(16, 10).tailLanes]).toEqual([2, 2, 1, 10]);
    expect([at(4, 16).iterations, at(4, 16).tailLanes]).toEqual([4, 0]);
    // 3, 2, 1 iterations of 1 cycle; at 16 lanes the 120 bytes take 0.52 ns = 1.875 cycles from
    // L1, so L1's bandwidth decides: 2 cycles, memory-bound.
    expect([at(4, 10).cycles, at(8, 10).cycles, at(16, 10).cycles]).toEqual([3, 2, 2]);
    expect(at(16, 10).bound).toBe('memory');
  });

  it('a scalar sum waits on the add latency; SIMD keeps accumulators and ends with a horizontal add', () => {
    // Scalar: 1,024 dependent adds × 4 cycles = 4,096 cycles.
    expect(runKernel({ kernel: 'sum', n: 1024, width: 8, style: 'scalar', machine }).cycles).toBe(4096);
    // SIMD at 8 lanes: 128 iterations × ½ cycle (1 load, 2 ports) = 64, + combine 4 accumulators
    // (2 × 4) + log2(8) = 3 shuffle-adds × 4 = 20 → 84 cycles.
    expect(horizontalAddCycles(8)).toBe(20);
    const simd = runKernel({ kernel: 'sum', n: 1024, width: 8, style: 'simd', machine });
    expect(simd.reduceCycles).toBe(20);
    expect(simd.cycles).toBe(84);
  });

  it('interpreted: 50 ns per element on top; branchy scalar pays a mispredict on half the elements', () => {
    const interp = runKernel({ kernel: 'add', n: 100, width: 8, style: 'interpreted', machine });
    expect(interp.ns).toBeCloseTo(100 / 3.6 + 100 * 50, 9);
    const branchy = runKernel({ kernel: 'branchy', n: 100, width: 8, style: 'scalar', machine });
    // 100 iterations × 1 cycle (store port) + 50 mispredicts × 3 ns (2020 preset).
    expect(branchy.ns).toBeCloseTo(100 / 3.6 + 150, 9);
    // SIMD: compare + blend instead of a branch: 13 iterations × max(3/2 FP, 1 store) = 19.5 cycles.
    expect(runKernel({ kernel: 'branchy', n: 100, width: 8, style: 'simd', machine }).ns).toBeCloseTo(19.5 / 3.6, 9);
  });
});

describe('memory path and roofline', () => {
  it('picks the first level that holds the working set', () => {
    expect(memoryPath(machine, 32 * 1024)).toEqual({ level: 'L1', bandwidth: 64 * 3.6e9 });
    expect(memoryPath(machine, 32 * 1024 + 1)).toEqual({ level: 'L2', bandwidth: 32 * 3.6e9 });
    expect(memoryPath(machine, 16 * 2 ** 20)).toEqual({ level: 'L3', bandwidth: 16 * 3.6e9 });
    expect(memoryPath(machine, 16 * 2 ** 20 + 1)).toEqual({ level: 'RAM', bandwidth: 20e9 });
  });

  it('has a peak line and one roof per level', () => {
    const r = roofline(machine, 8);
    // 3.6 GHz × 2 FMA ports × 8 lanes × 2 flops = 115.2 GFLOP/s.
    expect(r.peakFlops).toBeCloseTo(115.2e9, 0);
    expect(r.roofs.map((x) => x.level)).toEqual(['L1', 'L2', 'L3', 'RAM']);
    expect(r.roofs[3]!.ridge).toBeCloseTo(115.2e9 / 20e9, 12); // 5.76 flops/byte
  });

  it('saxpy from RAM is memory-bound and sits on the RAM roof', () => {
    // 10⁸ elements × 12 bytes = 1.2 GB; 2 flops / 12 bytes = 1/6 flop/byte, far left of the
    // ridge (5.76): 1.2 GB / 20 GB/s = 60 ms, vs 12.5 M iterations × 1 cycle = 3.5 ms of compute.
    const r = runKernel({ kernel: 'saxpy', n: 1e8, width: 8, style: 'simd', machine });
    expect(r.level).toBe('RAM');
    expect(r.arithmeticIntensity).toBeCloseTo(1 / 6, 12);
    expect(r.bound).toBe('memory');
    expect(r.ns).toBeCloseTo(60e6, 3);
    expect(r.achievedFlops).toBeCloseTo(attainable(1 / 6, peakFlops(machine, 8), 20e9), 0); // 3.33 GFLOP/s
  });

  it('a scalar sum in L1 is compute-bound: right of its ridge', () => {
    // 1/4 flop/byte; scalar peak 3.6 × 2 × 1 × 2 = 14.4 GFLOP/s; L1 ridge 14.4 / 230.4 = 1/16.
    const r = runKernel({ kernel: 'sum', n: 1000, width: 8, style: 'scalar', machine });
    expect(r.arithmeticIntensity).toBe(0.25);
    expect(r.peakFlops / r.bandwidth).toBeCloseTo(1 / 16, 12);
    expect(r.bound).toBe('compute');
    expect(r.achievedFlops).toBeLessThan(attainable(0.25, r.peakFlops, r.bandwidth));
  });
});

describe('styles', () => {
  it('the GPU pays launch and PCIe first, so a streaming add loses to the CPU', () => {
    // 10⁶ adds: 8 MB in + 4 MB out over 12 GB/s = 1 ms + 10 µs launch + 12 MB / 500 GB/s = 24 µs.
    const gpu = runKernel({ kernel: 'add', n: 1e6, width: 8, style: 'gpu', machine });
    expect(gpu.transferNs).toBeCloseTo(1.01e6, 3);
    expect(gpu.ns).toBeCloseTo(1.034e6, 3);
    expect(gpu.bound).toBe('memory');
    // CPU SIMD: 12 MB in L3 at 57.6 GB/s = 208 µs.
    const cpu = runKernel({ kernel: 'add', n: 1e6, width: 8, style: 'simd', machine });
    expect(cpu.ns).toBeCloseTo(12e6 / 57.6, 3);
    expect(cpu.ns).toBeLessThan(gpu.ns);
  });

  it('orders interpreted < scalar < SIMD for a small add, speedups relative to interpreted', () => {
    const rows = compareStyles('add', 1000, 8, machine);
    expect(rows.map((r) => r.style)).toEqual(['interpreted', 'scalar', 'simd', 'gpu']);
    expect(rows[0]!.speedup).toBe(1);
    expect(rows[1]!.speedup).toBeGreaterThan(100);
    expect(rows[2]!.speedup).toBeGreaterThan(rows[1]!.speedup);
  });

  it('is deterministic', () => {
    const a = compareStyles('saxpy', 12345, 16, machine);
    const b = compareStyles('saxpy', 12345, 16, machine);
    expect(a).toEqual(b);
  });
});
