/**
 * The Big O real run's cells: JavaScript's own structures doing n operations, each returning a
 * checksum (so the work cannot be optimised away, and a test can check the answer by hand).
 */

/** A cell of the real run. */
export type BigOCell = 'push' | 'unshift' | 'shift' | 'ring-deque' | 'string-concat' | 'string-join' | 'anagram-sort' | 'anagram-count';
export const BIGO_CELLS: readonly BigOCell[] = ['push', 'unshift', 'shift', 'ring-deque', 'string-concat', 'string-join', 'anagram-sort', 'anagram-count'];

/** A growable ring buffer: O(1) at both ends (amortised; it doubles when full). */
export class RingDeque {
  private buf: Int32Array = new Int32Array(16);
  private head = 0;
  length = 0;

  pushFront(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.length++;
  }
  pushBack(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v;
    this.length++;
  }
  popFront(): number {
    if (this.length === 0) throw new RangeError('pop from an empty deque');
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return v;
  }
  popBack(): number {
    if (this.length === 0) throw new RangeError('pop from an empty deque');
    this.length--;
    return this.buf[(this.head + this.length) & (this.buf.length - 1)]!;
  }
  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let k = 0; k < this.length; k++) next[k] = this.buf[(this.head + k) & (this.buf.length - 1)]!;
    this.buf = next;
    this.head = 0;
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A word of n letters (cycling with a stride of 7) and the same letters reversed: an anagram pair. */
export function anagramPair(n: number): [string, string] {
  let a = '';
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(LETTERS[(k * 7) % 26]!);
  a = parts.join('');
  return [a, parts.reverse().join('')];
}

export function isAnagramBySort(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return a.split('').sort().join('') === b.split('').sort().join('');
}

export function isAnagramByCount(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  // One counter per UTF-16 code unit seen (a small array for ASCII, a Map beyond it).
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let k = 0; k < a.length; k++) {
    const c = a.charCodeAt(k);
    if (c < 128) ascii[c]!++;
    else other.set(c, (other.get(c) ?? 0) + 1);
  }
  for (let k = 0; k < b.length; k++) {
    const c = b.charCodeAt(k);
    if (c < 128) {
      if (--ascii[c]! < 0) return false;
    } else {
      const left = (other.get(c) ?? 0) - 1;
      if (left < 0) return false;
      other.set(c, left);
    }
  }
  return true;
}

/**
 * Prepares the input of a cell (not timed) and returns the timed work, which gives a checksum:
 * push/unshift/ring-deque: Σ of the values left in the structure; shift: Σ of the values taken;
 * strings: the length; anagrams: 1 when the pair is an anagram.
 */
export function prepareCell(cell: BigOCell, n: number): () => number {
  switch (cell) {
    case 'push':
      return () => {
        const a: number[] = [];
        for (let k = 0; k < n; k++) a.push(k);
        let s = 0;
        for (let k = 0; k < a.length; k++) s += a[k]!;
        return s;
      };
    case 'unshift':
      return () => {
        const a: number[] = [];
        for (let k = 0; k < n; k++) a.unshift(k);
        let s = 0;
        for (let k = 0; k < a.length; k++) s += a[k]!;
        return s;
      };
    case 'shift':
      return () => {
        const a: number[] = [];
        for (let k = 0; k < n; k++) a.push(k);
        let s = 0;
        while (a.length) s += a.shift()!;
        return s;
      };
    case 'ring-deque':
      return () => {
        const d = new RingDeque();
        for (let k = 0; k < n; k++) d.pushFront(k);
        let s = 0;
        while (d.length) s += d.popBack();
        return s;
      };
    case 'string-concat':
      return () => {
        let s = '';
        for (let k = 0; k < n; k++) s += LETTERS[k % 26]!;
        // Reading a character flattens V8's rope: the copy happens here, once.
        return s.charCodeAt(n - 1) > 0 ? s.length : -1;
      };
    case 'string-join':
      return () => {
        const parts: string[] = [];
        for (let k = 0; k < n; k++) parts.push(LETTERS[k % 26]!);
        const s = parts.join('');
        return s.charCodeAt(n - 1) > 0 ? s.length : -1;
      };
    case 'anagram-sort': {
      const [a, b] = anagramPair(n);
      return () => (isAnagramBySort(a, b) ? 1 : 0);
    }
    case 'anagram-count': {
      const [a, b] = anagramPair(n);
      return () => (isAnagramByCount(a, b) ? 1 : 0);
    }
  }
}

/** The checksum a cell must give for n (worked by hand: Σ 0..n-1 = n(n-1)/2). */
export function expectedChecksum(cell: BigOCell, n: number): number {
  if (cell === 'string-concat' || cell === 'string-join') return n;
  if (cell === 'anagram-sort' || cell === 'anagram-count') return 1;
  return (n * (n - 1)) / 2;
}
