/**
 * SIGUSR1 opens Node's inspector on 127.0.0.1:9229 in any Node process that has no listener
 * for it: a process that can signal a host (a real run's child, any local program) could then
 * drive the host with the inspector protocol. Node 20 has no `--disable-sigusr1` (it came in
 * 22.14/23.7), but a listener replaces the default handler, so every host (CLI, browser-mode
 * host, Electron main) installs one at start. tests/security checks that the inspector stays shut.
 */
let installed = false;

export function refuseSignalInspector(): void {
  if (installed || process.platform === 'win32') return;
  installed = true;
  process.on('SIGUSR1', () => {
    // Deliberately nothing: the signal must not open an inspector.
  });
}
