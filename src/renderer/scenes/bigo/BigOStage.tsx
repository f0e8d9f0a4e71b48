/**
 * The Big O stage: the structure's slots as cells (elements slide on insert(0, x), the array is
 * copied on a reallocation, deque blocks open and close at the ends), the growth chart (cost
 * against n, log-log, with O(1)…O(n²) guides and this run's point) and the space panel.
 * React renders when the step changes; CSS transitions slide the elements.
 */
import { useApp } from '../../state/store';
import { useSize } from '../../components/useSize';
import type { BigOView } from '../../../sim/bigo/scene';
import { BLOCKLEN } from '../../../sim/bigo/structures';
import { curvePath, formatCount, GUIDES, growthLayout, guidePath } from './growthChart';
import { dequeLayout, listLayout } from './slotsLayout';
import { describeStep } from './stepReadout';
import { bigoViewOf } from './stepReadout';

/** A colour per element, from its id (the op that added it), so the eye can follow it. */
const hue = (id: number) => (id * 47) % 360;

function ListSlots({ view }: { view: BigOView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const capacity = view.capacity ?? 0;
  const layout = listLayout(capacity, Math.max(100, size.width - 4), size.font);
  const last = view.last;
  const grew = last !== null && last.alloc === 1 && (last.capacity ?? 0) > last.before;
  const shifted = new Set<number>();
  if (last && last.moved) {
    // insert(0, x) shifted slots 1..n-1 right; pop(0) shifted the survivors (now 0..n-1) left.
    if (last.op === 'insert0') for (let k = 1; k < view.items.length; k++) shifted.add(view.items[k]!);
    else for (const id of view.items) shifted.add(id);
  }
  return (
    <div ref={boxRef} className="bigo-slots-box">
      <div
        key={last && last.alloc ? `realloc-${last.i}` : 'same'}
        className={`bigo-array${last && last.alloc ? ' realloc' : ''}`}
        style={{ width: layout.width, height: Math.max(layout.height, layout.cell) }}
        data-testid="bigo.array"
        data-capacity={capacity}
        data-size={view.size}
        role="img"
        aria-label={`a list of ${view.size} elements in ${capacity} slots`}
      >
        {Array.from({ length: capacity }, (_, k) => {
          const p = layout.at(k);
          const fresh = grew && k >= last.before;
          return <span key={k} className={`bigo-slot${k < view.size ? ' used' : ''}${fresh ? ' fresh' : ''}`} style={{ left: p.x, top: p.y, width: layout.cell - 2, height: layout.cell - 2 }} data-testid={`bigo.slot.${k}`} />;
        })}
        {view.items.map((id, k) => {
          const p = layout.at(k);
          return (
            <span
              key={id}
              className={`bigo-item${shifted.has(id) ? ' shifted' : ''}${last && id === last.i ? ' new' : ''}`}
              style={{ transform: `translate(${p.x}px, ${p.y}px)`, width: layout.cell - 4, height: layout.cell - 4, background: `hsl(${hue(id)} 65% 62%)`, fontSize: layout.cell * 0.42 }}
              data-testid={`bigo.item.${k}`}
              data-id={id}
            >
              {layout.cell >= 18 ? id : ''}
            </span>
          );
        })}
      </div>
      {capacity === 0 && <p className="muted">no slots: an empty list holds no array at all</p>}
    </div>
  );
}

function DequeSlots({ view }: { view: BigOView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const blocks = view.blocks ?? 1;
  const layout = dequeLayout(blocks, Math.max(100, size.width - size.font * 5), size.font);
  const left = view.leftindex ?? 32;
  const last = view.last;
  const opened = last !== null && last.alloc === 1 && (last.blocks ?? 0) > last.before;
  const openedBlock = opened ? (last.op === 'appendleft' ? 0 : blocks - 1) : -1;
  return (
    <div ref={boxRef} className="bigo-slots-box">
      <div className="bigo-deque" style={{ height: layout.height }} data-testid="bigo.deque" data-blocks={blocks} data-size={view.size} data-leftindex={left} role="img" aria-label={`a deque of ${view.size} elements in ${blocks} blocks of 64 slots`}>
        {Array.from({ length: blocks }, (_, b) => {
          const p = layout.at(b * BLOCKLEN);
          return (
            <div key={b} className={`bigo-block${b === openedBlock ? ' fresh' : ''}`} style={{ top: p.y, width: layout.width, height: layout.blockHeight }} data-testid={`bigo.block.${b}`}>
              <span className="bigo-block-label" style={{ left: -size.font * 4.6 }}>
                block {b + 1}
              </span>
            </div>
          );
        })}
        {view.items.map((id, j) => {
          const p = layout.at(left + j);
          return (
            <span
              key={id}
              className={`bigo-item small${last && id === last.i ? ' new' : ''}`}
              style={{ transform: `translate(${p.x + size.font * 5}px, ${p.y}px)`, width: layout.cell - 2, height: layout.cell - 2, background: `hsl(${hue(id)} 65% 62%)` }}
              data-testid={`bigo.item.${j}`}
              data-id={id}
            />
          );
        })}
      </div>
      <p className="bigo-caption">
        left end at slot {left} of block 1, right end at slot {(left + view.size - 1 + BLOCKLEN) % BLOCKLEN} of block {blocks}; blocks are linked both ways, so
        either end is one step away
      </p>
    </div>
  );
}

function GrowthChart({ view }: { view: BigOView }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const maxN = Math.max(...view.curves.map((c) => c.points.at(-1)!.n));
  const maxCost = Math.max(...view.curves.map((c) => c.points.at(-1)!.cost), view.totals.cost);
  const layout = growthLayout(maxN, maxCost, size.width, Math.max(size.font * 14, Math.min(size.font * 22, size.width * 0.55)), size.font);
  const here = view.totals.ops > 0 ? { x: layout.x(view.totals.ops), y: layout.y(view.totals.cost) } : null;
  return (
    <div ref={boxRef} className="bigo-chart-box">
      <svg width={layout.width} height={layout.height} role="img" aria-label="Cost against n, log-log, with complexity guide lines" data-testid="bigo.growth">
        {layout.xTicks.map((t) => (
          <g key={`x${t}`} className="tick">
            <line x1={layout.x(t)} x2={layout.x(t)} y1={layout.top} y2={layout.top + layout.plotH} />
            <text x={layout.x(t)} y={layout.top + layout.plotH + size.font * 1.1} textAnchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {layout.yTicks.map((t) => (
          <g key={`y${t}`} className="tick">
            <line x1={layout.left} x2={layout.left + layout.plotW} y1={layout.y(t)} y2={layout.y(t)} />
            <text x={layout.left - size.font * 0.3} y={layout.y(t)} textAnchor="end" dominantBaseline="central">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={layout.left + layout.plotW / 2} y={layout.height - size.font * 0.2} textAnchor="middle">
          n (operations)
        </text>
        <text className="axis-label" transform={`translate(${size.font * 0.9},${layout.top + layout.plotH / 2}) rotate(-90)`} textAnchor="middle">
          cost
        </text>
        {GUIDES.map((g) => {
          const p = guidePath(g, layout);
          return (
            <g key={g.id} className="bigo-guide" data-testid={`bigo.guide.${g.id}`}>
              <path d={p.d} />
              <text x={p.end.x + size.font * 0.3} y={p.end.y} dominantBaseline={p.end.y < layout.top + size.font ? 'hanging' : 'central'}>
                {g.label}
              </text>
            </g>
          );
        })}
        {view.curves.map((c, k) => {
          const end = c.points.at(-1)!;
          return (
            <g key={c.op} className={`bigo-curve c${k}`} data-testid={`bigo.curve.${c.op}`} data-slope={c.slope.toFixed(3)}>
              <path d={curvePath(c.points, layout)} />
              <circle cx={layout.x(end.n)} cy={layout.y(end.cost)} r={size.font * 0.22} />
            </g>
          );
        })}
        {here && (
          <g className="bigo-here" data-testid="bigo.growth.here" data-n={view.totals.ops} data-cost={view.totals.cost}>
            <circle cx={here.x} cy={here.y} r={size.font * 0.38} />
            {/* A plate under the label, so the curves beneath never cut through its text. */}
            <rect className="bigo-here-plate" x={here.x + size.font * 0.45} y={here.y - size.font * 1.35} width={size.font * 4.2} height={size.font * 1.2} rx={3} />
            <text x={here.x + size.font * 0.6} y={here.y - size.font * 0.75} dominantBaseline="central">
              this run
            </text>
          </g>
        )}
      </svg>
      <p className="bigo-caption">
        cost = slot writes + element moves + slots copied by reallocations; slopes fitted for n ≥ 64
        {view.curves.every((c) => c.points.at(-1)!.cost === view.curves[0]!.points.at(-1)!.cost) ? '; the curves lie on top of each other: every op costs the same' : ''}
      </p>
      <ul className="bigo-slopes" data-testid="bigo.slopes">
        {view.curves.map((c, k) => (
          <li key={c.op} className={`c${k}`} data-testid={`bigo.slope.${c.op}`}>
            <span className="swatch" /> {c.label}: fitted slope <strong>{c.slope.toFixed(2)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SpacePanel({ view }: { view: BigOView }) {
  const slots = view.structure === 'list' ? (view.capacity ?? 0) : (view.blocks ?? 1) * BLOCKLEN;
  const used = slots > 0 ? view.size / slots : 0;
  return (
    <section className="bigo-panel bigo-space" aria-label="Space" data-testid="bigo.space">
      <h3>Space</h3>
      <div className="bigo-space-facts">
        <span data-testid="bigo.bytes">
          <strong>{view.bytes.toLocaleString('en-US')}</strong> bytes held (<code>sys.getsizeof</code>)
        </span>
        <span data-testid="bigo.wasted">
          {view.wastedSlots} empty slot{view.wastedSlots === 1 ? '' : 's'} of {slots}
        </span>
      </div>
      <div className="bigo-meter" role="meter" aria-label="slots in use" aria-valuemin={0} aria-valuemax={slots} aria-valuenow={view.size}>
        <div className="bigo-meter-fill" style={{ width: `${used * 100}%` }} />
      </div>
      <p className="bigo-caption" data-testid="bigo.tuple">
        The same {view.size} elements as a tuple: {view.tupleBytes} bytes — fixed size, so no spare slots
        {view.structure === 'list' ? ` (${view.bytes - view.tupleBytes} bytes fewer than this list)` : ''}.
      </p>
    </section>
  );
}

export function BigOStage() {
  const view = useApp((s) => bigoViewOf(s.frame));
  if (!view) return <div className="bigo-stage" data-testid="bigo.stage" />;
  const last = view.last;
  return (
    // It scrolls on a small screen: focusable, so the keyboard can scroll it too.
    <div className="bigo-stage" data-testid="bigo.stage" data-structure={view.structure} tabIndex={0} aria-label="The structure's slots, the growth chart and the space held">
      <section className="bigo-panel bigo-main" aria-label="The structure">
        <h3>
          {view.structure === 'list' ? 'list' : 'collections.deque'}: {view.mixLabel}
        </h3>
        <div className="bigo-step" data-testid="bigo.step" aria-live="off">
          {last ? (
            <>
              <span className="bigo-step-index">
                op {last.i + 1} of {view.opsTotal}
              </span>{' '}
              <span data-testid="bigo.step.text">{describeStep(view, last)}</span>
            </>
          ) : (
            <span data-testid="bigo.step.text">
              an empty {view.structure}: {view.structure === 'list' ? 'no slots yet' : 'one block of 64 slots, both ends at its centre'}
            </span>
          )}
        </div>
        <div className="bigo-counters">
          <span data-testid="bigo.size">size {view.size}</span>
          <span data-testid="bigo.held">{view.structure === 'list' ? `capacity ${view.capacity}` : `blocks ${view.blocks}`}</span>
          <span data-testid="bigo.moved">moved {view.totals.moved}</span>
          <span data-testid="bigo.reallocs">{view.structure === 'list' ? 'reallocations' : 'blocks opened/freed'} {view.totals.reallocs}</span>
          <span data-testid="bigo.copied">copied {view.totals.copied}</span>
        </div>
        {view.structure === 'list' ? <ListSlots view={view} /> : <DequeSlots view={view} />}
        <p className="bigo-caption">
          The same run on the command line: <code data-testid="bigo.cli">nanoscope bigo --structure {view.structure} --ops {view.spec.length > 80 ? `${view.spec.slice(0, 80)}…` : view.spec}</code>
        </p>
      </section>
      <div className="bigo-side">
        <section className="bigo-panel" aria-label="Growth">
          <h3>Cost as n grows (log-log)</h3>
          <GrowthChart view={view} />
        </section>
        <SpacePanel view={view} />
      </div>
    </div>
  );
}
