import { describe, expect, it } from 'vitest';
import { manifestById, SCENE_IDS } from '../../sim/manifests';
import { parseScenario, scenarioFileName, serializeScenario, validateScenario, SCENARIO_FORMAT, type Scenario, type SceneCatalog } from './format';
import { decodeShareHash, encodeShareHash, SHARE_PREFIX } from './shareLink';

const catalog: SceneCatalog = {
  ids: [...SCENE_IDS],
  paramIssues: (id, params) => manifestById(id)?.parseParams(params).ignored ?? [],
};

/** A non-default scenario for each scene of this build: its default params, serialised by the model. */
function scenarioOf(scene: string, i: number): Scenario {
  const model = manifestById(scene)!;
  return {
    format: SCENARIO_FORMAT,
    version: 1,
    scene,
    params: model.serializeParams(model.defaults),
    seed: 1000 + i,
    timeline: { t: 107.5 + i, step: 3 + i, scale: i % 2 ? 'linear' : 'log' },
    hardware: { preset: 'teaching', name: 'Teaching machine' },
    code: scene === 'threads' ? 'counter += 1 # “quotes” and ünïcode\n' : null,
    savedAt: '2026-12-02T01:30:00.000Z',
    app: '0.1.0',
  };
}

const scenes = [...SCENE_IDS];

describe('scenario files', () => {
  it('has a scenario for every scene of the registry (five at least)', () => {
    expect(scenes).toEqual(expect.arrayContaining(['latency-ladder', 'memory-hierarchy', 'threads', 'parallel', 'stacks']));
  });

  it.each(scenes.map((s, i) => [s, i] as const))('%s round-trips through save and open', (scene, i) => {
    const scenario = scenarioOf(scene, i);
    const text = serializeScenario(scenario);
    expect(parseScenario(text, catalog)).toEqual({ ok: true, scenario });
    expect(scenarioFileName(scenario)).toBe(`${scene}-seed-${1000 + i}-step-${3 + i}.nanoscope.json`);
  });

  it.each(scenes.map((s, i) => [s, i] as const))('%s round-trips through a share link', async (scene, i) => {
    const scenario = scenarioOf(scene, i);
    const hash = await encodeShareHash(scenario);
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(hash.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareHash(hash, catalog)).toEqual({ ok: true, scenario });
  });

  it('names the bad field', () => {
    const good = scenarioOf('threads', 0) as unknown as Record<string, unknown>;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, format: 'other' }, 'format: expected "nanoscope.scenario", got "other"'],
      [{ ...good, version: 'one' }, 'version: expected a whole number ≥ 1, got "one"'],
      [{ ...good, scene: 'warp-drive' }, 'scene: unknown scene "warp-drive" (this version has latency-ladder'],
      [{ ...good, params: { threads: 2 } }, 'params.threads: expected a string, got 2'],
      [{ ...good, params: { threads: 'many' } }, 'params.threads: '],
      [{ ...good, params: { warp: '9' } }, 'params.warp: unknown parameter'],
      [{ ...good, seed: -1 }, 'seed: expected a whole number from 0 to 4294967295, got -1'],
      [{ ...good, timeline: { t: 'soon' } }, 'timeline.t: expected a time in nanoseconds ≥ 0, got "soon"'],
      [{ ...good, timeline: { t: 0, step: 1.5 } }, 'timeline.step: expected a whole number ≥ 0 or null, got 1.5'],
      [{ ...good, timeline: { t: 0, scale: 'cubic' } }, 'timeline.scale: expected "log" or "linear", got "cubic"'],
      [{ ...good, hardware: { name: 3 } }, 'hardware.name: expected a string, got 3'],
      [{ ...good, code: 42 }, 'code: expected a string or null, got 42'],
    ];
    for (const [raw, message] of cases) {
      const check = validateScenario(raw, catalog);
      expect(check.ok, message).toBe(false);
      expect(check.ok ? '' : check.message, JSON.stringify(raw)).toContain(message);
    }
  });

  it('refuses a newer version politely and never throws on junk', () => {
    const newer = { ...scenarioOf('parallel', 0), version: 2 };
    const check = validateScenario(newer, catalog);
    expect(check).toEqual({
      ok: false,
      message: 'version: this scenario was written by a newer Nanoscope (format version 2); this one reads up to version 1. Update Nanoscope to open it.',
    });
    for (const junk of ['', 'null', '[]', '{', '"text"', '{"format":"nanoscope.scenario"}', 'x'.repeat(2 * 1024 * 1024)]) {
      const result = parseScenario(junk, catalog);
      expect(result.ok, junk.slice(0, 20)).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(/^[(a-z]/);
    }
  });

  it('fills optional fields: step null, scale log, hardware and code null', () => {
    const minimal = { format: SCENARIO_FORMAT, version: 1, scene: 'stacks', params: {}, seed: 0, timeline: { t: 5 } };
    expect(validateScenario(minimal, catalog)).toEqual({
      ok: true,
      scenario: { format: SCENARIO_FORMAT, version: 1, scene: 'stacks', params: {}, seed: 0, timeline: { t: 5, step: null, scale: 'log' }, hardware: null, code: null },
    });
  });

  it('a damaged share link gets a message naming the link', async () => {
    expect(await decodeShareHash(`${SHARE_PREFIX}not*base64`, catalog)).toEqual({ ok: false, message: '(link): the share link is damaged (the link holds characters that are not base64url)' });
    const damaged = await decodeShareHash(`${SHARE_PREFIX}AAAA`, catalog);
    expect(damaged.ok).toBe(false);
    expect(damaged.ok ? '' : damaged.message).toMatch(/^\(link\)/);
  });
});
