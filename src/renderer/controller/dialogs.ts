/** The File and Export dialogs, and files dropped on the window. */
import { store } from '../state/store';
import { openScenarioFile } from './scenario';
import { loadLessonFile } from './lesson';

export function closeDialog(): void {
  store.setState({ dialog: null });
}

export function openFileDialog(): void {
  store.setState({ dialog: 'file', helpOpen: false });
}

export function openExportDialog(): void {
  if (store.getState().sceneId) store.setState({ dialog: 'export', helpOpen: false });
}

/** A dropped `.json` is a lesson when it says so (`"format": "nanoscope.lesson"`), else a scenario. */
async function openDropped(file: File): Promise<void> {
  if (file.size <= 1024 * 1024 && /"format"\s*:\s*"nanoscope\.lesson"/.test(await file.slice(0, 4096).text())) {
    await loadLessonFile(file);
    return;
  }
  await openScenarioFile(file);
}

/** Drop anywhere on the window; a scene's own drop target (a trace on the cache stage) takes precedence. */
export function watchDrops(): void {
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void openDropped(file);
  });
}
