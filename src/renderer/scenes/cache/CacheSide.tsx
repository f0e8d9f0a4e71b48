/**
 * One side of the stage: its header, the last access's address split for L1, and every
 * level's sets × ways grid. React renders when the step changes; the travelling access and
 * the hit flash follow the playhead through a transient subscription into refs.
 */
import { useEffect, useMemo, useRef } from 'react';
import { store } from '../../state/store';

import type { CacheLevelView, CacheSideView } from '../../../sim/cache/scene';
import { splitAddress } from './addressSplit';
import { levelsLayout, travelPoint, type LevelsLayout } from './levelsLayout';
import { formatNs } from '../../../sim/core/format';

const pct = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)} %`);

function AddressSplitView({ side, index }: { side: CacheSideView; index: number }) {
  const l1 = side.levels[0];
  const id = `cache.side-${index}.address`;
  if (!side.last || !l1) {
    return (
      <div className="cache-address" data-testid={id}>
        <span className="muted">No access yet.</span>
      </div>
    );
  }
  const split = splitAddress(side.last.addr, l1.lineBytes, l1.sets);
  return (
    <div className="cache-address" data-testid={id}>
      <div>
        <span className="op">{side.last.op === 'W' ? 'write' : 'read'}</span> <code data-testid={`${id}.addr`}>{side.last.addr}</code> → line{' '}
        {split.line.toString()} = tag <code className="tag" data-testid={`${id}.tag`}>0x{split.tag.toString(16)}</code> · set{' '}
        <code className="index" data-testid={`${id}.set`}>{split.set}</code> · offset <code className="offset" data-testid={`${id}.offset`}>{split.offset}</code>
      </div>
      {split.bits && (
        <div className="bits" aria-label="address bits: tag, index, offset">
          <code className="tag">{split.bits.tag}</code>
          <code className="index">{split.bits.index || '·'}</code>
          <code className="offset">{split.bits.offset}</code>
        </div>
      )}
    </div>
  );
}

/** "L1 · 4 × 2 × 16 B · 1 ns"; the latency is left out when the line has room for fewer than `maxChars` characters. */
function levelCaption(level: CacheLevelView, maxChars: number): string {
  const latency = level.latencyKnown === false ? 'no latency in the table' : formatNs(level.latencyNs);
  const full = `${level.name} · ${level.sets} × ${level.ways} × ${level.lineBytes} B · ${latency}`;
  return full.length <= maxChars ? full : `${level.name} · ${level.sets} × ${level.ways} × ${level.lineBytes} B`;
}

function LevelGrid({ level, li, layout, side, index }: { level: CacheLevelView; li: number; layout: LevelsLayout; side: CacheSideView; index: number }) {
  const block = layout.blocks[li]!;
  const key = level.name.toLowerCase();
  const base = `cache.side-${index}.${key}`;
  const c = level.counters;
  const caption = (
    <g data-testid={`${base}.caption`}>
      <text className="level-caption" x={block.area.x} y={block.labelY}>
        <tspan className="level-name">{levelCaption(level, layout.width / (layout.font * 0.43) - 20)}</tspan>
      </text>
      <text className="level-counts" x={layout.width - 2} y={block.labelY} textAnchor="end">
        <title>{`${c.accesses} accesses: ${pct(c.hits, c.accesses)} hits`}</title>
        hit <tspan data-testid={`${base}.hits`}>{c.hits}</tspan> · miss <tspan data-testid={`${base}.misses`}>{c.misses}</tspan>
      </text>
    </g>
  );
  if (!level.lines) {
    const w = c.accesses === 0 ? 0 : (block.area.w * c.hits) / c.accesses;
    return (
      <g data-testid={base} data-drawn="false">
        {caption}
        <rect className="bar-track" x={block.area.x} y={block.area.y} width={block.area.w} height={block.area.h} rx={3} />
        <rect className="hit-bar" x={block.area.x} y={block.area.y} width={w} height={block.area.h} rx={3} />
        <text className="bar-note" x={block.area.x + block.area.w - 4} y={block.area.y + block.area.h / 2} textAnchor="end" dominantBaseline="central">
          {level.sets * level.ways} lines: too many to draw
        </text>
      </g>
    );
  }
  const lastCell = li === 0 && side.last && side.last.way >= 0 ? side.last : null;
  return (
    <g data-testid={base} data-drawn="true">
      {caption}
      {level.lines.map((line, i) => {
        const set = Math.floor(i / level.ways);
        const way = i % level.ways;
        const r = layout.cell(li, set, way);
        const empty = line.tag === null;
        const opacity = empty ? 1 : 1 - (Math.min(line.age, level.ways - 1) / Math.max(1, level.ways)) * 0.75;
        const isLast = lastCell !== null && lastCell.set === set && lastCell.way === way;
        return (
          <g
            key={i}
            className={`cell${empty ? ' empty' : ` side-${line.lastSide ?? index}`}${isLast ? ' last' : ''}`}
            data-testid={`${base}.set-${set}.way-${way}`}
            data-tag={line.tag ?? ''}
            data-age={line.age}
            data-dirty={line.dirty ? 'true' : 'false'}
          >
            <title>{empty ? `set ${set}, way ${way}: empty` : `set ${set}, way ${way}: tag ${line.tag}, line at ${line.addr ?? '?'}${line.dirty ? ', dirty' : ''}, age ${line.age}`}</title>
            <rect x={r.x + 0.5} y={r.y + 0.5} width={Math.max(1, r.w - 1)} height={Math.max(1, r.h - 1)} rx={Math.min(3, r.w / 4)} fillOpacity={opacity} />
            {line.dirty && <path className="dirty-mark" d={`M${r.x + r.w - 1 - Math.min(r.w, r.h) * 0.45},${r.y + 1}h${Math.min(r.w, r.h) * 0.45}v${Math.min(r.w, r.h) * 0.45}z`} />}
            {block.roomForText && !empty && (
              <text className="cell-tag" x={r.x + r.w / 2} y={r.y + r.h / 2} textAnchor="middle" dominantBaseline="central">
                {line.tag}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

export function CacheSide({ side, index, width, font }: { side: CacheSideView; index: 0 | 1; width: number; font: number }) {
  const layout = useMemo(
    () => levelsLayout(width, font, side.levels.map((l) => ({ sets: l.sets, ways: l.ways, drawn: l.lines !== null }))),
    [width, font, side.levels],
  );
  const markerRef = useRef<SVGCircleElement>(null);
  const flashRef = useRef<SVGRectElement>(null);
  const last = side.last;
  const l1 = side.levels[0];

  // The travelling access: L1 down to the level that had the line, and back.
  const travel = useMemo(() => {
    if (!last) return null;
    const depth = last.level === 'memory' ? side.levels.length : side.levels.findIndex((l) => l.name === last.level);
    const addr = BigInt(last.addr);
    const stops = [];
    for (let li = 0; li <= Math.max(0, depth); li++) {
      const level = side.levels[li];
      const set = level ? Number((addr / BigInt(level.lineBytes)) % BigInt(level.sets)) : 0;
      stops.push(layout.anchor(li, set));
    }
    return { stops, start: side.elapsedNs - last.ns, ns: last.ns, hit: depth === 0 };
  }, [last, side.levels, side.elapsedNs, layout]);
  const flashCell = l1?.lines && last && last.way >= 0 ? layout.cell(0, last.set, last.way) : null;

  useEffect(() => {
    const paint = () => {
      const marker = markerRef.current;
      const flash = flashRef.current;
      const f = travel && travel.ns > 0 ? (store.getState().t - travel.start) / travel.ns : -1;
      const moving = travel !== null && f >= 0 && f < 1;
      if (marker) {
        if (moving && !travel.hit) {
          const p = travelPoint(travel.stops, f);
          marker.setAttribute('cx', String(p.x));
          marker.setAttribute('cy', String(p.y));
          marker.setAttribute('visibility', 'visible');
        } else marker.setAttribute('visibility', 'hidden');
      }
      if (flash) flash.setAttribute('opacity', moving && travel.hit ? String(1 - f) : '0');
    };
    paint();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t) paint();
    });
  }, [travel]);

  return (
    <section className={`cache-side side-${index}`} data-testid={`cache.side-${index}`} aria-label={`${side.label} (${index === 0 ? 'left' : 'right'})`}>
      <header className="cache-side-head">
        <h3 data-testid={`cache.side-${index}.label`}>{side.label}</h3>
        <div className="cache-side-stats">
          <span className="stat">
            accesses{' '}
            <b data-testid={`cache.side-${index}.accesses`} data-value={side.accesses}>
              {side.accesses} / {side.total}
              {side.done ? ' ✓' : ''}
            </b>
          </span>
          <span className="stat">
            machine time{' '}
            <b data-testid={`cache.side-${index}.elapsed`} data-ns={side.elapsedNs}>
              {formatNs(side.elapsedNs)}
            </b>
          </span>
          <span className="stat">
            AMAT{' '}
            <b data-testid={`cache.side-${index}.amat`} data-ns={side.amatNs}>
              {side.accesses === 0 ? '—' : formatNs(side.amatNs)}
            </b>
          </span>
        </div>
      </header>
      <AddressSplitView side={side} index={index} />
      <svg className="cache-levels" width={width} height={layout.height} data-testid={`cache.side-${index}.levels`}>
        {side.levels.map((level, li) => (
          <LevelGrid key={level.name} level={level} li={li} layout={layout} side={side} index={index} />
        ))}
        <g className="memory-box" data-testid={`cache.side-${index}.memory`}>
          <rect x={layout.memory.x} y={layout.memory.y} width={layout.memory.w} height={layout.memory.h} rx={4} />
          <text x={layout.memory.x + font * 0.5} y={layout.memory.y + layout.memory.h / 2} dominantBaseline="central">
            {/* Narrow sides (1280×720, a projector) drop a word so the last-access note never overlaps. */}
            {layout.memory.w < font * 34 ? 'Memory · reads ' : 'Memory · line reads '}
            <tspan data-testid={`cache.side-${index}.memory.reads`}>{side.memory.reads}</tspan> · writes{' '}
            <tspan data-testid={`cache.side-${index}.memory.writes`}>{side.memory.writes}</tspan>
          </text>
          {last && (
            <text className="last-note" x={layout.memory.x + layout.memory.w - font * 0.5} y={layout.memory.y + layout.memory.h / 2} textAnchor="end" dominantBaseline="central" data-testid={`cache.side-${index}.last`}>
              {/* A glyph besides the colour: ✓ a hit, ✗ a miss served further down. */}
              last: {last.level === 'L1' ? '✓ L1 hit' : `✗ from ${last.level}`}, {formatNs(last.ns)}
            </text>
          )}
        </g>
        {flashCell && <rect ref={flashRef} className="hit-flash" x={flashCell.x} y={flashCell.y} width={flashCell.w} height={flashCell.h} rx={3} opacity={0} />}
        {last && !travel?.hit && (
          <circle ref={markerRef} className="travel-dot" r={Math.max(4, font * 0.4)} visibility="hidden" data-testid={`cache.side-${index}.travel`} data-level={last.level} />
        )}
      </svg>
    </section>
  );
}
