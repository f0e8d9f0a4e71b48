import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue';
import type { Nanos } from './units';

const ns = (n: number): Nanos => n as Nanos;

function drain<E>(q: EventQueue<E>): string[] {
  const out: string[] = [];
  while (q.size > 0) {
    const e = q.pop();
    out.push(`${q.lastTime}/${q.lastPriority}/${q.lastSeq}:${String(e)}`);
  }
  return out;
}

describe('EventQueue', () => {
  it('orders by time, then priority, then insertion seq', () => {
    const q = new EventQueue<string>();
    expect(q.push(ns(5), 0, 'a')).toBe(0);
    expect(q.push(ns(1), 0, 'b')).toBe(1);
    q.push(ns(5), -1, 'c'); // seq 2: same time as a, lower priority number → before a
    q.push(ns(5), 0, 'd'); // seq 3: ties a on time and priority → after a
    q.push(ns(1), 0, 'e'); // seq 4: ties b → after b
    q.push(ns(0.5), 9, 'f'); // seq 5: earliest time wins whatever the priority
    expect(q.peekTime()).toBe(0.5);
    expect(drain(q)).toEqual(['0.5/9/5:f', '1/0/1:b', '1/0/4:e', '5/-1/2:c', '5/0/0:a', '5/0/3:d']);
    expect(q.pop()).toBeUndefined();
    expect(q.peekTime()).toBeUndefined();
  });

  it('pops in sorted order for any pushes, growing past its capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -3, max: 3 })), { maxLength: 300 }),
        (items) => {
          const q = new EventQueue<number>(2);
          items.forEach(([t, p], i) => q.push(ns(t), p, i));
          const expected = items
            .map(([t, p], i) => ({ t, p, i }))
            .sort((x, y) => x.t - y.t || x.p - y.p || x.i - y.i)
            .map((x) => x.i);
          const got: number[] = [];
          while (q.size > 0) got.push(q.pop() as number);
          expect(got).toEqual(expected);
        },
      ),
    );
  });

  it('entries/fromEntries round-trips, keeping seqs and the next seq', () => {
    const q = new EventQueue<string>();
    q.push(ns(3), 0, 'x');
    q.push(ns(1), 2, 'y');
    q.push(ns(1), 1, 'z');
    q.pop(); // z
    const entries = q.entries();
    expect(entries).toEqual([
      { time: 1, priority: 2, seq: 1, payload: 'y' },
      { time: 3, priority: 0, seq: 0, payload: 'x' },
    ]);
    const copy = EventQueue.fromEntries(entries, q.nextSeq);
    expect(copy.push(ns(1), 2, 'w')).toBe(3);
    expect(drain(copy)).toEqual(['1/2/1:y', '1/2/3:w', '3/0/0:x']);
    expect(() => EventQueue.fromEntries(entries, 1)).toThrow(RangeError);
  });

  it('clear empties it; non-integer priorities are refused', () => {
    const q = new EventQueue<number>();
    q.push(ns(1), 0, 1);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.push(ns(2), 0, 2)).toBe(1);
    expect(() => q.push(ns(2), 0.5, 3)).toThrow(RangeError);
    expect(() => q.push(ns(2), 2 ** 31, 3)).toThrow(RangeError);
  });
});
