/** The File dialog: save, open (input or drop), recent scenarios, the share link. */
import { useEffect, useRef } from 'react';
import { FileInput } from './FileInput';
import { useApp } from '../state/store';
import { clearRecent, copyShareLink, openScenarioDialog, openScenarioFile, openScenarioText, saveScenario } from '../controller/scenario';
import { closeDialog } from '../controller/dialogs';

export function FileDialog() {
  const recent = useApp((s) => s.recent);
  const shareLink = useApp((s) => s.shareLink);
  const message = useApp((s) => s.fileMessage);
  const desktop = useApp((s) => s.hostInfo?.mode === 'desktop');
  const native = useApp((s) => s.hostInfo?.capabilities.nativeDialogs === true);
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  return (
    <div className="dialog-backdrop" onClick={closeDialog}>
      <div className="dialog file-dialog" role="dialog" aria-modal="true" aria-labelledby="file-title" data-testid="file.dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="file-title">Scenario</h2>
        <p className="muted">
          A scenario (<code>*.nanoscope.json</code>) keeps the scene, its settings, the seed and the exact timeline position.
        </p>
        <div className="row">
          <button ref={firstRef} type="button" onClick={() => void saveScenario()} data-testid="file.save">
            Save scenario…
          </button>
          <button type="button" onClick={() => void copyShareLink()} data-testid="file.share">
            Make a share link
          </button>
        </div>
        {native && (
          <button type="button" onClick={() => void openScenarioDialog()} data-testid="file.open-dialog">
            Open scenario…
          </button>
        )}{' '}
        <FileInput className="file-input" accept=".json,application/json" testId="file.open-input" onFile={(file) => void openScenarioFile(file)}>
          Open a scenario file
        </FileInput>
        <p className="muted">Or drop a scenario or lesson file anywhere on the window.</p>
        {message && (
          <p className={`notice${message.kind === 'error' ? ' error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="file.message">
            {message.text}
          </p>
        )}
        {shareLink && (
          <label className="share-link">
            Share link{desktop ? ' (browser mode)' : ''}
            <input type="text" readOnly value={shareLink} data-testid="file.share-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
        )}
        {recent.length > 0 && (
          <section aria-labelledby="recent-title">
            <h3 id="recent-title">Recent</h3>
            <ul className="recent" data-testid="file.recent">
              {recent.map((r) => (
                <li key={r.name}>
                  <button type="button" className="link" onClick={() => openScenarioText(r.name, r.text)}>
                    {r.name}
                  </button>{' '}
                  <span className="muted">{new Date(r.at).toLocaleString()}</span>
                </li>
              ))}
            </ul>
            <button type="button" className="link" onClick={clearRecent}>
              Forget the recent list
            </button>
          </section>
        )}
        <div className="row">
          <button type="button" onClick={closeDialog} data-testid="file.close">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
