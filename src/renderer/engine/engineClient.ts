/** Promise-based access to the simulation worker. One worker per app; requests are answered in order. */
import type { Frame, Loaded, LoadRequest, WorkerRequest, WorkerResponse } from './protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (fraction: number) => void };

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'nanoscope-sim' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if (message.type === 'progress') {
        waiting.onProgress?.(message.fraction);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new Error(message.message));
      else if (message.type === 'loaded') (waiting.resolve as (v: Loaded) => void)(message.loaded);
      else (waiting.resolve as (v: Frame) => void)(message.frame);
    };
    this.worker.onerror = (event) => {
      const error = new Error(`The simulation worker failed: ${event.message}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
  }

  private request<T>(body: WithoutId<WorkerRequest>, onProgress?: (fraction: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  load(request: Omit<LoadRequest, 'id' | 'type'>, onProgress?: (fraction: number) => void): Promise<Loaded> {
    return this.request<Loaded>({ type: 'load', ...request }, onProgress);
  }

  frame(step: number): Promise<Frame> {
    return this.request<Frame>({ type: 'frame', step });
  }
}
