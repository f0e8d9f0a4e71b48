/**
 * The one source of randomness in src/sim: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic
 * generator, 128-bit state), seeded from a 32-bit integer through splitmix32 so that nearby
 * seeds (0, 1, 2, ...) give unrelated streams. Same seed, same numbers, on every machine.
 */

/** The four 32-bit words of an sfc32 state (a, b, c, counter), each an unsigned integer. */
export type RngState = readonly [number, number, number, number];

/** Outputs thrown away after seeding so the first numbers are already well mixed. */
const WARM_UP = 12;
const TWO_POW_32 = 4294967296;

/**
 * splitmix32 step: advances `state` by the golden-ratio increment and returns the mixed
 * word (murmur3's finaliser). Exported for the test that re-derives the stream independently.
 * @param state - any 32-bit integer
 * @returns `[nextState, output]`, both unsigned 32-bit integers
 */
export function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z = (z ^ (z >>> 16)) >>> 0;
  return [next, z];
}

/** A seeded pseudo-random generator (sfc32). Instances are independent; there is no global one. */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** @param seed - a 32-bit integer (other numbers are truncated with `>>> 0`). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(s);
      s = next;
      words.push(out);
    }
    this.a = words[0] ?? 0;
    this.b = words[1] ?? 0;
    this.c = words[2] ?? 0;
    this.d = words[3] ?? 0;
    for (let i = 0; i < WARM_UP; i++) this.nextU32();
  }

  /** A uniform unsigned 32-bit integer, in [0, 2^32). */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextU32() / TWO_POW_32;
  }

  /**
   * A uniform integer in [0, maxExclusive), by multiply-and-floor (bias below 2^-32 × max,
   * negligible for the small ranges scenes use).
   * @param maxExclusive - a positive integer no larger than 2^32
   */
  int(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`Rng.int: maxExclusive must be an integer in [1, 2^32], got ${maxExclusive}`);
    }
    return Math.floor(this.next() * maxExclusive);
  }

  /** The current state, to resume the exact same stream later with {@link Rng.fromState}. */
  getState(): RngState {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** A generator that continues from a state taken with {@link Rng.getState}. */
  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    rng.a = state[0] | 0;
    rng.b = state[1] | 0;
    rng.c = state[2] | 0;
    rng.d = state[3] | 0;
    return rng;
  }
}
