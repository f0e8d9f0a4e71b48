import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkValue, constraintText, defaultsOf, describeSchema, parseValue, parseWithSchema, serializeWithSchema, type ParamSchema, type ParamSpec } from './params';
import { SCENE_MANIFESTS, type AnyManifest } from '../manifests';

interface Demo {
  readonly n: number;
  readonly x: number;
  readonly mode: 'a' | 'b';
  readonly w: 4 | 8;
  readonly on: boolean;
  readonly text: string;
  readonly boot: number | null;
  readonly list: readonly number[];
}

const DEMO: ParamSchema<Demo> = {
  n: { type: 'int', default: 3, min: 1, max: 10, label: 'N' },
  x: { type: 'number', default: 0.5, min: 0, max: 2, label: 'X', unit: 'ms' },
  mode: { type: 'enum', default: 'a', values: ['a', 'b'], label: 'Mode' },
  w: { type: 'enum', default: 8, values: [4, 8], label: 'Width' },
  on: { type: 'bool', default: false, label: 'On' },
  text: { type: 'string', default: 'hi', maxLength: 5, label: 'Text' },
  boot: { type: 'int', default: null, nullable: true, min: 1, max: 100, label: 'Boot' },
  list: { type: 'int-list', default: [], min: 0, max: 3, maxItems: 4, label: 'List' },
};

describe('parameter schema', () => {
  it('starts every parameter at its default', () => {
    expect(parseWithSchema(DEMO, {})).toEqual({ params: { n: 3, x: 0.5, mode: 'a', w: 8, on: false, text: 'hi', boot: null, list: [] }, ignored: [] });
    expect(defaultsOf(DEMO)).toEqual(parseWithSchema(DEMO, {}).params);
  });

  it('parses each type, and ignores a bad value or an unknown key with the reason', () => {
    const good = parseWithSchema(DEMO, { n: '10', x: '1.5e0', mode: 'b', w: '4', on: 'true', text: 'hello', boot: '7', list: '0,3,1' });
    expect(good).toEqual({ params: { n: 10, x: 1.5, mode: 'b', w: 4, on: true, text: 'hello', boot: 7, list: [0, 3, 1] }, ignored: [] });
    const bad = parseWithSchema(DEMO, { n: '11', x: '-0.1', mode: 'c', w: '4.0', on: 'yes', text: 'toolong', boot: '0', list: '0,4', zz: '1' });
    expect(bad.params).toEqual(defaultsOf(DEMO));
    expect(bad.ignored).toEqual([
      { key: 'n', reason: 'n must be an integer from 1 to 10' },
      { key: 'x', reason: 'x must be a number from 0 to 2' },
      { key: 'mode', reason: 'mode must be one of a, b' },
      { key: 'w', reason: 'w must be one of 4, 8' },
      { key: 'on', reason: 'on must be true or false' },
      { key: 'text', reason: 'text must be at most 5 characters' },
      { key: 'boot', reason: 'boot must be an integer from 1 to 100' },
      { key: 'list', reason: 'list must be at most 4 comma-separated integers from 0 to 3' },
      { key: 'zz', reason: 'unknown parameter' },
    ]);
    // Inherited names are not parameters.
    expect(parseWithSchema(DEMO, { toString: '1', constructor: 'x' }).ignored.map((i) => i.key)).toEqual(['toString', 'constructor']);
  });

  it('rejects what Number() would accept but a person would not mean', () => {
    const x: ParamSpec = DEMO.x;
    for (const t of ['', ' ', '0x1', 'Infinity', 'NaN', '1,5', '1e400']) expect(parseValue(x, t)).toBeUndefined();
    expect(parseValue(x, ' 2 ')).toBe(2);
    expect(parseValue(DEMO.n, '1.0')).toBeUndefined();
    expect(parseValue(DEMO.boot, '')).toBeNull();
    expect(parseValue(DEMO.n, '')).toBeUndefined();
  });

  it('round-trips any valid parameter set', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 10 }),
          x: fc.double({ min: 0, max: 2, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
          mode: fc.constantFrom('a' as const, 'b' as const),
          w: fc.constantFrom(4 as const, 8 as const),
          on: fc.boolean(),
          text: fc.string({ maxLength: 5 }),
          boot: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
          list: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
        }),
        (p: Demo) => {
          expect(parseWithSchema(DEMO, serializeWithSchema(DEMO, p))).toEqual({ params: p, ignored: [] });
        },
      ),
    );
  });

  it('checks values from files (numbers, strings, lists) against the same rules', () => {
    expect(checkValue('n', DEMO.n, 4)).toEqual({ ok: true });
    expect(checkValue('n', DEMO.n, 40)).toEqual({ ok: false, reason: constraintText('n', DEMO.n) });
    expect(checkValue('list', DEMO.list, [1, 2])).toEqual({ ok: true });
    expect(checkValue('mode', DEMO.mode, { a: 1 })).toEqual({ ok: false, reason: 'mode must be one of a, b' });
  });

  it('describes itself in the shape of `nanoscope scenes --json`', () => {
    expect(describeSchema(DEMO).map(({ name, type, default: d, min, max, values }) => ({ name, type, d, min, max, values }))).toEqual([
      { name: 'n', type: 'int', d: 3, min: 1, max: 10, values: undefined },
      { name: 'x', type: 'number', d: 0.5, min: 0, max: 2, values: undefined },
      { name: 'mode', type: 'enum', d: 'a', min: undefined, max: undefined, values: ['a', 'b'] },
      { name: 'w', type: 'enum', d: 8, min: undefined, max: undefined, values: [4, 8] },
      { name: 'on', type: 'bool', d: false, min: undefined, max: undefined, values: undefined },
      { name: 'text', type: 'string', d: 'hi', min: undefined, max: undefined, values: undefined },
      { name: 'boot', type: 'int', d: null, min: 1, max: 100, values: undefined },
      { name: 'list', type: 'string', d: '', min: undefined, max: undefined, values: undefined },
    ]);
  });
});

describe('every scene declares its parameters once', () => {
  it.each(SCENE_MANIFESTS.map((s) => [s.id, s as AnyManifest] as const))('%s: defaults come from the schema and its defaults parse back', (_id, scene) => {
    expect(scene.defaults).toEqual(defaultsOf(scene.params as ParamSchema<typeof scene.defaults>));
    expect(scene.parseParams(scene.serializeParams(scene.defaults as never))).toEqual({ params: scene.defaults, ignored: [] });
    for (const d of describeSchema(scene.params as ParamSchema<unknown>)) {
      expect(d.label.length).toBeGreaterThan(0);
      if (d.type === 'enum') expect(d.values).toContain(d.default);
      if (d.type === 'int' || d.type === 'number') {
        expect(d.min).toBeLessThanOrEqual(d.max!);
        if (d.default !== null) {
          expect(d.default).toBeGreaterThanOrEqual(d.min!);
          expect(d.default).toBeLessThanOrEqual(d.max!);
        }
      }
    }
  });
});
