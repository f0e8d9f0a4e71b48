/** The lesson, in the project's own words, following the seed's "vectorization with numpy and pandas". */
export function SimdExplain() {
  return (
    <article className="explain" data-testid="simd.explain">
      <h2>Vectorization: SIMD, apply, CPU vs GPU</h2>
      <p>
        A core is not one calculator but several kinds of execution unit working side by side: integer <strong>ALUs</strong>{' '}
        (counting, comparing, computing addresses), <strong>FPUs</strong> (floating-point add, multiply, fused multiply-add)
        and <strong>load/store</strong> units that move data between registers and the caches. A SIMD register holds several
        numbers at once — 128 bits are 4 float32 lanes, 256 bits (AVX2) 8, 512 bits (AVX-512) 16 — and one instruction adds all
        the lanes together. Step through the loop and watch the lanes light up together: at width 8, <code>c = a + b</code>{' '}
        over 100 elements takes 13 iterations instead of 100.
      </p>
      <p>
        <strong>Vectorization with numpy and pandas</strong> is this: <code>a + b</code> on two arrays calls one compiled
        loop that uses SIMD instructions over contiguous float arrays. When N is not a multiple of the width, the last
        iteration is a <strong>tail</strong> with some lanes switched off (N = 10 at width 4: two full iterations and a tail of
        two lanes). A sum ends with a <strong>horizontal add</strong>, folding the lanes of the accumulators into one number.
      </p>
      <p>
        <code>pd.DataFrame.apply</code> is <strong>not vectorized</strong>: it's a convenience function that calls your Python
        function once per row, and each call pays the interpreter — boxing every number into an object, looking up the
        operation, counting references — about 50 ns an element here, a hundred times the work of the add itself. That is the
        "interpreted" style; a plain Python <code>for</code> loop is the same.
      </p>
      <p>
        Where it stops: SIMD makes the arithmetic cheap, so the data has to arrive fast enough. The <strong>roofline</strong>{' '}
        shows it: on x the arithmetic intensity (flops per byte moved — an add of two float32 arrays does 1 flop per 12 bytes),
        on y the flop/s achieved. Each sloped line is a memory level's bandwidth; the flat lines are the core's peaks. A kernel
        left of the ridge is <strong>memory-bound</strong>: wider registers do not help, only keeping the data in a closer cache
        does (try N = 100,000,000, the arrays no longer fit in L3).
      </p>
      <p>
        <strong>CPU vs GPU</strong>: a GPU has thousands of simple lanes and very fast memory of its own, so it wins when there is
        a lot of arithmetic per byte and the data already lives on it. For these one-flop-per-element loops it must first copy
        the arrays over PCIe and launch a kernel — microseconds before the first add — so small arrays lose, and streaming loops
        are limited by PCIe, slower than the CPU's own memory.
      </p>
      <p>
        The <strong>Real run</strong> tab runs a sum and saxpy on this computer four ways: a plain JavaScript loop, a
        callback per element (<code>map</code>/<code>reduce</code>, the apply analogue), and a WebAssembly module built by this
        app with scalar and <code>f32x4</code> SIMD versions. The sums do not all agree to the last digit, and that is expected:
        float32 keeps about 7 significant digits, so each addition rounds, and the SIMD kernel adds in a different order (16
        running sums, then folded), so its roundings differ. JavaScript numbers are float64, so the JS loop rounds less. The
        checksums are compared with a float64 reference to a tolerance of 10⁻⁶ × Σ|x|; the wasm kernels match a JS float32
        re-enactment of their own order exactly.
      </p>
    </article>
  );
}
