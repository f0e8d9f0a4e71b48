import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-stacks-'));
const GiB = 2 ** 30;
const MiB = 2 ** 20;
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('nanoscope stacks', () => {
  it('fits 42 VMs of 1.5 GiB on a 64 GiB host, 16 booting at a time', async () => {
    // 64 GiB − 1 GiB reserve = 64,512 MiB; / (512 MiB app + 1,024 MiB guest) = 42.
    // 16 cores: waves at 0, 30, 60 s (16 + 16 + 10); the last ready at 90 s.
    const host = file('host64.json', { cores: 16, memory_gib: 64 });
    const r = await cli('stacks', '--stack', 'vm', '--instances', '50', '--host', host, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ stack: 'vm', instances: 50, fit: 42, start_ms: 90_000, memory_overhead_bytes: GiB, rejected: 8 });
    expect(Object.keys(out).slice(0, 6)).toEqual(['stack', 'instances', 'fit', 'rejected', 'start_ms', 'memory_overhead_bytes']);
    expect(out.timeline).toHaveLength(42);
    expect(out.timeline[16]).toEqual({ instance: 16, start_ms: 30_000, ready_ms: 60_000 });
    expect(out.timeline[41]).toEqual({ instance: 41, start_ms: 60_000, ready_ms: 90_000 });
  });

  it('starts microVMs and containers on the default host (2020 preset: 8 cores, 32 GiB assumed)', async () => {
    // microVM: 517 MiB each, 31,744 / 517 = 61.4 → all 40 fit; 5 waves × 125 ms = 625 ms.
    const micro = JSON.parse((await cli('stacks', '--stack', 'microvm', '--instances', '40', '--json')).stdout);
    expect(micro).toMatchObject({ fit: 40, start_ms: 625, memory_overhead_bytes: 5 * MiB });
    const metal = JSON.parse((await cli('stacks', '--stack', 'metal', '--instances', '1', '--json')).stdout);
    expect(metal).toMatchObject({ fit: 1, start_ms: 48, memory_overhead_bytes: 0, timeline: [{ instance: 0, start_ms: 0, ready_ms: 48 }] });
    const fn = JSON.parse((await cli('stacks', '--stack', 'function', '--instances', '2', '--boot-ms', '300', '--json')).stdout);
    expect(fn).toMatchObject({ fit: 2, start_ms: 300 });
  });

  it('exits 1 naming the field of a bad host file, 2 on bad usage', async () => {
    const bad = await cli('stacks', '--stack', 'vm', '--instances', '4', '--host', file('bad.json', { cores: 0, memory_gib: 8 }), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toMatch(/bad\.json: cores must be a positive integer/);
    const noMem = await cli('stacks', '--stack', 'vm', '--host', file('nomem.json', { cores: 2 }));
    expect(noMem.code).toBe(1);
    expect(noMem.stderr).toMatch(/nomem\.json: memory_bytes \(or memory_gib\)/);
    const broken = await cli('stacks', '--stack', 'vm', '--host', file('broken.json', '{\n"cores": 2,\n}'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: line 3: not valid JSON/);
    expect((await cli('stacks', '--stack', 'kvm', '--instances', '4')).code).toBe(2);
    expect((await cli('stacks', '--instances', '4')).code).toBe(2);
    expect((await cli('stacks', '--stack', 'vm', '--instances', '0', '--json')).code).toBe(1);
  });
});

describe('nanoscope cost', () => {
  it('counts cold starts and prices the hand trace per month', async () => {
    // The hand trace of src/sim/stacks/functions.test.ts: 3 cold, 1 warm, 2 at once;
    // function $0.007579847325 a month; one always-on VM $0.154 × 730 = $112.42.
    const requests = file('hand.json', {
      requests: [
        { t_ms: 0, duration_ms: 100 },
        { t_ms: 50, duration_ms: 100 },
        { t_ms: 1000, duration_ms: 100 },
        { t_ms: 700_000, duration_ms: 100 },
      ],
      keep_alive_ms: 600_000,
      cold_start_ms: 250,
    });
    const r = await cli('cost', '--requests', requests, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ requests: 4, cold_starts: 3, warm_hits: 1, max_concurrency: 2, peak_load: 2, scale_to_zero: 3, period_ms: 3_600_000, vms_needed: 1 });
    expect(out.cost_per_month.function).toBeCloseTo(0.007579847325, 12);
    expect(out.cost_per_month.vm).toBeCloseTo(112.42, 9);
    expect(out.developer.machine_hours_per_developer_hour).toBeCloseTo(324.675, 3);
    expect(out.developer.week_on_ec2).toBeCloseTo(6.16, 10);
  });

  it('takes a plain array of arrival times and edited prices', async () => {
    // Arrivals 0 and 10 ms, 100 ms each (default), cold start 250 ms, keep-alive 600 s:
    // both cold (the first is still starting). VM at $1/hour, 1 request per VM: 2 VMs × 730 = $1,460.
    const plain = await cli('cost', '--requests', file('plain.json', [0, 10]), '--json');
    expect(JSON.parse(plain.stdout)).toMatchObject({ requests: 2, cold_starts: 2, warm_hits: 0 });
    const priced = await cli('cost', '--requests', file('priced.json', { requests: [0, 10], prices: { vm_hourly: 1, vm_concurrency: 1 } }), '--json');
    expect(JSON.parse(priced.stdout).cost_per_month.vm).toBe(1460);
  });

  it('exits 1 naming file and field, 2 on bad usage', async () => {
    const bad = await cli('cost', '--requests', file('badreq.json', { requests: [{ t_ms: 0 }, { t_ms: -5 }] }), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toMatch(/badreq\.json: requests\[1\]\.t_ms must be a number ≥ 0 \(got -5\)/);
    const price = await cli('cost', '--requests', file('badprice.json', { requests: [0], prices: { vm_hourly: 'cheap' } }));
    expect(price.code).toBe(1);
    expect(price.stderr).toMatch(/badprice\.json: prices\.vm_hourly must be a number/);
    const missing = await cli('cost', '--requests', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect((await cli('cost', '--json')).code).toBe(2);
    expect((await cli('cost', '--trace', 'spiky')).code).toBe(2);
  });
});
