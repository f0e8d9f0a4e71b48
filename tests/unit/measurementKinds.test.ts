/** The measurement-kind registry against the files on disk and the API's validation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_KIND_NAMES, MEASUREMENT_KINDS, WORKER_NAMES, workerSourceName } from '../../src/shared/measurementKinds';
import { validateArgs } from '../../src/shared/validateArgs';
import { root } from './cliHarness';

describe('measurement kinds', () => {
  it('every worker of the registry has its source, and every worker source is registered', () => {
    const dir = `${root}/src/main/workers`;
    for (const name of WORKER_NAMES) expect(existsSync(`${dir}/${workerSourceName(name)}.ts`), name).toBe(true);
    // A worker entry reads its envelope (envelopeFor); helpers (threadCrew.ts) do not.
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'protocol.ts' && readFileSync(`${dir}/${f}`, 'utf8').includes('envelopeFor'));
    expect(sources.map((f) => f.replace('.ts', '')).sort()).toEqual(WORKER_NAMES.map(workerSourceName).sort());
  });

  it('names every kind, in the order of the table', () => {
    expect(MEASUREMENT_KIND_NAMES).toEqual(Object.keys(MEASUREMENT_KINDS));
    expect(MEASUREMENT_KINDS['memory-latency'].worker).toBe('pointer-chase');
    expect(workerSourceName('memory-mountain')).toBe('memoryMountain');
  });

  it('an unknown kind is refused with the list from the table', () => {
    expect(validateArgs('startMeasurement', [{ kind: 'warp-drive', params: {} }])).toEqual({ ok: false, error: { code: 'bad-request', message: `startMeasurement: request.kind must be one of ${MEASUREMENT_KIND_NAMES.join(', ')}` } });
  });
});
