import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StructureId } from '../../src/sim/bigo/structures';
import { replaySpec } from '../../src/sim/bigo/replay';

interface Recorded {
  readonly structure: StructureId;
  readonly spec: string;
  readonly size: number[];
  readonly capacity?: number[];
  readonly blocks?: number[];
  readonly error?: { step: number };
}


const fixtures = fileURLToPath(new URL('../../src/sim/bigo/fixtures', import.meta.url));
const python = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
const hasPython311 = python.status === 0 && python.stdout.trim() === 'True';

describe.skipIf(!hasPython311)('randomized cross-check against the python3 on this machine (3.11)', () => {
  it('agrees on 40 random op sequences (seeded)', () => {
    let seed = 0x5eed18;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const specs: { structure: StructureId; spec: string }[] = [];
    for (let k = 0; k < 40; k++) {
      const structure: StructureId = k % 2 ? 'deque' : 'list';
      const ops = structure === 'list' ? ['append', 'insert0', 'pop', 'pop0'] : ['append', 'appendleft', 'pop', 'popleft'];
      const tokens: string[] = [];
      for (let t = 0; t < 25; t++) tokens.push(`${ops[rnd(4)]}*${1 + rnd(70)}`);
      specs.push({ structure, spec: tokens.join(',') });
    }
    const script = `
import json, sys, collections
sys.path.insert(0, ${JSON.stringify(fixtures)})
import record
print(json.dumps([record.run(s['structure'], s['spec']) for s in json.loads(sys.stdin.read())]))`;
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Recorded[];
    for (const row of rows) {
      const got = replaySpec(row.structure, row.spec);
      expect(got.size, row.spec).toEqual(row.size);
      expect(got.held, row.spec).toEqual(row.structure === 'list' ? row.capacity : row.blocks);
      expect(got.error?.step, row.spec).toBe(row.error?.step);
    }
  });
});
