import { useApp } from '../state/store';
import { store } from '../state/store';

export function Notices() {
  const ignored = useApp((s) => s.ignored);
  const notice = useApp((s) => s.notice);
  const loadError = useApp((s) => s.loadError);
  const loading = useApp((s) => s.loading);
  const progress = useApp((s) => s.loadProgress);
  const fileMessage = useApp((s) => (s.dialog === 'file' ? null : s.fileMessage));
  if (ignored.length === 0 && !notice && !loadError && !fileMessage && !(loading && progress > 0)) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {loading && progress > 0 && (
        <p className="notice" data-testid="notices.loading">
          Simulating… <progress max={1} value={progress} aria-label="Simulation progress" /> {Math.round(progress * 100)} %
        </p>
      )}
      {loadError && (
        <p className="notice error" data-testid="notices.error">
          The simulation failed: {loadError}
        </p>
      )}
      {ignored.length > 0 && (
        <p className="notice" data-testid="notices.ignored">
          Ignored from the link (defaults used): {ignored.map((i) => i.reason).join('; ')}.{' '}
          <button type="button" className="link" onClick={() => store.setState({ ignored: [] })}>
            Dismiss
          </button>
        </p>
      )}
      {fileMessage && (
        <p className={`notice${fileMessage.kind === 'error' ? ' error' : ''}`} data-testid="notices.file">
          {fileMessage.text}{' '}
          <button type="button" className="link" onClick={() => store.setState({ fileMessage: null })}>
            Dismiss
          </button>
        </p>
      )}
      {notice && (
        <p className="notice" data-testid="notices.machine">
          {notice}
        </p>
      )}
    </div>
  );
}
