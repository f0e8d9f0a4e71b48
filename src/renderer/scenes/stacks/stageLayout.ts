/**
 * Pure layout of the Stacks stage: the layer diagram (shared layers once across the width,
 * per-instance layers repeated in columns) and the grid of instance cells on the host.
 */

export interface LayerInput {
  readonly name: string;
  readonly kind: string;
  readonly shared: boolean;
}

export interface LayerBox {
  readonly name: string;
  readonly kind: string;
  readonly shared: boolean;
  /** Which drawn instance column (per-instance layers only); -1 for a shared layer. */
  readonly column: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LayersLayout {
  readonly boxes: readonly LayerBox[];
  /** Instance columns drawn (at most `maxColumns`); the rest are summarised as "× N". */
  readonly columns: number;
  /** Bounds of the first column's per-instance layers: the isolation boundary. */
  readonly boundary: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
}

/**
 * Layers bottom (index 0) to top. Shared layers span the width; per-instance ones are drawn in
 * `min(instances, maxColumns)` columns separated by `gap`. Each layer row is `rowH` high.
 */
export function layersLayout(layers: readonly LayerInput[], instances: number, width: number, rowH: number, gap: number, maxColumns = 3): LayersLayout {
  const columns = Math.max(1, Math.min(Math.max(instances, 1), maxColumns));
  const colW = (width - gap * (columns - 1)) / columns;
  const height = layers.length * rowH;
  const boxes: LayerBox[] = [];
  layers.forEach((layer, i) => {
    const y = height - (i + 1) * rowH;
    if (layer.shared) {
      boxes.push({ ...layer, column: -1, x: 0, y: y + gap / 2, width, height: rowH - gap });
    } else {
      for (let c = 0; c < columns; c++) boxes.push({ ...layer, column: c, x: c * (colW + gap), y: y + gap / 2, width: colW, height: rowH - gap });
    }
  });
  const own = boxes.filter((b) => b.column === 0);
  const boundary =
    own.length === 0
      ? null
      : {
          x: own[0]!.x - gap / 2,
          y: Math.min(...own.map((b) => b.y)) - gap / 2,
          width: colW + gap,
          height: Math.max(...own.map((b) => b.y + b.height)) - Math.min(...own.map((b) => b.y)) + gap,
        };
  return { boxes, columns, boundary };
}

export interface GridLayout {
  readonly cols: number;
  readonly rows: number;
  /** Side of a cell's square, px (the gap included). */
  readonly cell: number;
}

/**
 * The most square-ish grid for `n` cells in `width` × `height`: the column count that gives
 * the largest cell. Brute force over 1..n columns (n ≤ 500).
 */
export function gridLayout(n: number, width: number, height: number): GridLayout {
  if (n <= 0 || width <= 0 || height <= 0) return { cols: 1, rows: 0, cell: 0 };
  let best: GridLayout = { cols: 1, rows: n, cell: Math.min(width, height / n) };
  for (let cols = 2; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cell = Math.min(width / cols, height / rows);
    if (cell > best.cell) best = { cols, rows, cell };
  }
  return best;
}

/** How far a booting instance is, 0..1, at virtual time `tMs`. */
export function bootFraction(tMs: number, startMs: number, readyMs: number): number {
  if (readyMs <= startMs) return tMs >= startMs ? 1 : 0;
  return Math.min(1, Math.max(0, (tMs - startMs) / (readyMs - startMs)));
}
