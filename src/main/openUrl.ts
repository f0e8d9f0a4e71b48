import { spawn } from 'node:child_process';

/** Whether a graphical desktop seems present (a browser could open). */
export function hasDesktop(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens a URL in the user's browser; returns false (never throws) when it cannot. */
export function openUrl(url: string, log: (line: string) => void, platform: NodeJS.Platform = process.platform): boolean {
  if (!hasDesktop(platform)) {
    log(`No desktop found (DISPLAY/WAYLAND_DISPLAY unset); open ${url} in a browser yourself.`);
    return false;
  }
  const [cmd, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => log(`Could not run ${cmd}; open ${url} in a browser yourself.`));
    child.unref();
    return true;
  } catch {
    log(`Could not run ${cmd}; open ${url} in a browser yourself.`);
    return false;
  }
}
