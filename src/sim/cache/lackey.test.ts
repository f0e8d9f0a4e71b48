import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LackeyParser } from './lackey';
import { DinParser, guessFormat } from './din';
import { ParseError } from './traceText';

/** Records what a parser sends, as [hex address, size, R|W]. */
function sink() {
  const log: [string, number, 'R' | 'W'][] = [];
  return {
    log,
    access(hi: number, lo: number, size: number, w: boolean) {
      log.push([((BigInt(hi) << 32n) | BigInt(lo)).toString(16), size, w ? 'W' : 'R']);
    },
  };
}

const LACKEY = [
  '==12345== Lackey, an example Valgrind tool',
  '==12345== Command: ./a.out',
  '',
  'I  04016b0,3',
  ' L 1ffefff7e8,8',
  ' S 1ffefff7e0,8',
  ' M 0421040,4',
  '# a comment',
  '-- another',
  'I  ffffffffffffffc0,2',
  ' L ffffffffffffffc0,16\r',
  '\tS 0x10,1   ',
  '==12345== ',
].join('\n');

describe('LackeyParser', () => {
  it('sends loads, stores, and M as a read then a write; ignores I, banners, comments, blank lines', () => {
    const s = sink();
    const p = new LackeyParser(s);
    p.feed(LACKEY);
    p.end();
    expect(s.log).toEqual([
      ['1ffefff7e8', 8, 'R'],
      ['1ffefff7e0', 8, 'W'],
      ['421040', 4, 'R'],
      ['421040', 4, 'W'],
      ['ffffffffffffffc0', 16, 'R'],
      ['10', 1, 'W'],
    ]);
    expect(p.records).toBe(5);
    expect(p.lines).toBe(13);
  });

  it("treats I as a read with ifetch 'data'", () => {
    const s = sink();
    const p = new LackeyParser(s, 'data');
    p.feed(LACKEY);
    p.end();
    expect(s.log.filter((r) => r[0] === '4016b0' || r[0] === 'ffffffffffffffc0').map((r) => r[1])).toEqual([3, 2, 16]);
    expect(p.records).toBe(7);
  });

  it('gives the same accesses however the text is cut into chunks', () => {
    const whole = sink();
    const p = new LackeyParser(whole);
    p.feed(LACKEY);
    p.end();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: LACKEY.length }), { maxLength: 8 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), LACKEY.length];
        const s = sink();
        const q = new LackeyParser(s);
        for (let i = 1; i < points.length; i++) q.feed(LACKEY.slice(points[i - 1], points[i]));
        q.end();
        expect(s.log).toEqual(whole.log);
      }),
    );
  });

  it.each([
    ['hello world', 1],
    [' L 1000', 1],
    [' L 1000,', 1],
    [' L 1000,0', 1],
    [' L xyz,4', 1],
    [' L 1000,4 extra', 1],
    ['L1000,4', 1],
    [' L 10000000000000000,4', 1],
    [' X 1000,4', 1],
    ['= single', 1],
    ['I  zz,3', 1],
  ])('stops on %j with the line number and text', (bad) => {
    const p = new LackeyParser(sink());
    const text = `==1== banner\n L 10,4\n${bad}\n L 20,4\n`;
    let error: unknown;
    try {
      p.feed(text);
      p.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(3);
    expect((error as ParseError).text).toBe(bad);
  });
});

describe('DinParser', () => {
  it('reads labels 0, 1, 2 with the given size and ignores other labels, blank lines and # comments', () => {
    const s = sink();
    const p = new DinParser(s, 'ignore', 8);
    p.feed('0 1000\n1 0x2000\n2 3000\n\n# note\n4 0\n0 ffffffffffffffff trailing ignored\n');
    p.end();
    expect(s.log).toEqual([
      ['1000', 8, 'R'],
      ['2000', 8, 'W'],
      ['ffffffffffffffff', 8, 'R'],
    ]);
    const d = sink();
    const q = new DinParser(d, 'data');
    q.feed('2 3000');
    q.end();
    expect(d.log).toEqual([['3000', 4, 'R']]);
  });

  it.each(['r 1000', '0', '0 zz', '01000', '0 1000x'])('stops on %j', (bad) => {
    const p = new DinParser(sink());
    expect(() => {
      p.feed(`0 10\n${bad}\n`);
      p.end();
    }).toThrow(/^line 2: /);
  });
});

describe('guessFormat', () => {
  it('picks lackey from the first non-comment line with I/L/S/M and a comma, else din', () => {
    expect(guessFormat('==1== x\n\nI  0400,3\n', false)).toBe('lackey');
    expect(guessFormat(' L 10,4', true)).toBe('lackey');
    expect(guessFormat('0 1000\n', false)).toBe('din');
    expect(guessFormat('==1== x\n', false)).toBeUndefined();
    expect(guessFormat('==1== x\n', true)).toBe('din');
  });
});
