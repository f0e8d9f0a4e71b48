/**
 * Real run: JavaScript's own structures on this machine, n = 1000…maxN doubling — push vs
 * unshift vs shift, a ring-buffer deque, string += vs join, anagram by sort vs count — each
 * with its fitted log-log slope beside the CPython model's. Where V8 differs (ropes, left-trimming),
 * the panel says so: the difference is the lesson, not an error.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MeasureButton, MeasureChoice, MeasureStatus } from '../../components/MeasureControls';
import { useApp } from '../../state/store';
import { runMeasurement } from '../../controller/measure';
import type { BigOMeasuredCell, BigOResult } from '../../../shared/api';
import { formatCount } from './growthChart';
import { realChart } from './realChart';
import { useSize } from '../../components/useSize';
import { runOps, type SpecItem } from '../../../sim/bigo/structures';
import { BIGO_PROGRAM } from '../../../shared/python';
import { APPENDS, BigOPythonPanel } from '../python/BigOPythonPanel';

export const bigoRunSettings = createStore<{ maxN: number; repeats: number }>()(() => ({ maxN: 256_000, repeats: 3 }));
const MAX_NS = [16_000, 64_000, 256_000, 1_024_000];
const REPEATS = [1, 3, 5];

const CELL_LABEL: Record<BigOMeasuredCell, string> = {
  push: 'a.push(x) × n',
  unshift: 'a.unshift(x) × n',
  shift: 'n × push, then a.shift() × n',
  'ring-deque': 'ring-buffer deque: pushFront × n, popBack × n',
  'string-concat': "s += 'x' × n",
  'string-join': "parts.push('x') × n; parts.join('')",
  'anagram-sort': 'anagram: sort both words',
  'anagram-count': 'anagram: count the letters',
};
const PYTHON: Record<BigOMeasuredCell, string> = {
  push: 'list.append',
  unshift: 'list.insert(0, x)',
  shift: 'list.pop(0)',
  'ring-deque': 'deque.appendleft / pop',
  'string-concat': 's = s + t',
  'string-join': "''.join(parts)",
  'anagram-sort': 'sorted(a) == sorted(b)',
  'anagram-count': 'Counter(a) == Counter(b)',
};

const bytesAfterEach = (structure: 'list' | 'deque', items: readonly { op: string; count: number }[]): number[] => runOps(structure, items as readonly SpecItem[]).steps.map((st) => st.bytes);

/** The scene's own model (CPython 3.11's list and deque) run over the ops the Python panel runs. */
const PYTHON_MODEL = {
  label: 'the scene’s model of CPython 3.11',
  version: '3.11',
  listSizes: bytesAfterEach('list', [{ op: 'append', count: APPENDS }]),
  program: { list: bytesAfterEach('list', BIGO_PROGRAM.list), deque: bytesAfterEach('deque', BIGO_PROGRAM.deque) },
};

