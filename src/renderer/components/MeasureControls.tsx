/** The controls every Real run panel shares: Run or Cancel, then progress and errors. */
import type { ReactNode } from 'react';
import { useApp } from '../state/store';
import { cancelMeasurement } from '../controller/measure';

/** "Run" while idle, "Cancel" while any measurement runs; test ids `<prefix>.run` / `<prefix>.cancel`. */
export function MeasureButton({ prefix, label, onRun }: { prefix: string; label: string; onRun: () => void }) {
  const job = useApp((s) => s.job);
  return job ? (
    <button type="button" onClick={() => void cancelMeasurement()} data-testid={`${prefix}.cancel`}>
      Cancel
    </button>
  ) : (
    <button type="button" className="primary" onClick={onRun} data-testid={`${prefix}.run`}>
      {label}
    </button>
  );
}

/** Progress of the running measurement and the last error; test ids `<prefix>.progress` / `<prefix>.error`. */
export function MeasureStatus({ prefix }: { prefix: string }) {
  const job = useApp((s) => s.job);
  const error = useApp((s) => s.measureError);
  return (
    <>
      {job && (
        <div className="progress" data-testid={`${prefix}.progress`}>
          <progress max={1} value={job.progress?.fraction ?? 0} aria-label={`${job.label} progress`} />
          <span>
            {job.label}: {job.progress?.message ?? 'starting…'}
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid={`${prefix}.error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** A Real run setting chosen among numbers, locked while a measurement runs. */
export function MeasureChoice({ label, value, values, format, onChange, testId }: { label: string; value: number; values: readonly number[]; format?: (v: number) => ReactNode; onChange: (v: number) => void; testId: string }) {
  const job = useApp((s) => s.job);
  return (
    <label className="field inline">
      <span>{label}</span>
      <select value={value} disabled={job !== null} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {values.map((v) => (
          <option key={v} value={v}>
            {format ? format(v) : v}
          </option>
        ))}
      </select>
    </label>
  );
}
