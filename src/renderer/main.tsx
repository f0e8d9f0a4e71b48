/** Start-up: the API, the worker, routing, keyboard, menu events, then React. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from './components/Shell';
import { SCENES } from './scenes/registry';
import { EngineClient } from './engine/engineClient';
import { attachEngine } from './controller/playback';
import { startRouting } from './controller/sceneController';
import { initMeasurements } from './controller/measure';
import { registry } from './controller/commands';
import { commandForEvent } from './commands/registry';
import { watchFullscreen } from './controller/view';
import { watchDrops } from './controller/dialogs';
import { getApi } from './api/client';
import { store } from './state/store';
import './styles.css';

const engine = new EngineClient();
attachEngine(engine);
initMeasurements();
watchFullscreen();
watchDrops();

const api = getApi();
api.onEvent((event) => {
  if (event.type === 'menu.command') registry.run(event.commandId);
});
api
  .hostInfo()
  .then((hostInfo) => store.setState({ hostInfo }))
  .catch(() => undefined);
api
  .osCaches()
  .then((osCaches) => store.setState({ osCaches }))
  .catch(() => undefined);

window.addEventListener('keydown', (event) => {
  const command = commandForEvent(registry, event);
  // An export owns the playhead until it ends or is cancelled (its dialog's Cancel).
  if (!command || store.getState().exportJob) return;
  event.preventDefault();
  command.run();
});

const bench = /^#\/_bench\/particles(?:\?n=(\d+))?(&mode=canvas)?$/.exec(window.location.hash);
if (!bench) startRouting(SCENES, engine);

// The frame-time bench's pages (`npm run bench`) load only on their route.
const ParticlesBench = lazy(() => import('./bench/ParticlesBench').then((m) => ({ default: m.ParticlesBench })));
const ParticlesCanvasBench = lazy(() => import('./bench/ParticlesBench').then((m) => ({ default: m.ParticlesCanvasBench })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {bench ? (
      <Suspense fallback={null}>
        {bench[2] ? <ParticlesCanvasBench count={Math.min(20_000, Number(bench[1] ?? 1000))} /> : <ParticlesBench count={Math.min(20_000, Number(bench[1] ?? 1000))} />}
      </Suspense>
    ) : (
      <Shell scenes={SCENES} />
    )}
  </StrictMode>,
);
