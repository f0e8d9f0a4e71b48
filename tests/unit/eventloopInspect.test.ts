/** console.log formatting of the model against Node's own util.format, on generated values. */
import { format } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLog } from '../../src/sim/eventloop/inspect';
import { Interpreter } from '../../src/sim/eventloop/interpreter';
import { JSObject, type Value } from '../../src/sim/eventloop/values';

const it_ = new Interpreter({ enqueueJob: () => undefined, track: () => undefined }, { maxSteps: 1e6, maxDepth: 100 });
const realm = it_.realm;

/** The same value in the model's world. */
function toModel(v: unknown): Value {
  if (Array.isArray(v)) return realm.array(v.map(toModel));
  if (v !== null && typeof v === 'object') {
    const o: JSObject = realm.object();
    for (const [k, x] of Object.entries(v)) o.props[k] = toModel(x);
    return o;
  }
  return v as Value;
}

const key = fc.oneof(fc.constantFrom('a', 'b', 'long_name', 'x-y', '1', '10', 'with space', "it's", '$k'), fc.string({ maxLength: 6 }));
const leaf = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(-0, 0.1, 1e21, 1e-7, Infinity),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("it's", 'say "hi"', "both ' and \"", 'line\nbreak', 'tab\t', '`tick`'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 30 }),
  object: fc.dictionary(key.filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 8, noNullPrototype: true }),
})).value;

describe('console.log formatting vs util.format', () => {
  it('matches on generated primitives, arrays and plain objects', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (values) => {
        expect(formatLog(values.map(toModel))).toBe(format(...values));
      }),
      { numRuns: 1500 },
    );
  });

  it('matches on format strings with %s %d %i %f %j %o %O %c %%', () => {
    const spec = fc.constantFrom('%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%x', 'text', ' ', '%');
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 6 }), fc.array(tree, { maxLength: 4 }), (parts, args) => {
        const f = parts.join('');
        expect(formatLog([f, ...args.map(toModel)])).toBe(format(f, ...args));
      }),
      { numRuns: 800 },
    );
  });

  it('%o shows an array\'s hidden length, at depth 4 (a case the generator found)', () => {
    const value = { a: [], b: [[[[[1]]]]], c: [1, 2, 3, 4, 5, 6, 7] };
    expect(formatLog(['%o', toModel(value)])).toBe(format('%o', value));
    expect(format('%o', { a: [] })).toBe('{ a: [ [length]: 0 ] }');
  });
});
