/** Kernel, style, register width and N (all in the URL), and where the model's figures come from. */
import { useApp } from '../../state/store';
import { SourcesList } from '../../components/SourcesList';
import { setParam } from '../../controller/sceneController';
import { KERNEL_SHAPE, KERNELS, STYLES, WIDTHS } from '../../../sim/simd/simd';
import { MAX_N, SIMD_PARAMS } from '../../../sim/simd/scene';
import { ParamNumber } from '../../components/ParamControls';
import { STYLE_LABEL } from './SimdStage';
import { simdViewOf } from './stepReadout';

const N_PRESETS = [10, 100, 10_000, 1_000_000, 100_000_000];

export function SimdInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => simdViewOf(s.frame));
  const kernel = params.kernel ?? 'add';
  const style = params.style ?? 'simd';
  const width = params.width ?? '8';
  return (
    <div className="inspector simd-inspector" data-testid="simd.inspector">
      <label className="field">
        <span>Kernel</span>
        <select value={kernel} onChange={(e) => setParam('kernel', e.target.value)} data-testid="simd.param.kernel">
          {KERNELS.map((k) => (
            <option key={k} value={k}>
              {k}: {KERNEL_SHAPE[k].text}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field simd-choices">
        <legend>Style</legend>
        {STYLES.map((s) => (
          <label key={s} className="inline">
            <input type="radio" name="simd-style" value={s} checked={style === s} onChange={() => setParam('style', s)} data-testid={`simd.param.style.${s}`} />
            {STYLE_LABEL[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field simd-choices">
        <legend>SIMD register width</legend>
        {WIDTHS.map((w) => (
          <label key={w} className="inline">
            <input type="radio" name="simd-width" value={w} checked={width === String(w)} onChange={() => setParam('width', String(w))} data-testid={`simd.param.width.${w}`} />
            {w * 32} bits = {w} lanes{w === 4 ? ' (SSE, NEON, wasm)' : w === 8 ? ' (AVX2)' : ' (AVX-512)'}
          </label>
        ))}
      </fieldset>
      <ParamNumber name="n" spec={SIMD_PARAMS.n} label={`Elements N (1–${MAX_N.toLocaleString('en-US')})`} value={params.n} testId="simd.param.n" />
      <div className="simd-presets" role="group" aria-label="N presets">
        {N_PRESETS.map((n) => (
          <button key={n} type="button" onClick={() => setParam('n', String(n))} data-testid={`simd.param.n.${n}`}>
            {n.toLocaleString('en-US')}
          </button>
        ))}
      </div>
      {view && 'sources' in view && <SourcesList sources={view.sources} className="simd-sources" testId="simd.sources" />}
    </div>
  );
}
