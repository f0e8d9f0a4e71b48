import { describe, expect, it } from 'vitest';
import { sleb, uleb } from '../../src/main/wasm/emit';
import {
  fillData, instantiateKernels, jsLoopSaxpy, jsLoopSum, jsMapSaxpy, jsMapSum, kernelModuleBytes, saxpyF32, sumAbs, sumF32Lanes, sumF32Sequential, sumF64, wasmApi,
} from '../../src/main/wasm/kernels';

describe('wasm emitter', () => {
  it('writes LEB128 as the spec examples do', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-4)).toEqual([0x7c]);
  });

  it('builds a module WebAssembly accepts', () => {
    expect(wasmApi().validate(kernelModuleBytes())).toBe(true);
  });
});

describe('wasm kernels against the JS float32 reference (a real run in Node)', () => {
  for (const n of [0, 1, 3, 4, 10, 16, 17, 31, 1000, 4099]) {
    it(`sum and saxpy of ${n} elements`, async () => {
      const k = await instantiateKernels();
      const bytes = n * 4;
      const pages = Math.ceil((bytes * 3 + 64) / 65536);
      if (pages > 1) k.memory.grow(pages - 1);
      const [px, py, pz] = [0, bytes, 2 * bytes];
      const x = new Float32Array(k.memory.buffer, px, n);
      const y = new Float32Array(k.memory.buffer, py, n);
      const z = new Float32Array(k.memory.buffer, pz, n);
      fillData(x, 1);
      fillData(y, 2);
      // Same order, same float32 rounding: bit-for-bit equal.
      expect(k.sum_scalar(px, n)).toBe(sumF32Sequential(x));
      expect(k.sum_simd(px, n)).toBe(sumF32Lanes(x));
      const exact = sumF64(x);
      const tol = 1e-6 * sumAbs(x) + 1e-12;
      for (const s of [k.sum_scalar(px, n), k.sum_simd(px, n), jsLoopSum(x), jsMapSum(x)]) expect(Math.abs(s - exact)).toBeLessThanOrEqual(tol);

      const ref = new Float32Array(n);
      saxpyF32(2.5, x, y, ref);
      k.saxpy_scalar(2.5, px, py, pz, n);
      expect([...z]).toEqual([...ref]);
      z.fill(0);
      k.saxpy_simd(2.5, px, py, pz, n);
      expect([...z]).toEqual([...ref]);
      const js = new Float32Array(n);
      jsLoopSaxpy(2.5, x, y, js);
      const map = new Float32Array(n);
      jsMapSaxpy(2.5, x, y, map);
      for (let i = 0; i < n; i++) {
        // One rounding (JS doubles) vs two (float32 ops): within two float32 steps of the operands' scale.
        expect(Math.abs(js[i]! - ref[i]!)).toBeLessThanOrEqual((Math.abs(2.5 * x[i]!) + Math.abs(y[i]!)) * 2 ** -22);
        expect(map[i]).toBe(js[i]);
      }
    });
  }
});
