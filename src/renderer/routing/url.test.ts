import { describe, expect, it } from 'vitest';
import { buildHash, parseAppState, parseHash, sceneQuery, stateQuery } from './url';

describe('URL state', () => {
  it('round-trips a full scene state, keeping t to full precision', () => {
    const params = { preset: '2020', route: 'memory', jitter: '0.15' };
    const app = { seed: 7, t: 107.50000000000001, step: 3, scale: 'linear' as const };
    const hash = buildHash('latency-ladder', stateQuery(params, app));
    expect(hash).toBe('#/latency-ladder?preset=2020&route=memory&jitter=0.15&seed=7&t=107.50000000000001&step=3&scale=linear');
    const parsed = parseHash(hash);
    expect(parsed.sceneId).toBe('latency-ladder');
    expect(sceneQuery(parsed.query)).toEqual(params);
    expect(parseAppState(parsed.query, { seed: 1, t: 0, step: null, scale: 'log' })).toEqual({ state: app, ignored: [] });
  });

  it('reads the home route and tolerates slashes', () => {
    expect(parseHash('')).toEqual({ sceneId: null, query: {} });
    expect(parseHash('#/')).toEqual({ sceneId: null, query: {} });
    expect(parseHash('#//latency-ladder/?seed=3')).toEqual({ sceneId: 'latency-ladder', query: { seed: '3' } });
  });

  it('ignores bad app values with a reason each, keeping the defaults', () => {
    const { state, ignored } = parseAppState({ seed: '-1', t: 'NaN', step: '1.5', scale: 'cubic' }, { seed: 1, t: 0, step: null, scale: 'log' });
    expect(state).toEqual({ seed: 1, t: 0, step: null, scale: 'log' });
    expect(ignored.map((i) => i.key)).toEqual(['seed', 't', 'step', 'scale']);
    expect(ignored[0]!.reason).toBe('seed must be a whole number from 0 to 4294967295 (got "-1")');
    expect(parseAppState({ seed: '4294967296' }, { seed: 1, t: 0, step: null, scale: 'log' }).ignored).toHaveLength(1);
    expect(parseAppState({ seed: '4294967295' }, { seed: 1, t: 0, step: null, scale: 'log' }).state.seed).toBe(4294967295);
  });
});
