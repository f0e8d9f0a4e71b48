/**
 * Dinero's classic din format: `label address` per line — label 0 read, 1 write, 2 instruction
 * fetch (ignored unless `ifetch` is 'data', then a read), any other integer label ignored (the
 * line must still parse); address hex with an optional `0x`, at most 64 bits. As in Dinero,
 * text after the address (separated by a blank) is ignored. Blank lines and lines starting
 * with `#` are ignored; any other line stops the run with a {@link ParseError}. Every access
 * is `size` bytes (4 unless the CLI's `--din-size N`).
 */
import { isComment, LineParser, readHex, skipBlanks, type AccessSink } from './traceText';
import type { IfetchMode } from './config';

/** Streams a din trace into a sink: `feed(chunk)` as text arrives, then `end()`. */
export class DinParser extends LineParser {
  private readonly addr = { hi: 0, lo: 0 };
  private readonly ifetchAsData: boolean;

  /** @param size - bytes per access, ≥ 1 */
  constructor(
    private readonly sink: AccessSink,
    ifetch: IfetchMode = 'ignore',
    private readonly size = 4,
  ) {
    super();
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`DinParser: size must be an integer ≥ 1, got ${size}`);
    this.ifetchAsData = ifetch === 'data';
  }

  protected parseLine(buf: Uint8Array, start: number, len: number): number {
    let i = skipBlanks(buf, start, len);
    if (i >= len) return -1;
    let label = 0;
    const digits = i;
    while (i < len) {
      const c = buf[i] as number;
      if (c < 48 || c > 57) break;
      if (label < 1e9) label = label * 10 + (c - 48);
      i++;
    }
    if (i >= len) return -1;
    if (i === digits) return this.skipLine(buf, start, isDinComment, 'expected a decimal label (0 read, 1 write, 2 instruction fetch) and a hex address');
    const after = i;
    i = skipBlanks(buf, i, len);
    if (i === after) return this.bad(buf, start, 'expected a blank after the label');
    i = readHex(buf, i, len, this.addr);
    if (i < 0) return this.bad(buf, start, 'expected a hex address of at most 64 bits');
    if (i >= len) return -1;
    const c = buf[i] as number;
    let next: number;
    if (c === 32 || c === 9) {
      // Dinero ignores the rest of the line.
      const nl = buf.indexOf(10, i);
      if (nl < 0) return -1;
      this.lines++;
      next = nl + 1;
    } else {
      next = this.lineEnd(buf, i, len);
      if (next === -2) return this.bad(buf, start, 'unexpected character after the address');
      if (next === -1) return -1;
    }
    if (label === 0 || label === 1 || (label === 2 && this.ifetchAsData)) {
      this.records++;
      this.sink.access(this.addr.hi, this.addr.lo, this.size, label === 1);
    }
    return next;
  }
}

/** Blank lines and `#` comments. */
const isDinComment = (line: string): boolean => {
  const t = line.trim();
  return t === '' || t.startsWith('#');
};

/**
 * Guesses a trace's format from its first lines: lackey when the first line that is not blank
 * nor a comment (`==`, `#`, `--`) starts with I, L, S or M and contains a comma; otherwise din.
 * @returns undefined when `head` holds no such complete line yet (read more, or it is all comments)
 */
export function guessFormat(head: string, complete: boolean): 'lackey' | 'din' | undefined {
  const lines = head.split('\n');
  // The last piece is a partial line unless the text is complete.
  const whole = complete ? lines : lines.slice(0, -1);
  for (const raw of whole) {
    const line = raw.replace(/\r$/, '');
    if (isComment(line)) continue;
    const t = line.replace(/^[ \t]+/, '');
    return /^[ILSM]/.test(t) && t.includes(',') ? 'lackey' : 'din';
  }
  return complete ? 'din' : undefined;
}
