/** The model's output beside the real one, line by line: pure, so it is tested without a DOM. */

/** One row of the comparison. */
export interface CompareRow {
  readonly line: number;
  readonly model: string | null;
  readonly real: string | null;
  readonly same: boolean;
}

/** Rows for two outputs (a missing line is null); `same` marks the rows that agree. */
export function compareOutputs(model: readonly string[], real: readonly string[]): CompareRow[] {
  const rows: CompareRow[] = [];
  for (let i = 0; i < Math.max(model.length, real.length); i++) {
    const m = model[i] ?? null;
    const r = real[i] ?? null;
    rows.push({ line: i + 1, model: m, real: r, same: m === r });
  }
  return rows;
}

/** stdout text as lines (no trailing empty line). */
export function outputLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
