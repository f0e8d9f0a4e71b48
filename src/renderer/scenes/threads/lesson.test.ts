import { describe, expect, it } from 'vitest';
import { explore } from '../../../sim/threads/explore';
import { advancedSchedule, goalFor, realRaceFor } from './lesson';

describe('threads lesson rules', () => {
  it('asks for the surprising extreme only where a race exists', () => {
    expect(goalFor({ strategy: 'nonatomic', workload: 'inc', threads: '2', iterations: '2' })?.value).toBe(2);
    expect(goalFor({ strategy: 'nonatomic', workload: 'inc', threads: '3', iterations: '5' })?.value).toBe(2);
    expect(goalFor({ strategy: 'nonatomic', workload: 'inc', threads: '2', iterations: '1' })?.value).toBe(1);
    // incdec, 2 threads × 4 (the default): the decrementer's stale stores wipe out all four increments.
    expect(goalFor({})?.value).toBe(-4);
    expect(goalFor({ workload: 'incdec', threads: '4', iterations: '2' })?.value).toBe(-4);
    expect(goalFor({ workload: 'appendpop' })?.value).toBeNull();
    expect(goalFor({ strategy: 'atomic' })).toBeNull();
    expect(goalFor({ threads: '1' })).toBeNull();
  });

  it('the user scheduler appends one thread to the schedule so far', () => {
    expect(advancedSchedule([], 1)).toBe('1');
    expect(advancedSchedule([0, 1, 1], 0)).toBe('0,1,1,0');
  });

  it('maps the scene onto the real race', () => {
    expect(realRaceFor({}, 1_000_000, 10)).toEqual({ params: { workers: 2, iterations: 1_000_000, strategy: 'incdec', repeat: 10 }, note: null });
    expect(realRaceFor({ workload: 'inc', threads: '4' }, 1000, 3).params).toEqual({ workers: 4, iterations: 1000, strategy: 'plain', repeat: 3 });
    expect(realRaceFor({ strategy: 'cas', workload: 'inc' }, 10, 1).params.strategy).toBe('cas');
    expect(realRaceFor({ strategy: 'spinlock', workload: 'inc' }, 10, 1).params.strategy).toBe('mutex');
    expect(realRaceFor({ strategy: 'atomic', workload: 'incdec' }, 10, 1).note).toMatch(/every thread increment/);
    expect(realRaceFor({ workload: 'appendpop' }, 10, 1).params.strategy).toBe('plain');
  });
});

describe('the goal is the explorer’s extreme', () => {
  // The explorer enumerates every interleaving; the goal formula is written independently.
  it.each([
    ['inc', 2, 1],
    ['inc', 2, 2],
    ['inc', 2, 3],
    ['inc', 3, 2],
    ['incdec', 2, 1],
    ['incdec', 2, 3],
    ['incdec', 3, 2],
  ] as const)('%s, %i threads × %i', (workload, threads, iterations) => {
    const goal = goalFor({ strategy: 'nonatomic', workload, threads: String(threads), iterations: String(iterations) });
    const reachable = explore({ threads, iterations, strategy: 'nonatomic', workload }).finalValues;
    expect(goal?.value).toBe(reachable[0]);
  });
});
