/**
 * The vectorization stage: the core (cycle counter, the SIMD register's lanes lighting up per
 * step, the execution units busy in this step, the memory level the data streams from), the
 * speedup of each style and the roofline. React renders when the step changes.
 */
import { useApp } from '../../state/store';
import { useSize } from '../../components/useSize';
import type { SimdView } from '../../../sim/simd/scene';
import { ALU_PER_CYCLE, FP_PER_CYCLE, LOADS_PER_CYCLE, STORES_PER_CYCLE, type Style } from '../../../sim/simd/simd';
import { formatIntensity, logBarsLayout, rooflineLayout } from './charts';
import { simdViewOf } from './stepReadout';
import { formatBytes } from '../../../sim/core/format';
import { formatNsAligned } from '../../../sim/core/format';
import { formatSi } from '../../../sim/core/format';

export const STYLE_LABEL: Record<Style, string> = {
  interpreted: 'interpreted loop (Python, apply)',
  scalar: 'compiled scalar',
  simd: 'SIMD',
  gpu: 'GPU (incl. PCIe copies)',
};

const PHASE_LABEL: Record<SimdView['phase'], string> = {
  start: 'ready',
  loop: 'vector iteration',
  tail: 'tail iteration',
  reduce: 'horizontal add',
  'copy-in': 'copying to the GPU over PCIe',
  compute: 'GPU wave',
  'copy-out': 'copying back over PCIe',
  done: 'done',
};

function Units({ view }: { view: SimdView }) {
  const groups = [
    { id: 'alu', label: 'integer ALUs', ports: ALU_PER_CYCLE, ops: view.units.alu },
    { id: 'fpu', label: 'FPUs (add, mul, FMA)', ports: FP_PER_CYCLE, ops: view.units.fpu },
    { id: 'load-store', label: 'load / store', ports: LOADS_PER_CYCLE + STORES_PER_CYCLE, ops: view.units.loadStore },
  ] as const;
  return (
    <div className="simd-units" aria-label="Execution units">
      {groups.map((g) => (
        <div key={g.id} className={`simd-unit${g.ops > 0 ? ' busy' : ''}`} data-testid={`simd.unit.${g.id}`} data-ops={g.ops}>
          <div className="simd-ports">
            {Array.from({ length: g.ports }, (_, i) => (
              <span key={i} className={`simd-port${i < g.ops ? ' on' : ''}`} />
            ))}
          </div>
          <span className="simd-unit-label">{g.label}</span>
          <span className="simd-unit-ops">{g.ops > 0 ? `${g.ops} op${g.ops === 1 ? '' : 's'} / iteration` : 'idle'}</span>
        </div>
      ))}
    </div>
  );
}

function Register({ view }: { view: SimdView }) {
  const bits = view.width * 32;
  const held = view.lanes.filter((l) => l.element !== null).map((l) => l.element!);
  // Long indices do not fit in a lane: lanes then show their offset from the first element
  // (16 narrow lanes only short indices); the caption below gives the range.
  const offsets = held.some((e) => e >= 1000);
  const label = (e: number): string => (view.width === 16 && e >= 100 ? '•' : offsets ? `+${e - held[0]!}` : `[${e}]`);
  return (
    <div className="simd-register" aria-label={`${bits}-bit register, ${view.width} float32 lanes`}>
      <div className="simd-register-head">
        <span>
          {bits}-bit register: {view.width} float32 lanes
        </span>
        <span className="muted">
          {view.style === 'simd' ? `${view.lanesUsed} lanes per instruction` : view.style === 'gpu' ? `one register's worth of ${view.lanesUsed.toLocaleString('en-US')} GPU lanes` : 'scalar code uses lane 0 only'}
        </span>
      </div>
      <div className="simd-lanes" data-testid="simd.lanes" data-active={view.lanes.filter((l) => l.active).length}>
        {view.lanes.map((l, i) => (
          <div key={i} className={`simd-lane${l.active ? ' on' : ''}`} data-testid={`simd.lane-${i}`} data-active={l.active ? 'true' : 'false'} title={l.element !== null ? `lane ${i}: element ${l.element}` : `lane ${i}: idle`}>
            <span className="simd-lane-index">{i}</span>
            <span className="simd-lane-element">{l.element === null ? '·' : label(l.element)}</span>
          </div>
        ))}
      </div>
      <div className="simd-lanes-caption muted" data-testid="simd.elements">
        {held.length === 0 ? 'no lanes busy in this step' : held.length === 1 ? `element ${held[0]!.toLocaleString('en-US')}` : `elements ${held[0]!.toLocaleString('en-US')} to ${held.at(-1)!.toLocaleString('en-US')}`}
      </div>
    </div>
  );
}

