/**
 * Median latency of random 4 KiB reads that bypass the page cache (O_DIRECT, Linux). The
 * file is written with random bytes and fsynced, so the reads hit the device, not a sparse hole.
 */
import { randomFillSync, randomInt } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { spreadOf } from '../../shared/reliability';
import { envelopeFor, type StorageLatencyInput, type WorkerMessage, type WorkerResult } from './protocol';

const BLOCK = 4096;

/** Index of the first offset in `buf` at which an O_DIRECT read of 4 KiB is accepted, or -1. */
export function findAlignedOffset(fd: number, buf: Buffer): number {
  for (let off = 0; off + BLOCK <= buf.length && off < BLOCK; off += 16) {
    try {
      fs.readSync(fd, buf, off, BLOCK, 0);
      return off;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
    }
  }
  return -1;
}

function writeTempFile(path: string, bytes: number): void {
  const fd = fs.openSync(path, 'wx', 0o600);
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let written = 0; written < bytes; written += chunk.length) {
      randomFillSync(chunk);
      fs.writeSync(fd, chunk, 0, chunk.length);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function tryDir(dir: string, input: StorageLatencyInput, post: (m: WorkerMessage) => void): WorkerResult | string {
  const O_DIRECT = (fs.constants as Record<string, number | undefined>).O_DIRECT;
  if (process.platform !== 'linux' || O_DIRECT === undefined) return 'O_DIRECT is only available on Linux';
  fs.mkdirSync(dir, { recursive: true });
  const path = join(dir, `nanoscope-storage-${process.pid}-${Date.now()}-${randomInt(1e9)}.bin`);
  post({ type: 'tempFile', path });
  try {
    post({ type: 'progress', fraction: 0.05, message: `writing a ${input.fileBytes / 1024 ** 2} MiB test file in ${dir}` });
    writeTempFile(path, input.fileBytes);
    let fd: number;
    try {
      fd = fs.openSync(path, fs.constants.O_RDONLY | O_DIRECT);
    } catch (e) {
      return `O_DIRECT open failed in ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; tmpfs does not support it)`;
    }
    try {
      const buf = Buffer.alloc(2 * BLOCK + BLOCK);
      const off = findAlignedOffset(fd, buf);
      if (off < 0) return `O_DIRECT reads are refused in ${dir} (EINVAL at every buffer offset)`;
      const blocks = Math.floor(input.fileBytes / BLOCK);
      // Warm-up, untimed: the first reads pay for the file's metadata and the device waking up.
      for (let i = 0; i < Math.min(16, blocks); i++) fs.readSync(fd, buf, off, BLOCK, randomInt(blocks) * BLOCK);
      const times: number[] = [];
      for (let i = 0; i < input.reads; i++) {
        const pos = randomInt(blocks) * BLOCK;
        const t = process.hrtime.bigint();
        fs.readSync(fd, buf, off, BLOCK, pos);
        times.push(Number(process.hrtime.bigint() - t));
        if ((i + 1) % 64 === 0) post({ type: 'progress', fraction: 0.1 + (0.9 * (i + 1)) / input.reads, message: `${i + 1} of ${input.reads} reads` });
      }
      return { kind: 'storage-latency', randomRead4KNs: Math.round(median(times)), path, spread: spreadOf(times, 'ns'), spreadFigure: 'ns per random 4 KiB read' };
    } finally {
      fs.closeSync(fd);
    }
  } finally {
    fs.rmSync(path, { force: true });
    post({ type: 'tempFile', path: null });
  }
}

export function measureStorage(input: StorageLatencyInput, post: (m: WorkerMessage) => void): WorkerResult {
  const reasons: string[] = [];
  for (const dir of input.dirs) {
    try {
      const r = tryDir(dir, input, post);
      if (typeof r !== 'string') return r;
      reasons.push(r);
      if (process.platform !== 'linux') break;
    } catch (e) {
      reasons.push(`${dir}: ${(e as Error).message}`);
    }
  }
  return { kind: 'storage-latency', randomRead4KNs: null, reason: reasons.join('; ') };
}

const input = envelopeFor<StorageLatencyInput>('storage-latency', workerData);
if (parentPort && input) {
  const port = parentPort;
  try {
    const result = measureStorage(input, (m) => port.postMessage(m));
    port.postMessage({ type: 'result', result } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ type: 'error', budget: false, message: `storage latency failed: ${(e as Error).message}` } satisfies WorkerMessage);
  }
}
