import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { DEFAULT_PROCESS_MEMORY_BYTES, ioLatency, parseJob, PRESET_IDS, PRESETS } from './jobs';

describe('parallel jobs', () => {
  it('parses a job file into ns, with defaults', () => {
    const r = parseJob({ name: 'mine', tasks: 3, steps: [{ cpu_ms: 1.5 }, { io: 'ssd', times: 2 }, { io_ms: 0.25, what: 'queue' }], data_bytes: 1024 });
    expect(r).toEqual({
      ok: true,
      job: {
        label: 'mine',
        description: 'a job read from a file',
        tasks: 3,
        steps: [{ cpu: 1_500_000 }, { io: 'ssd', times: 2 }, { wait: 250_000, what: 'queue' }],
        dataBytes: 1024,
        processMemoryBytes: DEFAULT_PROCESS_MEMORY_BYTES,
      },
    });
  });

  it('names every bad field', () => {
    const r = parseJob({ tasks: 0, steps: [{ cpu_ms: -1 }, { io: 'floppy' }, { io: 'hdd', times: 1.5 }, { sleep: 3 }, { io_ms: 1, colour: 'red' }], extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'extra: unknown field (fields: name, description, tasks, steps, data_bytes, process_memory_bytes)',
      'tasks: must be an integer > 0 and ≤ 4096 (got 0)',
      'steps[0].cpu_ms: must be a number > 0 and ≤ 60000 (got -1)',
      'steps[1].io: must be one of ssd, ssd-1mb, hdd, hdd-1mb, datacenter, internet (got "floppy")',
      'steps[2].times: must be an integer > 0 and ≤ 1000 (got 1.5)',
      'steps[3]: needs "cpu_ms", "io" or "io_ms"',
      'steps[4].colour: unknown field of a wait step (io_ms, what)',
    ]);
    expect(parseJob([])).toEqual({ ok: false, problems: ['the top level must be an object {"tasks", "steps", ...}'] });
    expect(parseJob({ tasks: 1, steps: [] })).toEqual({ ok: false, problems: ['steps: must be a list of 1 to 64 steps'] });
  });

  it('prices I/O from the machine, with the ~2012 figures where it has none', () => {
    expect(ioLatency(getPreset('2020')!, 'hdd')).toMatchObject({ ns: 2_000_000 });
    expect(ioLatency(getPreset('2012')!, 'datacenter')).toMatchObject({ ns: 500_000 });
    expect(ioLatency(getPreset('teaching')!, 'ssd-1mb')).toEqual({ ns: 1_000_000, source: 'default (~2012 table)' });
  });

  it('has the five presets, each with a label and a description', () => {
    expect(PRESET_IDS).toEqual(['cpu-bound', 'io-bound', 'mixed', 'etl', 'hbase']);
    for (const id of PRESET_IDS) {
      expect(PRESETS[id].label.length).toBeGreaterThan(0);
      expect(PRESETS[id].description.length).toBeGreaterThan(0);
    }
  });
});