function Core({ view }: { view: SimdView }) {
  const r = view.result;
  return (
    <section className="simd-panel simd-core" aria-label="The core" data-testid="simd.core">
      <h3>
        <code>{view.text}</code> × {view.n.toLocaleString('en-US')}, {STYLE_LABEL[view.style]}
      </h3>
      <div className="simd-counter">
        <span className="simd-cycles" data-testid="simd.cycles">
          {view.cycles.toLocaleString('en-US')}
        </span>
        <span className="simd-cycles-of">
          cycles of <span data-testid="simd.cycles-total">{view.totalCycles.toLocaleString('en-US')}</span> ({formatNsAligned(view.ns)} of {formatNsAligned(view.totalNs)})
        </span>
      </div>
      <p className="simd-phase" data-testid="simd.phase" data-phase={view.phase}>
        {view.phase === 'loop' && view.style !== 'simd' ? 'iteration' : PHASE_LABEL[view.phase]}
        {view.iteration > 0 && view.phase !== 'done' && (
          <>
            {' '}
            <span data-testid="simd.iteration">
              {view.iteration.toLocaleString('en-US')} of {view.iterations.toLocaleString('en-US')}
            </span>
            {view.chunk > 1 ? ` (${view.chunk.toLocaleString('en-US')} iterations a step)` : ''}
            {view.phase === 'tail' ? `, only ${view.tailLanes} of ${view.width} lanes` : ''}
          </>
        )}{' '}
        · {view.elementsDone.toLocaleString('en-US')} of {view.n.toLocaleString('en-US')} elements
      </p>
      <Register view={view} />
      <Units view={view} />
      <p className="simd-facts" data-testid="simd.facts">
        {view.style === 'simd' && (
          <span data-testid="simd.tail">
            {view.fullIterations.toLocaleString('en-US')} full iteration{view.fullIterations === 1 ? '' : 's'}
            {view.tailLanes > 0 ? ` + a tail of ${view.tailLanes} lane${view.tailLanes === 1 ? '' : 's'}` : ', no tail'} = {view.iterations.toLocaleString('en-US')}
          </span>
        )}
        <span className={`simd-bound ${r.bound}`} data-testid="simd.bound">
          {r.bound}-bound
        </span>
        <span>
          data {formatBytes(r.bytes)} in {r.level} at {(r.bandwidth / 1e9).toFixed(0)} GB/s
        </span>
        <span>
          compute {formatNsAligned(r.computeNs)} vs memory {formatNsAligned(r.memoryNs)}
          {r.transferNs > 0 ? ` + launch and PCIe ${formatNsAligned(r.transferNs)}` : ''}
        </span>
      </p>
    </section>
  );
}

