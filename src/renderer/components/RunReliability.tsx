/**
 * How far a real run's figure can be trusted (issue 15): the spread of its repeats, the
 * machine's load before and after, and — when either makes the figure unreliable — a warning
 * in plain words. Test ids `<prefix>.reliability` and `<prefix>.reliability.warning`.
 */
import { reliabilityNotes, type HostLoad, type Spread } from '../../shared/reliability';

export interface RunReliabilityProps {
  readonly prefix: string;
  readonly result: { readonly spread?: Spread | null; readonly spreadFigure?: string; readonly load?: HostLoad } | null | undefined;
}

const num = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(3));

export function RunReliability({ prefix, result }: RunReliabilityProps) {
  if (!result || (!result.spread && !result.load)) return null;
  const { spread, load } = result;
  const notes = reliabilityNotes(spread, load);
  return (
    <div className="run-reliability" data-testid={`${prefix}.reliability`}>
      {notes.length > 0 && (
        <p className="reliability-warning" role="note" data-testid={`${prefix}.reliability.warning`}>
          <strong>Unreliable figure: </strong>
          {notes.join('; ')}.
        </p>
      )}
      <p className="muted">
        {spread && (
          <span data-testid={`${prefix}.reliability.spread`}>
            {spread.repeats > 1 ? `Spread of ${spread.repeats} repeats` : 'One run'}
            {result.spreadFigure ? ` (${result.spreadFigure})` : ''}: {num(spread.min)} – {num(spread.median)} – {num(spread.max)} {spread.unit} (min – median – max).{' '}
          </span>
        )}
        {load && (
          <span data-testid={`${prefix}.reliability.load`}>
            Machine load {num(load.loadBefore)} before, {num(load.loadAfter)} after, on {load.cores} core{load.cores === 1 ? '' : 's'}
            {load.stealPct === null ? '' : `; CPU time stolen by the hypervisor ${load.stealPct} %`}.
          </span>
        )}
      </p>
    </div>
  );
}
