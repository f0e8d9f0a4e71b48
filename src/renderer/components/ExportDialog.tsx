/** The Export dialog: frame (PNG 2×, SVG), data (CSV), animation (GIF, WebM) with progress and Cancel. */
import { useEffect, useRef, useState } from 'react';
import { store, useApp } from '../state/store';
import { cancelExport, checkAnimation, exportAnimation, exportCsv, exportPng, exportSvg, MAX_EXPORT_FRAMES, stageIsSvg } from '../controller/exporter';
import { closeDialog } from '../controller/dialogs';

export function ExportDialog() {
  const job = useApp((s) => s.exportJob);
  const message = useApp((s) => s.exportMessage);
  const last = useApp((s) => s.times.length - 1);
  // The whole run by default: from the first step to the last.
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState(() => String(store.getState().times.length - 1));
  const [fps, setFps] = useState('4');
  const [problem, setProblem] = useState<string | null>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const svg = stageIsSvg();
  useEffect(() => firstRef.current?.focus(), []);

  const animate = (kind: 'gif' | 'webm') => {
    const request = { kind, from: Number(from), to: Number(to), fps: Number(fps), scale: 1 };
    const error = checkAnimation(request);
    setProblem(error);
    if (!error) void exportAnimation(request);
  };

  return (
    <div className="dialog-backdrop" onClick={() => !job && closeDialog()}>
      <div className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export.dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="export-title">Export</h2>
        <h3>This frame</h3>
        <div className="row">
          <button ref={firstRef} type="button" onClick={() => void exportPng()} disabled={job !== null} data-testid="export.png">
            PNG (2×)
          </button>
          <button type="button" onClick={() => void exportSvg()} disabled={job !== null || !svg} data-testid="export.svg" title={svg ? undefined : 'This stage is not one SVG'}>
            SVG
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={job !== null} data-testid="export.csv">
            Chart data (CSV)
          </button>
        </div>
        <h3>Animation</h3>
        <p className="muted">One frame per event, from step to step (the whole run by default; past {MAX_EXPORT_FRAMES} steps, {MAX_EXPORT_FRAMES} evenly spaced ones); the same scenario and seed always give the same frames.</p>
        <div className="row">
          <label>
            From step <input type="number" min={0} max={last} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export.from" />
          </label>
          <label>
            to <input type="number" min={0} max={last} value={to} onChange={(e) => setTo(e.target.value)} data-testid="export.to" />
          </label>
          <label>
            frames/s <input type="number" min={1} max={60} value={fps} onChange={(e) => setFps(e.target.value)} data-testid="export.fps" />
          </label>
        </div>
        <div className="row">
          <button type="button" onClick={() => animate('gif')} disabled={job !== null} data-testid="export.gif">
            Animated GIF
          </button>
          <button type="button" onClick={() => animate('webm')} disabled={job !== null} data-testid="export.webm">
            WebM video
          </button>
        </div>
        {problem && (
          <p className="notice error" role="alert" data-testid="export.problem">
            {problem}
          </p>
        )}
        {job && (
          <div className="progress" data-testid="export.progress">
            <span>
              Encoding {job.label}: frame {job.done} of {job.total}
            </span>
            <progress max={job.total} value={job.done} aria-label={`${job.label} export progress`} />
            <button type="button" onClick={cancelExport} data-testid="export.cancel">
              Cancel
            </button>
          </div>
        )}
        {message && (
          <p className={`notice${message.kind === 'error' ? ' error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="export.message">
            {message.text}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={closeDialog} disabled={job !== null} data-testid="export.close">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
