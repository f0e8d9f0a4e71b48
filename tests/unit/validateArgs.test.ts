import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/shared/validateArgs';

const mem = (params: Record<string, unknown>) => [{ kind: 'memory-latency', params }];

describe('validateArgs', () => {
  it('accepts every method with good arguments', () => {
    expect(validateArgs('hostInfo', [])).toEqual({ ok: true, method: 'hostInfo', args: [] });
    expect(validateArgs('osCaches', [])).toEqual({ ok: true, method: 'osCaches', args: [] });
    expect(validateArgs('startMeasurement', mem({ maxBytes: 4096, repeats: 9, budgetMs: 1000 })).ok).toBe(true);
    expect(validateArgs('startMeasurement', mem({ maxBytes: 2 ** 31 })).ok).toBe(true);
    expect(validateArgs('startMeasurement', [{ kind: 'storage-latency', params: { reads: 4096 } }]).ok).toBe(true);
    expect(validateArgs('startMeasurement', [{ kind: 'mutex-latency', params: {} }]).ok).toBe(true);
    expect(validateArgs('cancelMeasurement', ['memory-latency-1-abc'])).toEqual({ ok: true, method: 'cancelMeasurement', args: ['memory-latency-1-abc'] });
    expect(validateArgs('saveFile', [{ suggestedName: 'a.json', data: '{}', encoding: 'utf8', filters: [{ name: 'JSON', extensions: ['json'] }] }]).ok).toBe(true);
    expect(validateArgs('openFile', [{ filters: [{ name: 'Scenario', extensions: ['nanoscope.json'] }] }]).ok).toBe(true);
    expect(validateArgs('openFile', [{}]).ok).toBe(true);
  });

  it('openFile: filters checked, no other fields', () => {
    expect(validateArgs('openFile', [{ path: '/etc/passwd' }])).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'openFile: request.path is not a known field (expected filters)' },
    });
    expect(validateArgs('openFile', [{ filters: [{ name: 1 }] }])).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'openFile: request.filters[0] must be { name: string, extensions: string[] }' },
    });
  });

  it('unknown method → not-found', () => {
    expect(validateArgs('rmRf', [])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'unknown method "rmRf" (known: hostInfo, osCaches, startMeasurement, cancelMeasurement, saveFile, openFile, findPython)' },
    });
    expect(validateArgs('toString', []).ok).toBe(false);
  });

  it.each([
    [mem({ maxBytes: 4095 }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mem({ maxBytes: 2 ** 31 + 1 }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mem({ maxBytes: 8192.5 }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mem({ maxBytes: '8192' }), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mem({}), 'startMeasurement: params.maxBytes must be an integer from 4096 to 2147483648'],
    [mem({ maxBytes: 4096, repeats: 0 }), 'startMeasurement: params.repeats must be an integer from 1 to 9'],
    [mem({ maxBytes: 4096, repeats: 10 }), 'startMeasurement: params.repeats must be an integer from 1 to 9'],
    [mem({ maxBytes: 4096, budgetMs: 999 }), 'startMeasurement: params.budgetMs must be an integer from 1000 to 600000'],
    [mem({ maxBytes: 4096, budgetMs: 600001 }), 'startMeasurement: params.budgetMs must be an integer from 1000 to 600000'],
    [mem({ maxBytes: 4096, extra: 1 }), 'startMeasurement: params.extra is not a known field (expected maxBytes, repeats, budgetMs)'],
    [[{ kind: 'storage-latency', params: { reads: 15 } }], 'startMeasurement: params.reads must be an integer from 16 to 4096'],
    [[{ kind: 'storage-latency', params: { reads: 4097 } }], 'startMeasurement: params.reads must be an integer from 16 to 4096'],
    [[{ kind: 'cpu-latency', params: {} }], 'startMeasurement: request.kind must be one of memory-latency, storage-latency, mutex-latency, memory-mountain, race, false-sharing, startup, speedup, simd, bigo, event-loop, python-gil, python-race, python-vector, python-bigo, python-dask, mapreduce'],
    [[{ kind: 'bigo', params: { maxN: 999 } }], 'startMeasurement: params.maxN must be an integer from 1000 to 2000000'],
    [[{ kind: 'bigo', params: { repeats: 16 } }], 'startMeasurement: params.repeats must be an integer from 1 to 15'],
    [[{ kind: 'bigo', params: { sizes: [1] } }], 'startMeasurement: params.sizes is not a known field (expected maxN, repeats, budgetMs)'],
    [[{ kind: 'python-race', params: { variant: 'both' } }], 'startMeasurement: params.variant must be seed or call'],
    [[{ kind: 'python-race', params: { variant: 'seed', iterations: 0 } }], 'startMeasurement: params.iterations must be an integer from 1 to 10000000'],
    [[{ kind: 'python-gil', params: { python: 'python3' } }], 'startMeasurement: params.python must be an absolute path of at most 4096 characters on one line'],
    [[{ kind: 'python-gil', params: { python: '/usr/bin/python3\n-c' } }], 'startMeasurement: params.python must be an absolute path of at most 4096 characters on one line'],
    [[{ kind: 'python-gil', params: { workers: 17 } }], 'startMeasurement: params.workers must be an integer from 1 to 16'],
    [[{ kind: 'python-bigo', params: { sizes: [10, 1_000_001] } }], 'startMeasurement: params.sizes[1] must be an integer from 10 to 1000000'],
    [[{ kind: 'python-dask', params: { input: '/etc/passwd', text: '' } }], 'startMeasurement: params.input is not a known field (expected python, budgetMs, text, sizeMB)'],
    [[{ kind: 'python-dask', params: { sizeMB: 65 } }], 'startMeasurement: params.sizeMB must be an integer from 1 to 64'],
    [[{ kind: 'python-dask', params: { sizeMB: 2, text: 'a b' } }], 'startMeasurement: params: give either text or sizeMB, not both'],
    [[{ kind: 'python-vector', params: { n: 5_000_001 } }], 'startMeasurement: params.n must be an integer from 1000 to 5000000'],
    [[{ kind: 'event-loop', params: { source: 1, runtime: 'node' } }], 'startMeasurement: params.source must be a string of at most 20000 characters'],
    [[{ kind: 'event-loop', params: { source: 'x'.repeat(20_001), runtime: 'node' } }], 'startMeasurement: params.source must be a string of at most 20000 characters'],
    [[{ kind: 'event-loop', params: { source: '', runtime: 'browser' } }], 'startMeasurement: params.runtime must be "node" (the browser runtime runs in the page)'],
    [[{ kind: 'event-loop', params: { source: '', runtime: 'node', timeoutMs: 99 } }], 'startMeasurement: params.timeoutMs must be an integer from 100 to 60000'],
    [[{ kind: 'mutex-latency' }], 'startMeasurement: params must be an object'],
    [[], 'startMeasurement: expected 1 argument (request), got 0'],
    [[null], 'startMeasurement: request must be an object { kind, params }'],
  ])('startMeasurement %j → bad-request', (args, message) => {
    expect(validateArgs('startMeasurement', args)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });

  it('checks arity and types of the other methods', () => {
    expect(validateArgs('hostInfo', [1])).toEqual({ ok: false, error: { code: 'bad-request', message: 'hostInfo: expected no arguments, got 1' } });
    expect(validateArgs('osCaches', 'x')).toEqual({ ok: false, error: { code: 'bad-request', message: 'osCaches: arguments must be an array' } });
    expect(validateArgs('cancelMeasurement', [42])).toEqual({ ok: false, error: { code: 'bad-request', message: 'cancelMeasurement: jobId must be a non-empty string' } });
    expect(validateArgs('saveFile', [{ suggestedName: '../x', data: '' }])).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'saveFile: request.suggestedName must be a file name, not a path' },
    });
    expect(validateArgs('saveFile', [{ suggestedName: 'x', data: 1 }])).toEqual({ ok: false, error: { code: 'bad-request', message: 'saveFile: request.data must be a string' } });
    expect(validateArgs('saveFile', [{ suggestedName: 'x', data: '', encoding: 'hex' }])).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'saveFile: request.encoding must be utf8 or base64' },
    });
  });
});
