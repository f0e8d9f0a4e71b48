/**
 * Geometry of one side's cache levels: each level a sets × ways grid (sets across, wrapped
 * into bands when there are too many to fit; ways down), or a counter bar when the level has
 * too many lines to draw; memory a box at the bottom. Pure: width, font size, level shapes.
 */

export interface LevelShape {
  readonly sets: number;
  readonly ways: number;
  /** false: drawn as a counter bar. */
  readonly drawn: boolean;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface LevelBlock {
  /** Baseline of the level's caption. */
  readonly labelY: number;
  /** The grid (or bar) area. */
  readonly area: Rect;
  readonly columns: number;
  readonly bands: number;
  readonly cellW: number;
  readonly cellH: number;
  /** Whether cells are big enough to print a tag in. */
  readonly roomForText: boolean;
}

export interface LevelsLayout {
  readonly width: number;
  readonly height: number;
  readonly font: number;
  readonly blocks: readonly LevelBlock[];
  readonly memory: Rect;
  /** The cell of (set, way) in level `li` (a drawn level). */
  cell(li: number, set: number, way: number): Rect;
  /** Where the travelling access passes through level `li` for a set (the centre of its column). */
  anchor(li: number, set: number): { x: number; y: number };
}

const MIN_CELL = 4;

export function levelsLayout(width: number, font: number, levels: readonly LevelShape[]): LevelsLayout {
  const pad = 2;
  const inner = Math.max(10, width - 2 * pad);
  const labelH = font * 1.25;
  const gap = font * 0.45;
  const blocks: LevelBlock[] = [];
  let y = 0;
  for (const level of levels) {
    const labelY = y + font * 0.95;
    const top = y + labelH;
    if (!level.drawn) {
      const area = { x: pad, y: top, w: inner, h: font * 0.9 };
      blocks.push({ labelY, area, columns: 1, bands: 1, cellW: inner, cellH: area.h, roomForText: false });
      y = top + area.h + gap;
      continue;
    }
    const bands = Math.max(1, Math.ceil((level.sets * MIN_CELL) / inner));
    const columns = Math.ceil(level.sets / bands);
    const cellW = Math.min(inner / columns, font * 4);
    const roomForText = cellW >= font * 2.2;
    const cellH = roomForText ? font * 1.05 : Math.max(MIN_CELL, Math.min(cellW, font * 0.7));
    const bandGap = bands > 1 ? Math.max(2, cellH * 0.4) : 0;
    const h = bands * level.ways * cellH + (bands - 1) * bandGap;
    const area = { x: pad, y: top, w: columns * cellW, h };
    blocks.push({ labelY, area, columns, bands, cellW, cellH, roomForText });
    y = top + h + gap;
  }
  const memory = { x: pad, y: y + font * 0.2, w: inner, h: font * 1.6 };
  const bandHeight = (b: LevelBlock, ways: number): number => ways * b.cellH + (b.bands > 1 ? Math.max(2, b.cellH * 0.4) : 0);
  return {
    width,
    height: memory.y + memory.h + pad,
    font,
    blocks,
    memory,
    cell(li, set, way) {
      const b = blocks[li]!;
      const ways = levels[li]!.ways;
      const band = Math.floor(set / b.columns);
      const column = set % b.columns;
      return { x: b.area.x + column * b.cellW, y: b.area.y + band * bandHeight(b, ways) + way * b.cellH, w: b.cellW, h: b.cellH };
    },
    anchor(li, set) {
      if (li >= blocks.length) return { x: memory.x + memory.w / 2, y: memory.y + memory.h / 2 };
      const b = blocks[li]!;
      const level = levels[li]!;
      if (!level.drawn) return { x: b.area.x + b.area.w / 2, y: b.area.y + b.area.h / 2 };
      const band = Math.floor(set / b.columns);
      const column = set % b.columns;
      const bandTop = b.area.y + band * bandHeight(b, level.ways);
      return { x: b.area.x + (column + 0.5) * b.cellW, y: bandTop + (level.ways * b.cellH) / 2 };
    },
  };
}

/**
 * Position of the travelling access at fraction `f` (0..1) of its latency: down from L1 to
 * the level that had the line (index `depth`; levels.length = memory) in the first half,
 * back up in the second. Linear in the path's length.
 */
export function travelPoint(stops: readonly { x: number; y: number }[], f: number): { x: number; y: number } {
  if (stops.length === 0) return { x: 0, y: 0 };
  if (stops.length === 1) return stops[0]!;
  const there = Math.min(1, Math.max(0, f <= 0.5 ? f * 2 : (1 - f) * 2));
  const lengths = stops.slice(1).map((p, i) => Math.hypot(p.x - stops[i]!.x, p.y - stops[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = there * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left <= len || i === lengths.length - 1) {
      const k = len === 0 ? 0 : Math.min(1, left / len);
      const a = stops[i]!;
      const b = stops[i + 1]!;
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
    left -= len;
  }
  return stops.at(-1)!;
}