/** Starts the measurement with the panel's settings (the R key, the button). */
export function runBigO(): Promise<boolean> {
  const { maxN, repeats } = bigoRunSettings.getState();
  return runMeasurement({ kind: 'bigo', params: { maxN, repeats } }, `Big O: n up to ${formatCount(maxN)}, ${repeats} runs each`);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

const GROUPS: { id: string; title: string; cells: BigOMeasuredCell[] }[] = [
  { id: 'arrays', title: 'Arrays and a deque', cells: ['push', 'unshift', 'shift', 'ring-deque'] },
  { id: 'strings', title: 'Strings', cells: ['string-concat', 'string-join'] },
  { id: 'anagrams', title: 'Anagrams', cells: ['anagram-sort', 'anagram-count'] },
];

/** Measured ms against n (solid, dots) and the CPython model's slope through the last point (dashed). */
function GroupChart({ result, group }: { result: BigOResult; group: (typeof GROUPS)[number] }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const cells = result.cells.filter((c) => group.cells.includes(c.cell));
  if (cells.length === 0) return null;
  const chart = realChart(cells, Math.max(160, size.width), size.font * 11, size.font);
  return (
    <div ref={boxRef} className="bigo-real-chart">
      <h4>{group.title}</h4>
      <svg width={chart.width} height={chart.height} role="img" aria-label={`${group.title}: time against n, log-log, measured and the model's slope`} data-testid={`bigo.real.chart.${group.id}`}>
        {chart.msTicks.map((t) => (
          <g key={`y${t}`} className="tick">
            <line x1={chart.x(chart.nTicks[0] ?? 1000)} x2={chart.width} y1={chart.y(t)} y2={chart.y(t)} />
            <text x={chart.x(1000) - size.font * 0.3} y={chart.y(t)} textAnchor="end" dominantBaseline="central">
              {t >= 1 ? `${formatCount(t)} ms` : `${+(t * 1000).toPrecision(2)} µs`}
            </text>
          </g>
        ))}
        {chart.nTicks.map((t) => (
          <text key={`x${t}`} className="tick-x" x={chart.x(t)} y={chart.height - size.font * 0.3} textAnchor="middle">
            n = {formatCount(t)}
          </text>
        ))}
        {chart.lines.map((l, k) => (
          <g key={l.cell} className={`bigo-real-line c${k}`} data-testid={`bigo.real.line.${l.cell}`}>
            <path className="model" d={l.model} />
            <path className="measured" d={l.d} />
          </g>
        ))}
      </svg>
      <ul className="bigo-slopes">
        {cells.map((c, k) => (
          <li key={c.cell} className={`c${k}`}>
            <span className="swatch" /> {CELL_LABEL[c.cell]}: {c.slope === null ? '—' : c.slope.toFixed(2)} (model {c.modelSlope.toFixed(1)})
          </li>
        ))}
      </ul>
    </div>
  );
}

function ResultTable({ result }: { result: BigOResult }) {
  return (
    <table data-testid="bigo.real.table">
      <thead>
        <tr>
          <th>operation (JavaScript · Python)</th>
          <th>at the largest n</th>
          <th>slope here</th>
          <th>model</th>
        </tr>
      </thead>
      <tbody>
        {result.cells.map((c) => {
          const last = c.points.at(-1)!;
          const differs = c.slope !== null && Math.abs(c.slope - c.modelSlope) >= 0.4;
          return (
            <tr key={c.cell} data-testid={`bigo.real.cell.${c.cell}`} data-slope={c.slope ?? ''} data-model-slope={c.modelSlope} className={differs ? 'differs' : ''}>
              <td>
                {CELL_LABEL[c.cell]}
                <br />
                <code className="bigo-python">{PYTHON[c.cell]}</code>
              </td>
              <td>
                {ms(last.ms)} ms at n = {formatCount(last.n)}
                <br />
                <span className="bigo-spread">
                  {ms(last.spread.min)}–{ms(last.spread.max)}, {last.spread.repeats} run{last.spread.repeats === 1 ? '' : 's'}
                </span>
              </td>
              <td>
                <strong>{c.slope === null ? '—' : c.slope.toFixed(2)}</strong>
              </td>
              <td>{c.modelSlope.toFixed(1)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function BigORealRun() {
  const result = useApp((s) => s.results.bigo);
  const { maxN, repeats } = useStore(bigoRunSettings);
  const notes = result ? result.cells.flatMap((c) => [c.note, c.stoppedAt && `${c.cell}: ${c.stoppedAt}`, c.points.every((p) => p.agrees) ? null : `${c.cell}: a checksum did not match — the result is not trustworthy`]).filter((x): x is string => !!x) : [];
  return (
    <div className="realrun bigo-realrun" data-testid="bigo.real">
      <p>
        The same shapes on this computer, in JavaScript: each operation done n times for n = 1,000, 2,000, 4,000, … and timed. A slope
        of 1 on a log-log plot means the time doubles when n doubles (linear); 2 means it quadruples (quadratic). Beside each: the
        slope the model gives for CPython&apos;s version. Where they differ, V8 does something CPython does not.
      </p>
      <div className="row">
        <MeasureChoice label="n up to" value={maxN} values={MAX_NS} format={(v) => <>{formatCount(v)}</>} onChange={(v) => bigoRunSettings.setState({ maxN: v })} testId="bigo.real.maxN" />
        <MeasureChoice label="Runs of each" value={repeats} values={REPEATS} onChange={(v) => bigoRunSettings.setState({ repeats: v })} testId="bigo.real.repeats" />
        <MeasureButton prefix="bigo.real" label="Measure here" onRun={() => void runBigO()} />
      </div>
      <MeasureStatus prefix="bigo.real" />
      {result ? (
        <>
          <p className="bigo-caption">Solid: measured here (median of the runs). Dashed: the CPython model&apos;s slope drawn through the largest point.</p>
          {GROUPS.map((g) => (
            <GroupChart key={g.id} result={result} group={g} />
          ))}
          <ResultTable result={result} />
          <p className="bigo-caption">
            Slope: fitted over the largest points (n ≥ the largest / 16). Model: the slope of the same work in the CPython model. In
            orange: the two differ by 0.4 or more — read the notes below, or run again on an idle machine.
          </p>
          {result.load.note && (
            <p className="field-error" data-testid="bigo.real.load">
              {result.load.note}
            </p>
          )}
          <ul data-testid="bigo.real.notes">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <p className="stamp" data-testid="bigo.real.stamp">
            {result.runtime} · {result.stamp.cpuModel} · {result.stamp.cores} cores · {result.stamp.os} · {new Date(result.startedAt).toLocaleString()}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="bigo.real.empty">
          Not measured yet: only the model&apos;s counts are shown.
        </p>
      )}
      <BigOPythonPanel model={PYTHON_MODEL} />
    </div>
  );
}
