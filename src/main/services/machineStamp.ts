import os from 'node:os';
import type { MachineStamp } from '../../shared/api';

/** "Node 20.20.2 (V8 11.3)" or "Electron 45.4.1 (Node 22.x, Chromium 140.x)". */
export function runtimeName(versions: NodeJS.ProcessVersions = process.versions): string {
  const v8 = versions.v8.split('.').slice(0, 2).join('.');
  const electron = (versions as Record<string, string | undefined>).electron;
  const chrome = (versions as Record<string, string | undefined>).chrome;
  if (electron) return `Electron ${electron} (Node ${versions.node}, Chromium ${chrome ?? '?'})`;
  return `Node ${versions.node} (V8 ${v8})`;
}

/** What this machine is, from os.cpus() and friends; stamped on every real measurement. */
export function machineStamp(): MachineStamp {
  const cpus = os.cpus();
  const first = cpus[0];
  const type = os.type() === 'Darwin' ? 'macOS' : os.type() === 'Windows_NT' ? 'Windows' : os.type();
  return {
    cpuModel: first?.model.trim() || 'unknown CPU',
    cores: cpus.length || (typeof os.availableParallelism === 'function' ? os.availableParallelism() : 1),
    cpuMHz: first?.speed ?? 0,
    os: `${type} ${os.release()} ${os.arch()}`,
    runtime: runtimeName(),
    totalMemoryBytes: os.totalmem(),
  };
}
