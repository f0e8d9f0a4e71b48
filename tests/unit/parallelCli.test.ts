import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-parallel-'));

interface Out {
  wall_ns: number;
  cpu_ns: number;
  context_switches: number;
  per_core: { busy_ns: number }[];
  tasks: { id: number; worker: number; start_ns: number; end_ns: number }[];
  single_wall_ns: number;
}

async function parallel(...args: string[]): Promise<Out> {
  const r = await cli('parallel', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Out;
}

describe('nanoscope parallel', () => {
  it('prints the contract shape, and the lesson of the issue', async () => {
    const gil = await parallel('--preset', 'cpu-bound', '--style', 'gil', '--workers', '4', '--cores', '4');
    expect(Object.keys(gil)).toEqual(expect.arrayContaining(['wall_ns', 'cpu_ns', 'context_switches', 'per_core', 'tasks']));
    expect(gil.per_core).toHaveLength(4);
    for (const c of gil.per_core) expect(Object.keys(c)).toContain('busy_ns');
    expect(gil.tasks).toHaveLength(16);
    for (const t of gil.tasks) expect(Object.keys(t).sort()).toEqual(['end_ns', 'id', 'start_ns', 'worker']);
    expect(gil.per_core.reduce((a, c) => a + c.busy_ns, 0)).toBe(gil.cpu_ns);
    const single = await parallel('--preset', 'cpu-bound', '--style', 'single', '--workers', '4', '--cores', '4');
    // 16 tasks × 20 ms, one after another, no overheads
    expect(single).toMatchObject({ wall_ns: 320_000_000, cpu_ns: 320_000_000, context_switches: 0 });
    expect(gil.wall_ns / single.wall_ns).toBeGreaterThanOrEqual(1);
    expect(gil.wall_ns / single.wall_ns).toBeLessThan(1.01);
    for (const style of ['threads', 'processes']) {
      const r = await parallel('--preset', 'cpu-bound', '--style', style, '--workers', '4', '--cores', '4');
      expect(r.wall_ns / single.wall_ns).toBeGreaterThan(0.25);
      expect(r.wall_ns / single.wall_ns).toBeLessThan(0.27);
    }
    const io = await parallel('--preset', 'io-bound', '--style', 'gil', '--workers', '4', '--cores', '4');
    expect(io.single_wall_ns / io.wall_ns).toBeGreaterThan(3.3);
  });

  it('reads a job file, and names the file and field when it is wrong', async () => {
    const good = join(dir, 'job.json');
    writeFileSync(good, JSON.stringify({ tasks: 2, steps: [{ cpu_ms: 1 }, { io_ms: 2, what: 'db' }] }));
    // single: 2 × (1 ms + 2 ms) = 6 ms, 2 ms of CPU
    expect(await parallel('--preset', good, '--style', 'single')).toMatchObject({ wall_ns: 6_000_000, cpu_ns: 2_000_000 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ tasks: 2, steps: [{ cpu_ms: 'lots' }] }));
    const r = await cli('parallel', '--preset', bad, '--json');
    expect(r.code).toBe(1);
    const message = (JSON.parse(r.stderr) as { error: { message: string } }).error.message;
    expect(message).toContain(bad);
    expect(message).toContain('steps[0].cpu_ms');
  });

  it('rejects bad values (exit 1), unknown flags (exit 2), and runaway runs (exit 3)', async () => {
    expect((await cli('parallel', '--style', 'fibers')).code).toBe(1);
    expect((await cli('parallel', '--workers', '0')).code).toBe(1);
    expect((await cli('parallel', '--threads', '2')).code).toBe(2);
    expect((await cli('parallel', '--preset', 'cpu-bound', '--max-events', '10', '--json')).code).toBe(3);
  });
});
