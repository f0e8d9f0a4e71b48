/** Starts browser mode (`node out/main/web.js --port 0`) and waits for its ready line. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningHost {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const READY = /Nanoscope browser mode ready at (http:\/\/127\.0\.0\.1:\d+\/)/;

export function startHost(timeoutMs = 20_000): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`browser mode did not print its ready line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1]!,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before it was ready:\n${output}`));
    });
  });
}
