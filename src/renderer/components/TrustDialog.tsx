/** Asks before code the user did not type runs for real (controller/trust.ts). */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { cancelTrust, confirmTrust, trustStore } from '../controller/trust';

const MAY_DO = {
  node: 'It runs in a separate Node process on this computer, inside a sandbox: no network, no files but its own copy, no other processes (on Linux also in its own user, network and process namespaces), at most 5 s, 320 MiB of memory and 1 MiB of output.',
  browser: 'It runs in this browser, in a Worker inside a sandboxed frame with no origin of its own: no network (not even this app), no storage, no page to touch, at most 5 s and 1 MiB of output.',
} as const;

export function TrustDialog() {
  const pending = useStore(trustStore, (s) => s.pending);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending === null) return;
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') cancelTrust();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending]);
  if (pending === null) return null;
  const lines = pending.code.split('\n').length;
  return (
    <div className="dialog-backdrop" onClick={cancelTrust}>
      <div className="dialog trust-dialog" role="alertdialog" aria-modal="true" aria-labelledby="trust-title" aria-describedby="trust-what" data-testid="trust.dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="trust-title">Run this code for real?</h2>
        <p id="trust-what">
          You did not write this program here: it came with a link, a file or a lesson. The model has only simulated it, which
          runs nothing. A real run executes it. {MAY_DO[pending.runtime]}
        </p>
        <p className="muted">A sandbox limits what code can do; it is not a promise. Run only code you are willing to run.</p>
        <pre className="trust-code" data-testid="trust.code" tabIndex={0} aria-label={`The program, ${lines} line${lines === 1 ? '' : 's'}`}>
          {pending.code}
        </pre>
        <p className="muted">Editing the code makes it yours: then it runs without this question.</p>
        <div className="row">
          <button type="button" className="primary" onClick={confirmTrust} data-testid="trust.confirm">
            Run it for real
          </button>
          <button ref={cancelRef} type="button" onClick={cancelTrust} data-testid="trust.cancel">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
