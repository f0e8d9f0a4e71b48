import type { SceneUi } from '../scenes/types';

export function NotFound({ sceneId, scenes }: { sceneId: string; scenes: readonly SceneUi[] }) {
  return (
    <section className="not-found" data-testid="scene.not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">No such scene: “{sceneId}”</h1>
      <p>The link may be mistyped or from a newer version of Nanoscope. These scenes exist:</p>
      <ul>
        {scenes.map((scene) => (
          <li key={scene.id}>
            <a href={`#/${scene.id}`}>{scene.title}</a> — {scene.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
