/** Where each slot and element goes on the stage: a list as rows of cells, a deque as one row per block. */
import { BLOCKLEN } from '../../../sim/bigo/structures';

export interface SlotsLayout {
  /** Cell side, px. */
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  readonly width: number;
  readonly height: number;
  /** Top-left corner of slot k (list) or of global position k = block · 64 + index (deque). */
  readonly at: (k: number) => { x: number; y: number };
}

/** A list of `capacity` slots in rows of `cols` cells that fit `width`. */
export function listLayout(capacity: number, width: number, font: number): SlotsLayout {
  const slots = Math.max(1, capacity);
  const cell = Math.max(10, Math.min(font * 3, Math.floor(Math.sqrt((width * font * 14) / slots))));
  const cols = Math.max(1, Math.floor(width / cell));
  const rows = Math.ceil(slots / cols);
  return { cell, cols, rows, width: cols * cell, height: rows * cell, at: (k) => ({ x: (k % cols) * cell, y: Math.floor(k / cols) * cell }) };
}

/** A deque of `blocks` blocks: each a row of 64 cells (two rows of 32 when narrow), a gap between blocks. */
export function dequeLayout(blocks: number, width: number, font: number): SlotsLayout & { readonly perLine: number; readonly blockHeight: number } {
  const perLine = width / BLOCKLEN >= 10 ? BLOCKLEN : BLOCKLEN / 2;
  const cell = Math.max(6, Math.min(font * 1.6, Math.floor(width / perLine)));
  const lines = BLOCKLEN / perLine;
  const gap = font * 1.1;
  const blockHeight = lines * cell;
  const at = (k: number) => {
    const block = Math.floor(k / BLOCKLEN);
    const index = k % BLOCKLEN;
    return { x: (index % perLine) * cell, y: block * (blockHeight + gap) + Math.floor(index / perLine) * cell };
  };
  return { cell, cols: perLine, rows: blocks * lines, width: perLine * cell, height: blocks * (blockHeight + gap) - gap, at, perLine, blockHeight };
}
