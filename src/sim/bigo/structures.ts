/**
 * CPython 3.11's `list` and `collections.deque`, slot for slot, as the C source decides.
 *
 * - list: `Objects/listobject.c`, `list_resize` (3.11): a realloc only when the new size is above
 *   the allocated slots or below half of them; then `allocated = (n + (n >> 3) + 6) & ~3`
 *   (0 when n = 0). `append` (`_PyList_AppendTakeRef`: a fast path when a free slot exists,
 *   else `list_resize(n + 1)`), `pop()` (`list_resize(n - 1)`), `insert(0, x)` (`ins1`:
 *   `list_resize(n + 1)`, then n slots shift right), `pop(0)` (`list_ass_slice`: n − 1 slots
 *   shift left, then `list_resize(n - 1)`; on a list of one it is `pop()`).
 * - deque: `Modules/_collectionsmodule.c`: blocks of 64 slots (`BLOCKLEN`) in a doubly linked
 *   list; a new deque holds one block with `leftindex = CENTER + 1 = 32`, `rightindex = CENTER =
 *   31`. A block is opened when an end runs off its block and freed when an end leaves one; a
 *   deque emptied by an op that crosses a block edge re-centres its indices instead of freeing
 *   its last block (an op that empties it inside a block leaves the indices where they are).
 *   `deque_sizeof` counts `(leftindex + len + 63) / 64` blocks.
 *
 * Units: sizes, capacities and moves are element slots (one slot = one 8-byte pointer on a 64-bit
 * build); bytes are bytes.
 */

/** Bytes per slot (a `PyObject *` on a 64-bit build). */
export const SLOT_BYTES = 8;
/** `sys.getsizeof([])` on 64-bit CPython 3.11: the list object (40) + the GC header (16). */
export const LIST_HEADER_BYTES = 56;
/** Slots per deque block (`BLOCKLEN`). */
export const BLOCKLEN = 64;
/** `CENTER = (BLOCKLEN - 1) / 2`. */
export const CENTER = 31;
/** `sizeof(block)`: 64 slots + the two links, bytes. */
export const BLOCK_BYTES = BLOCKLEN * SLOT_BYTES + 16;
/** `sys.getsizeof(deque())` (760 on 64-bit 3.11) without its one block: the deque object + the GC header, bytes. */
export const DEQUE_HEADER_BYTES = 760 - BLOCK_BYTES;

export type StructureId = 'list' | 'deque';
export const STRUCTURE_IDS: readonly StructureId[] = ['list', 'deque'];
export type ListOp = 'append' | 'pop' | 'insert0' | 'pop0';
export type DequeOp = 'append' | 'appendleft' | 'pop' | 'popleft';
export type BigOOp = ListOp | DequeOp;
export const LIST_OPS: readonly ListOp[] = ['append', 'pop', 'insert0', 'pop0'];
export const DEQUE_OPS: readonly DequeOp[] = ['append', 'appendleft', 'pop', 'popleft'];

/** The ops a structure accepts, in menu order. */
export function opsOf(structure: StructureId): readonly BigOOp[] {
  return structure === 'list' ? LIST_OPS : DEQUE_OPS;
}

/** What one operation did. */
export interface OpStep {
  /** Index of the op, from 0. */
  readonly i: number;
  readonly op: BigOOp;
  /** Elements held after the op. */
  readonly size: number;
  /** list: slots allocated after the op (`allocated`). */
  readonly capacity?: number;
  /** deque: blocks held after the op, as `sys.getsizeof` counts them. */
  readonly blocks?: number;
  /** Element slots shifted by the op (`memmove`); a reallocation's copy is not counted. */
  readonly moved: number;
  /** 1 when the op changed the list's capacity or opened/freed a deque block, else 0. */
  readonly alloc: 0 | 1;
  /** list: slots allocated before the op; deque: blocks before. */
  readonly before: number;
  /** Element slots a reallocation copied (the worst case: realloc moved the array), 0 if none. */
  readonly copied: number;
  /** deque: `leftindex`/`rightindex` after the op (positions in the end blocks). */
  readonly leftindex?: number;
  readonly rightindex?: number;
  /** Bytes the structure holds after the op (`sys.getsizeof`). */
  readonly bytes: number;
}

/** A pop on an empty structure: CPython's `IndexError`. */
export class EmptyPopError extends Error {
  constructor(
    readonly step: number,
    readonly op: BigOOp,
    readonly structure: StructureId,
  ) {
    super(`step ${step} (${op}, op number ${step + 1} of the SPEC): IndexError: ${structure === 'list' ? 'pop from empty list' : 'pop from an empty deque'}`);
  }
}

/** `list_resize`'s choice of allocated slots for a new size, or `allocated` when no realloc. */
export function listResize(allocated: number, size: number, newsize: number): number {
  if (allocated >= newsize && newsize >= allocated >> 1) return allocated;
  if (newsize === 0) return 0;
  let next = (newsize + (newsize >> 3) + 6) & ~3;
  // Do not over-allocate if the new size is closer to it than to the old size (a big extend).
  if (newsize - size > next - newsize) next = (newsize + 3) & ~3;
  return next;
}

/** CPython 3.11's list: size and allocated slots. */
export class ListModel {
  size = 0;
  allocated = 0;
  private count = 0;

  clone(): ListModel {
    return Object.assign(new ListModel(), this);
  }

