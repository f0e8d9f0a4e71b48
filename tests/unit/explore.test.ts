import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness';



/** Replays a witness under the documented step model (written out here, not imported). */
function replay(strategy: string, workload: string, threads: number, iterations: number, schedule: number[]): number {
  const len = { nonatomic: 3, atomic: 1, cas: 3, mutex: 5 }[strategy]!;
  let counter = 0;
  let owner = -1;
  const th = Array.from({ length: threads }, () => ({ pc: 0, iter: 0, r0: 0, r1: 0 }));
  for (const t of schedule) {
    const me = th[t]!;
    expect(me.iter).toBeLessThan(iterations);
    const d = workload === 'incdec' && t % 2 === 1 ? -1 : 1;
    if (strategy === 'atomic') {
      counter += d;
      me.pc = 1;
    } else if (strategy === 'nonatomic') {
      if (me.pc === 0) me.r0 = counter;
      else if (me.pc === 1) me.r0 += d;
      else counter = me.r0;
      me.pc++;
    } else if (strategy === 'cas') {
      if (me.pc === 0) me.r0 = counter;
      else if (me.pc === 1) me.r1 = me.r0 + d;
      else if (counter === me.r0) counter = me.r1;
      else me.pc = -1;
      me.pc++;
    } else {
      if (me.pc === 0) {
        expect(owner).toBe(-1);
        owner = t;
      } else if (me.pc === 1) me.r0 = counter;
      else if (me.pc === 2) me.r0 += d;
      else if (me.pc === 3) counter = me.r0;
      else owner = -1;
      me.pc++;
    }
    if (me.pc === len) {
      me.pc = 0;
      me.iter++;
    }
  }
  for (const x of th) expect(x.iter).toBe(iterations); // every thread finished
  return counter;
}

describe('nanoscope explore', () => {
  it('2 threads × 3 non-atomic increments: every value from 2 to 6, witnesses replay', async () => {
    const r = await cli('explore', '--threads', '2', '--iterations', '3', '--strategy', 'nonatomic', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { final_values: number[]; states: number; witnesses: Record<string, number[]> };
    expect(out.final_values).toEqual([2, 3, 4, 5, 6]);
    expect(Object.keys(out.witnesses).sort()).toEqual(['2', '3', '4', '5', '6']);
    for (const v of out.final_values) expect(replay('nonatomic', 'inc', 2, 3, out.witnesses[String(v)]!)).toBe(v);
  });

  it('--count: C(6,3) = 20 interleavings for 2 × 1, as decimal strings; incdec and cas too', async () => {
    const r = await cli('explore', '--threads', '2', '--iterations', '1', '--strategy', 'nonatomic', '--count', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ final_values: [1, 2], interleavings_total: '20', interleavings_by_final: { '1': '18', '2': '2' } });
    const d = await cli('explore', '--threads', '3', '--iterations', '1', '--strategy', 'cas', '--workload', 'incdec', '--count', '--json');
    const dj = JSON.parse(d.stdout) as { final_values: number[]; witnesses: Record<string, number[]>; interleavings_total: string };
    expect(dj.final_values).toEqual([1]);
    expect(replay('cas', 'incdec', 3, 1, dj.witnesses['1']!)).toBe(1);
    expect(typeof dj.interleavings_total).toBe('string');
  });

  it('exit 3 past --max-states; exit 1 for a bad value; exit 2 without --strategy', async () => {
    const b = await cli('explore', '--threads', '3', '--iterations', '4', '--strategy', 'nonatomic', '--max-states', '500', '--json');
    expect(b.code).toBe(3);
    expect(JSON.parse(b.stderr)).toMatchObject({ error: { code: 'budget', exitCode: 3 } });
    expect(JSON.parse(b.stderr).error.message).toContain('more than 500 states');
    const v = await cli('explore', '--threads', '2', '--iterations', '1', '--strategy', 'spinlock', '--json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stderr).error.message).toContain('--strategy');
    const u = await cli('explore', '--threads', '2', '--iterations', '1');
    expect(u.code).toBe(2);
  });
});
