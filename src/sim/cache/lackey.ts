/**
 * valgrind lackey traces (`valgrind --tool=lackey --trace-mem=yes`):
 * `I  addr,size` (instruction fetch), ` L addr,size` (load), ` S addr,size` (store),
 * ` M addr,size` (modify: a load then a store of the same bytes); addresses hex (an optional
 * `0x`, at most 64 bits), sizes decimal ≥ 1.
 *
 * What is ignored and what stops the run (the issue says both "other lines ignored" and "any
 * other line that does not parse stops the run"; this is the reading chosen):
 * - ignored: blank lines and lines whose first non-blank characters are `==` (valgrind's
 *   banners, `==1234== …`), `#` or `--` (comments);
 * - parsed: a line whose first non-blank character is I, L, S or M followed by a blank; its
 *   operands must be `hex,decimal` with only blanks after, or the run stops — also for an `I`
 *   line that is then ignored;
 * - every other line stops the run with a {@link ParseError} (line number and text): a trace
 *   with stray text is more likely a wrong file than lackey output.
 * `I` lines are ignored unless `ifetch` is 'data' (then they are reads).
 */
import { isComment, LineParser, readHex, type AccessSink } from './traceText';
import type { IfetchMode } from './config';

/** Largest accepted access size, bytes. */
export const MAX_ACCESS_BYTES = 1 << 20;

/**
 * Lines the fast path looks at are read within this many bytes of their start, so it never
 * reads past a chunk; longer lines and lines near a chunk's end take the general path.
 */
const FAST_LINE_BYTES = 64;

/** Value of a hex digit by byte, -1 for any other byte. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let b = 0; b < 10; b++) HEX_VALUE[48 + b] = b;
for (let b = 0; b < 6; b++) {
  HEX_VALUE[65 + b] = 10 + b;
  HEX_VALUE[97 + b] = 10 + b;
}

/** Streams a lackey trace into a sink: `feed(chunk)` as text arrives, then `end()`. */
export class LackeyParser extends LineParser {
  private readonly addr = { hi: 0, lo: 0 };
  private readonly ifetchAsData: boolean;

  constructor(
    private readonly sink: AccessSink,
    ifetch: IfetchMode = 'ignore',
  ) {
    super();
    this.ifetchAsData = ifetch === 'data';
  }

  /**
   * The common record (`[blanks]X blanks[0x]hex,decimal[blanks]\n`, at most 16 hex digits and 7
   * size digits) parsed in one pass with no call per line; anything else — banners, comments,
   * errors, leading zeros past 16 digits, a line near the chunk's end — goes to
   * {@link parseLine}, which then decides exactly as it always does.
   */
  protected override parseLines(buf: Uint8Array, start: number, len: number): number {
    const sink = this.sink;
    const ifetchAsData = this.ifetchAsData;
    const lastFast = len - FAST_LINE_BYTES;
    let i = start;
    while (i < len) {
      let next = -1;
      fast: if (i <= lastFast) {
        // Every index read below is < end ≤ len - 1.
        const end = i + FAST_LINE_BYTES - 1;
        let p = i;
        let op = buf[p] as number;
        while (op === 32 || op === 9) {
          if (++p >= end) break fast;
          op = buf[p] as number;
        }
        if (op !== 76 && op !== 83 && op !== 77 && op !== 73) break fast;
        let c = buf[++p] as number;
        if (c !== 32 && c !== 9) break fast;
        do {
          if (++p >= end) break fast;
          c = buf[p] as number;
        } while (c === 32 || c === 9);
        if (c === 48 && ((buf[p + 1] as number) | 32) === 120) {
          p += 2;
          if (p >= end) break fast;
          c = buf[p] as number;
        }
        const first = p;
        let hi = 0;
        let lo = 0;
        let d = HEX_VALUE[c] as number;
        while (d >= 0) {
          hi = (hi << 4) | (lo >>> 28);
          lo = (lo << 4) | d;
          if (++p >= end) break fast;
          d = HEX_VALUE[buf[p] as number] as number;
        }
        if (p === first || p - first > 16 || buf[p] !== 44) break fast;
        const digits = ++p;
        if (p >= end) break fast;
        c = buf[p] as number;
        let size = 0;
        while (c >= 48 && c <= 57) {
          size = size * 10 + (c - 48);
          if (++p >= end) break fast;
          c = buf[p] as number;
        }
        if (p === digits || p - digits > 7 || size === 0 || size > MAX_ACCESS_BYTES) break fast;
        while (c !== 10) {
          if (c !== 32 && c !== 9 && c !== 13) break fast;
          if (++p >= end) break fast;
          c = buf[p] as number;
        }
        next = p + 1;
        this.lines++;
        hi >>>= 0;
        lo >>>= 0;
        if (op === 76) {
          this.records++;
          sink.access(hi, lo, size, false);
        } else if (op === 83) {
          this.records++;
          sink.access(hi, lo, size, true);
        } else if (op === 77) {
          this.records++;
          sink.access(hi, lo, size, false);
          sink.access(hi, lo, size, true);
        } else if (ifetchAsData) {
          this.records++;
          sink.access(hi, lo, size, false);
        }
      }
      if (next < 0) {
        next = this.parseLine(buf, i, len);
        if (next < 0) break;
      }
      i = next;
    }
    return i;
  }

  protected parseLine(buf: Uint8Array, start: number, len: number): number {
    let i = start;
    let op = buf[i] as number;
    while (op === 32 || op === 9) op = buf[++i] as number;
    if (i >= len) return -1;
    // I=73 L=76 S=83 M=77
    if (op !== 73 && op !== 76 && op !== 83 && op !== 77) {
      return this.skipLine(buf, start, isComment, 'not a lackey record (I, L, S or M) nor a valgrind banner or comment (==, #, --)');
    }
    const after = ++i;
    let c = buf[i] as number;
    while (c === 32 || c === 9) c = buf[++i] as number;
    if (i === after || i >= len) return i >= len ? -1 : this.bad(buf, start, 'expected a blank after the operation letter');
    i = readHex(buf, i, len, this.addr);
    if (i < 0) return this.bad(buf, start, 'expected a hex address of at most 64 bits');
    if (i >= len) return -1;
    if (buf[i] !== 44) return this.bad(buf, start, "expected ',' after the address");
    i++;
    let size = 0;
    const digits = i;
    while (i < len) {
      const c = buf[i] as number;
      if (c < 48 || c > 57) break;
      size = size * 10 + (c - 48);
      if (size > MAX_ACCESS_BYTES) return this.bad(buf, start, `size larger than ${MAX_ACCESS_BYTES} bytes`);
      i++;
    }
    if (i >= len) return -1;
    if (i === digits || size === 0) return this.bad(buf, start, 'expected a decimal size ≥ 1 after the comma');
    const next = this.lineEnd(buf, i, len);
    if (next === -2) return this.bad(buf, start, 'unexpected text after the size');
    if (next === -1) return -1;
    const { hi, lo } = this.addr;
    if (op === 76) {
      this.records++;
      this.sink.access(hi, lo, size, false);
    } else if (op === 83) {
      this.records++;
      this.sink.access(hi, lo, size, true);
    } else if (op === 77) {
      this.records++;
      this.sink.access(hi, lo, size, false);
      this.sink.access(hi, lo, size, true);
    } else if (this.ifetchAsData) {
      this.records++;
      this.sink.access(hi, lo, size, false);
    }
    return next;
  }
}
