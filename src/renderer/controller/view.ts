/** View settings: presentation mode, theme, motion, the shortcut help. */
import { saveSetting, store } from '../state/store';

export function enterPresentation(): void {
  if (store.getState().presenting) return;
  store.setState({ presenting: true, helpOpen: false });
  // Fullscreen needs a user gesture and may be refused (headless, iframes): the mode works without it.
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function exitPresentation(): void {
  if (store.getState().helpOpen || store.getState().dialog) {
    store.setState({ helpOpen: false, dialog: null });
    return;
  }
  if (store.getState().pen) {
    store.setState({ pen: false });
    return;
  }
  if (!store.getState().presenting) return;
  store.setState({ presenting: false });
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

export function togglePresentation(): void {
  if (store.getState().presenting) exitPresentation();
  else enterPresentation();
}

export function toggleTheme(): void {
  const theme = store.getState().theme === 'dark' ? 'light' : 'dark';
  store.setState({ theme });
  saveSetting('theme', theme);
}

export function toggleMotion(): void {
  const motion = !store.getState().motion;
  store.setState({ motion });
  saveSetting('motion', motion ? 'on' : 'off');
}

export function toggleHelp(): void {
  store.setState({ helpOpen: !store.getState().helpOpen });
}

/** Leaving fullscreen by the browser's own means (F11, Esc in fullscreen) leaves presentation mode too. */
export function watchFullscreen(): void {
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && store.getState().presenting) store.setState({ presenting: false });
  });
}
