import type { SceneUi } from '../scenes/types';
import { useApp } from '../state/store';
import { focusStage } from '../controller/focus';

export function Sidebar({ scenes }: { scenes: readonly SceneUi[] }) {
  const current = useApp((s) => s.sceneId);
  return (
    <nav className="sidebar" aria-label="Scenes" data-testid="nav.scenes">
      <h2 className="sidebar-title">Scenes</h2>
      <ul>
        {scenes.map((scene) => (
          <li key={scene.id}>
            <a
              href={`#/${scene.id}`}
              aria-current={current === scene.id ? 'page' : undefined}
              data-testid={`nav.scene.${scene.id}`}
              // The same scene again changes no route: still hand the keyboard to the stage.
              onClick={() => requestAnimationFrame(() => focusStage())}
            >
              <span className="scene-name">{scene.title}</span>
              <span className="scene-summary">{scene.summary}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
