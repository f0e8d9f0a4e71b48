import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../hardware/presets';
import { CoherentCaches, coherenceCosts, DEFAULT_LINE_TRANSFER_NS, type AccessKind } from './mesi';

const COSTS = { hit: 1, transfer: 60, memory: 100, transferSource: 'test' };

describe('MESI', () => {
  it('ping-pongs a contended line between two cores (hand-worked)', () => {
    const c = new CoherentCaches(2, 1);
    // core 0 reads a line nobody holds: from memory, Exclusive.
    expect(c.access(0, 0, 'read', COSTS)).toMatchObject({ ns: 100, transfer: false });
    expect([c.state(0, 0), c.state(1, 0)]).toEqual(['E', 'I']);
    // core 0 writes: silent E → M, a hit.
    expect(c.access(0, 0, 'write', COSTS).ns).toBe(1);
    expect(c.state(0, 0)).toBe('M');
    // core 1 reads: core 0 flushes and both share.
    const r = c.access(1, 0, 'read', COSTS);
    expect(r.ns).toBe(60);
    expect(r.transitions.map((t) => `${t.core}:${t.from}>${t.to} ${t.bus}`)).toEqual(['0:M>S Flush', '1:I>S BusRd']);
    // core 1 writes: upgrade, core 0's copy invalidated.
    const w = c.access(1, 0, 'rmw', COSTS);
    expect(w).toMatchObject({ ns: 60, transfer: true, invalidations: 1 });
    expect([c.state(0, 0), c.state(1, 0)]).toEqual(['I', 'M']);
    // core 0 fetch_adds: read for ownership, core 1's modified copy flushed and invalidated.
    const x = c.access(0, 0, 'rmw', COSTS);
    expect(x.transitions.map((t) => `${t.core}:${t.from}>${t.to} ${t.bus}`)).toEqual(['1:M>I Flush', '0:I>M BusRdX']);
  });

  it('keeps at most one M/E copy, and M/E excludes every other valid copy (property)', () => {
    const access = fc.record({
      core: fc.integer({ min: 0, max: 3 }),
      line: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom<AccessKind>('read', 'write', 'rmw'),
    });
    fc.assert(
      fc.property(fc.array(access, { maxLength: 60 }), (accesses) => {
        const c = new CoherentCaches(4, 2);
        for (const a of accesses) {
          c.access(a.core, a.line, a.kind, COSTS);
          // The accessing core now holds a valid copy; after a write it is the only one, in M.
          expect(c.state(a.core, a.line)).not.toBe('I');
          if (a.kind !== 'read') expect(c.state(a.core, a.line)).toBe('M');
          for (let line = 0; line < 2; line++) {
            const states = [0, 1, 2, 3].map((core) => c.state(core, line));
            const exclusive = states.filter((s) => s === 'M' || s === 'E').length;
            const valid = states.filter((s) => s !== 'I').length;
            expect(exclusive).toBeLessThanOrEqual(1);
            if (exclusive === 1) expect(valid).toBe(1);
          }
        }
      }),
    );
  });

  it('takes costs from the hardware model, with a labelled default for the transfer', () => {
    const costs = coherenceCosts(getPreset('2012')!);
    expect(costs.hit).toBe(0.5);
    expect(costs.memory).toBe(100);
    expect(costs.transfer).toBe(DEFAULT_LINE_TRANSFER_NS);
    expect(costs.transferSource).toMatch(/default/);
  });
});
