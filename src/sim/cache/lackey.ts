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