  /** Applies one op; throws {@link EmptyPopError} on a pop from an empty list. */
  apply(op: ListOp): OpStep {
    const i = this.count;
    const before = this.allocated;
    const n = this.size;
    let moved = 0;
    let copied = 0;
    if (op === 'append' || op === 'insert0') {
      // append's fast path (a free slot) gives what list_resize(n + 1) gives: no realloc.
      const next = n < this.allocated ? this.allocated : listResize(this.allocated, n, n + 1);
      if (next !== this.allocated) copied = n;
      this.allocated = next;
      this.size = n + 1;
      if (op === 'insert0') moved = n;
    } else {
      if (n === 0) throw new EmptyPopError(i, op, 'list');
      if (op === 'pop0') moved = n - 1;
      const next = listResize(this.allocated, n, n - 1);
      if (next !== this.allocated) copied = n - 1;
      this.allocated = next;
      this.size = n - 1;
    }
    this.count++;
    return { i, op, size: this.size, capacity: this.allocated, moved, alloc: this.allocated !== before ? 1 : 0, before, copied, bytes: LIST_HEADER_BYTES + SLOT_BYTES * this.allocated };
  }
}

/** CPython 3.11's deque: indices in the end blocks and the length. */
export class DequeModel {
  size = 0;
  leftindex = CENTER + 1;
  rightindex = CENTER;
  private count = 0;

  clone(): DequeModel {
    return Object.assign(new DequeModel(), this);
  }

  /** Blocks held, as `deque_sizeof` counts them (always equal to the blocks linked). */
  get blocks(): number {
    return Math.floor((this.leftindex + this.size + BLOCKLEN - 1) / BLOCKLEN);
  }

  /** Applies one op; throws {@link EmptyPopError} on a pop from an empty deque. */
  apply(op: DequeOp): OpStep {
    const i = this.count;
    const before = this.blocks;
    if (op === 'append') {
      if (this.rightindex === BLOCKLEN - 1) this.rightindex = -1; // newblock on the right
      this.size++;
      this.rightindex++;
    } else if (op === 'appendleft') {
      if (this.leftindex === 0) this.leftindex = BLOCKLEN; // newblock on the left
      this.size++;
      this.leftindex--;
    } else if (op === 'pop') {
      if (this.size === 0) throw new EmptyPopError(i, op, 'deque');
      this.rightindex--;
      this.size--;
      if (this.rightindex < 0) {
        if (this.size) this.rightindex = BLOCKLEN - 1; // freeblock: the right block
        else this.recentre();
      }
    } else {
      if (this.size === 0) throw new EmptyPopError(i, op, 'deque');
      this.leftindex++;
      this.size--;
      if (this.leftindex === BLOCKLEN) {
        if (this.size) this.leftindex = 0; // freeblock: the left block
        else this.recentre();
      }
    }
    this.count++;
    const blocks = this.blocks;
    return { i, op, size: this.size, blocks, moved: 0, alloc: blocks !== before ? 1 : 0, before, copied: 0, leftindex: this.leftindex, rightindex: this.rightindex, bytes: DEQUE_HEADER_BYTES + BLOCK_BYTES * blocks };
  }

  private recentre(): void {
    this.leftindex = CENTER + 1;
    this.rightindex = CENTER;
  }
}

/** One token of a SPEC: an op and how many times in a row. */
export interface SpecItem {
  readonly op: BigOOp;
  readonly count: number;
}

/** Most ops one SPEC may ask for, in total (one step each in the output). */
export const MAX_OPS = 1_000_000;

/** A SPEC that cannot be read: the message names the token. */
export class SpecError extends Error {}

/**
 * Reads `OP*COUNT` or `OP`, comma-separated (`append*100,pop0*3,insert0`). COUNT is a whole number
 * from 1; the total is bounded by {@link MAX_OPS}.
 */
export function parseSpec(structure: StructureId, spec: string): SpecItem[] {
  const allowed = opsOf(structure);
  const items: SpecItem[] = [];
  let total = 0;
  const tokens = spec.split(',');
  for (const [k, raw] of tokens.entries()) {
    const token = raw.trim();
    const m = /^([a-z0-9]+)(?:\*(\d+))?$/.exec(token);
    const where = `SPEC token ${k + 1} "${raw}"`;
    if (!m) throw new SpecError(`${where}: expected OP or OP*COUNT (ops for a ${structure}: ${allowed.join(', ')})`);
    const op = allowed.find((o) => o === m[1]);
    if (!op) throw new SpecError(`${where}: unknown op "${m[1]}" for a ${structure} (ops: ${allowed.join(', ')})`);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_OPS) throw new SpecError(`${where}: COUNT must be an integer from 1 to ${MAX_OPS}`);
    total += count;
    if (total > MAX_OPS) throw new SpecError(`${where}: the SPEC asks for more than ${MAX_OPS} ops in total`);
    items.push({ op, count });
  }
  return items;
}

/** The whole run of a SPEC. */
export interface OpRun {
  readonly structure: StructureId;
  readonly steps: OpStep[];
  readonly totalMoved: number;
  readonly reallocs: number;
}

/** Applies every op of `items` in order to an empty structure; throws {@link EmptyPopError}. */
export function runOps(structure: StructureId, items: readonly SpecItem[]): OpRun {
  const steps: OpStep[] = [];
  let totalMoved = 0;
  let reallocs = 0;
  const list = new ListModel();
  const deque = new DequeModel();
  for (const { op, count } of items) {
    for (let c = 0; c < count; c++) {
      const s = structure === 'list' ? list.apply(op as ListOp) : deque.apply(op as DequeOp);
      totalMoved += s.moved;
      reallocs += s.alloc;
      steps.push(s);
    }
  }
  return { structure, steps, totalMoved, reallocs };
}
