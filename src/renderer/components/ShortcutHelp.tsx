import { useEffect, useRef } from 'react';
import { registry } from '../controller/commands';
import { toggleHelp } from '../controller/view';
import { findScene } from '../controller/sceneController';
import { useApp } from '../state/store';

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  'Shift+ArrowRight': 'Shift+→',
  'Shift+ArrowLeft': 'Shift+←',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
};

export function ShortcutHelp() {
  const closeRef = useRef<HTMLButtonElement>(null);
  const scene = findScene(useApp((s) => s.sceneId));
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={toggleHelp}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="help.shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className="muted">Shortcuts are off while you type in a field.</p>
        <table>
          <tbody>
            {registry
              .list()
              .filter((c) => c.keys.length > 0)
              .map((c) => (
                <tr key={c.id}>
                  <td>
                    {[...new Set(c.keys.map((k) => KEY_NAMES[k] ?? k.toUpperCase()))].map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </td>
                  <td>{c.label}</td>
                </tr>
              ))}
            {scene?.keys?.map((k) => (
              <tr key={k.keys} data-testid="help.scene-key">
                <td>
                  <kbd>{k.keys}</kbd>
                </td>
                <td>
                  {k.label} <span className="muted">({scene.title})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={toggleHelp} data-testid="help.close">
          Close
        </button>
      </div>
    </div>
  );
}