function SpeedupBars({ view }: { view: SimdView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const bars = view.styles.map((s) => ({ id: s.style, label: s.style, value: s.speedup }));
  const layout = logBarsLayout(bars, size.width, size.font, { labelEm: 6, valueEm: 9, extra: [0.5] });
  return (
    <section className="simd-panel simd-speedups" aria-label="Speedup of each style">
      <h3>Speedup over the interpreted loop</h3>
      <div ref={boxRef} className="simd-chart-box">
        <svg width={size.width} height={layout.height} role="img" aria-label="Speedup of each style, log axis" data-testid="simd.speedups">
          {layout.ticks.map((t) => (
            <g key={t} className="tick">
              <line x1={layout.x(t)} x2={layout.x(t)} y1={0} y2={layout.axisY} />
              <text x={layout.x(t)} y={layout.axisY + size.font * 1.1} textAnchor="middle">
                ×{formatSi(t).trim()}
              </text>
            </g>
          ))}
          {layout.rows.map((row) => {
            const s = view.styles.find((x) => x.style === row.id)!;
            return (
              <g key={row.id} className={`simd-bar${row.id === view.style ? ' current' : ''}`} data-testid={`simd.speedup.${row.id}`} data-speedup={row.value.toFixed(3)}>
                <text className="bar-label" x={layout.labelWidth - size.font * 0.4} y={row.y + layout.barHeight / 2} textAnchor="end" dominantBaseline="central">
                  {row.label}
                </text>
                <rect x={layout.labelWidth} y={row.y} width={row.width} height={layout.barHeight} rx={3} />
                <text className="bar-value" x={layout.labelWidth + row.width + size.font * 0.4} y={row.y + layout.barHeight / 2} dominantBaseline="central">
                  ×{row.value >= 10 ? row.value.toFixed(0) : row.value.toFixed(1)} · {formatNsAligned(s.ns)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}

function Roofline({ view }: { view: SimdView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const font = size.font * 0.85;
  const height = Math.max(font * 14, size.height);
  const peaks = [
    { id: 'simd', label: `peak, ${view.width} lanes: ${formatSi(view.roofline.peakFlops)}FLOP/s`, flops: view.roofline.peakFlops },
    { id: 'scalar', label: `scalar peak: ${formatSi(view.roofline.peakFlops / view.width)}FLOP/s`, flops: view.roofline.peakFlops / view.width },
  ];
  const points = view.styles.map((s) => ({ id: s.style, label: s.style, intensity: view.result.arithmeticIntensity, flops: s.ns > 0 ? (view.result.flops / s.ns) * 1e9 : 0 }));
  const l = rooflineLayout(view.roofline.roofs, peaks, points, size.width, height, font);
  return (
    <section className="simd-panel simd-roofline" aria-label="Roofline">
      <h3>Roofline: where each style stops</h3>
      <div ref={boxRef} className="simd-chart-box simd-roofline-box">
        <svg width={size.width} height={height} role="img" aria-label="Roofline: arithmetic intensity against achieved flop/s" data-testid="simd.roofline" style={{ fontSize: font }}>
          {l.xTicks.map((t) => (
            <g key={`x${t}`} className="tick">
              <line x1={l.x(t)} x2={l.x(t)} y1={l.plot.top} y2={l.plot.bottom} />
              <text x={l.x(t)} y={l.plot.bottom + font * 1.1} textAnchor="middle">
                {formatIntensity(t)}
              </text>
            </g>
          ))}
          {l.yTicks.map((t) => (
            <g key={`y${t}`} className="tick">
              <line x1={l.plot.left} x2={l.plot.right} y1={l.y(t)} y2={l.y(t)} />
              <text x={l.plot.left - font * 0.3} y={l.y(t)} textAnchor="end" dominantBaseline="central">
                {formatSi(t).trim()}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(l.plot.left + l.plot.right) / 2} y={l.plot.bottom + font * 2.3} textAnchor="middle">
            arithmetic intensity, flop per byte
          </text>
          <text className="axis-label" transform={`translate(${font * 0.9},${(l.plot.top + l.plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            flop/s
          </text>
          {l.peaks.map((p) => (
            <g key={p.id} className={`roof-peak ${p.id}`} data-testid={`simd.roofline.peak.${p.id}`}>
              <path d={p.d} />
              <text x={l.plot.right - font * 0.3} y={p.y - font * 0.35} textAnchor="end">
                {p.label}
              </text>
            </g>
          ))}
          {l.roofs.map((r) => (
            <g key={r.level} className={`roof-line${r.level === view.result.level ? ' current' : ''}`} data-testid={`simd.roofline.roof.${r.level}`}>
              <path d={r.d} />
              <text x={r.labelX} y={r.labelY}>
                {r.level}
              </text>
            </g>
          ))}
          {l.points.map((p, i) => (
            <g key={p.id} className={`roof-point ${p.id}${p.id === view.style ? ' current' : ''}`} data-testid={`simd.roofline.point.${p.id}`} data-flops={p.flops.toPrecision(4)}>
              <circle cx={p.cx} cy={p.cy} r={p.id === view.style ? font * 0.45 : font * 0.3} />
              <text x={p.cx + font * (i % 2 ? -0.7 : 0.7)} y={p.cy} textAnchor={i % 2 ? 'end' : 'start'} dominantBaseline="central">
                {p.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </section>
  );
}

export function SimdStage() {
  const frame = useApp((s) => s.frame);
  const view = simdViewOf(frame) ?? null;
  if (!view || !('lanes' in view)) return <div className="simd-stage" data-testid="simd.stage" />;
  return (
    // Focusable: the stage scrolls on small screens, and a keyboard must be able to scroll it.
    <div className="simd-stage" data-testid="simd.stage" data-style={view.style} data-width={view.width} tabIndex={0} role="region" aria-label="Vectorization stage">
      <div className="simd-side">
        <Core view={view} />
        <SpeedupBars view={view} />
      </div>
      <div className="simd-side">
        <Roofline view={view} />
      </div>
    </div>
  );
}
