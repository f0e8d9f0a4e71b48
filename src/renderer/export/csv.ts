/** CSV of a run's counters over its steps (what the scenes' charts plot). Pure. */

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of `step,t_ns,<column>…`; columns are the union over the rows, in first-seen order. */
export function countsCsv(rows: readonly { step: number; t: number; counts: Readonly<Record<string, number | string>> }[]): string {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.counts)) if (!keys.includes(key)) keys.push(key);
  const lines = [['step', 't_ns', ...keys].map(cell).join(',')];
  for (const row of rows) lines.push([row.step, row.t, ...keys.map((k) => row.counts[k] ?? '')].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

/** At most `max` step indices from 0 to last, evenly spaced, always including both ends. */
export function sampleSteps(last: number, max: number): number[] {
  if (last + 1 <= max) return Array.from({ length: last + 1 }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < max; i++) out.add(Math.round((i * last) / (max - 1)));
  return [...out];
}
