/**
 * What the trace parsers share: the sink they feed, the error they throw, and a line splitter
 * over chunks that keeps line numbers (a trace is streamed; it never sits in memory whole).
 * Parsing works on bytes (traces are ASCII): `feedBytes` takes chunks as they come off a file
 * or a decompressor, `feed` takes text.
 */

/** Where parsed accesses go; a {@link CacheHierarchy} is one. Addresses as two 32-bit halves. */
export interface AccessSink {
  access(hi: number, lo: number, size: number, isWrite: boolean): unknown;
}

/** A trace line that does not parse: its 1-based number, its text, and why. */
export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`);
    this.name = 'ParseError';
  }
}

/** Longest accepted line, bytes (a longer one is not a trace line). */
export const MAX_LINE_CHARS = 1 << 16;

const NEWLINE = Uint8Array.of(10);

/** Bytes [start, end) as a latin1 string (error paths and comments only). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 4096)));
  return s;
}

/**
 * A line-oriented parser fed with chunks of any size. Subclasses parse one line starting at an
 * index and return where the next line starts — so each byte is looked at once and nothing is
 * allocated per line — or -1 when the line is not complete yet (it then waits for the next
 * chunk). An error is raised only once the whole bad line has arrived.
 */
export abstract class LineParser {
  /** Lines seen so far (the number of the last complete line). */
  lines = 0;
  /** Access records applied to the sink (an `M` counts once). */
  records = 0;
  private carry: Uint8Array | null = null;

  /** Parses every complete line of a text chunk (characters above U+00FF never parse). @throws ParseError */
  feed(chunk: string): void {
    const bytes = new Uint8Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      bytes[i] = c > 255 ? 255 : c;
    }
    this.feedBytes(bytes);
  }

  /** Parses every complete line of a byte chunk (the rest waits for the next chunk or {@link end}). @throws ParseError */
  feedBytes(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry !== null) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const len = buf.length;
    const start = this.parseLines(buf, 0, len);
    if (start < len) {
      if (len - start > MAX_LINE_CHARS) throw new ParseError(this.lines + 1, latin1(buf, start, start + 80), `line longer than ${MAX_LINE_CHARS} characters`);
      this.carry = buf.slice(start);
    }
  }

  /** Parses a last line without a newline. @throws ParseError */
  end(): void {
    if (this.carry !== null) this.feedBytes(NEWLINE);
  }

  /**
   * Parses every complete line from `start` on (a subclass may take a faster path for common
   * lines, handing the others to {@link parseLine}).
   * @returns where the first incomplete line starts (`len` when none is left)
   */
  protected parseLines(buf: Uint8Array, start: number, len: number): number {
    while (start < len) {
      const next = this.parseLine(buf, start, len);
      if (next < 0) break;
      start = next;
    }
    return start;
  }

  /**
   * Parses the line starting at `start` (the bytes end at `len`), applies it, counts it.
   * @returns the index after its newline, or -1 when its newline has not arrived yet
   */
  protected abstract parseLine(buf: Uint8Array, start: number, len: number): number;

  /**
   * A line that does not parse: -1 when it may still be incomplete (no newline yet), else
   * throws a {@link ParseError} with its number and text.
   */
  protected bad(buf: Uint8Array, start: number, reason: string): number {
    const nl = buf.indexOf(10, start);
    if (nl < 0) return -1;
    this.lines++;
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    throw new ParseError(this.lines, latin1(buf, start, end), reason);
  }

  /**
   * Skips an ignorable line (blank, banner or comment), or rejects it.
   * @returns the index after its newline, or -1 when incomplete
   */
  protected skipLine(buf: Uint8Array, start: number, ignorable: (line: string) => boolean, reason: string): number {
    const nl = buf.indexOf(10, start);
    if (nl < 0) return -1;
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    if (!ignorable(latin1(buf, start, end))) return this.bad(buf, start, reason);
    this.lines++;
    return nl + 1;
  }

  /**
   * After a record's last field: blanks, an optional CR, then the newline.
   * @returns the index after the newline, -2 when other text follows, -1 when incomplete
   */
  protected lineEnd(buf: Uint8Array, i: number, len: number): number {
    while (i < len) {
      const c = buf[i] as number;
      if (c === 10) {
        this.lines++;
        return i + 1;
      }
      if (c !== 32 && c !== 9 && c !== 13) return -2;
      i++;
    }
    return -1;
  }
}

/** Index of the first byte at or after `i` that is not a space or tab. */
export function skipBlanks(buf: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = buf[i] as number;
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** True for blank lines and valgrind's banners and comments (`==`, `#`, `--` after optional blanks). */
export function isComment(line: string): boolean {
  const t = line.replace(/^[ \t]+/, '');
  return t === '' || t.startsWith('#') || t.startsWith('==') || t.startsWith('--');
}

/**
 * Reads a hex address (optional 0x, at most 64 bits) into `out.hi` / `out.lo`.
 * @returns the index after the last digit, or -1 when there is no digit or it exceeds 64 bits
 */
export function readHex(buf: Uint8Array, i: number, end: number, out: { hi: number; lo: number }): number {
  if (i + 1 < end && buf[i] === 48 && ((buf[i + 1] as number) | 32) === 120) i += 2;
  let hi = 0;
  let lo = 0;
  const first = i;
  while (i < end) {
    const c = buf[i] as number;
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else break;
    if (hi >= 0x10000000) return -1;
    hi = ((hi << 4) | (lo >>> 28)) >>> 0;
    lo = ((lo << 4) | d) >>> 0;
    i++;
  }
  if (i === first) return -1;
  out.hi = hi;
  out.lo = lo;
  return i;
}
