/** What a step says: one line for screen readers (narrateBigO) and the numbers its charts plot, as CSV columns (bigoChartRow). */
import type { Frame } from '../../engine/protocol';
import type { BigOView } from '../../../sim/bigo/scene';
import type { OpStep } from '../../../sim/bigo/structures';

const OP_TEXT: Record<string, string> = { append: 'append(x)', pop: 'pop()', insert0: 'insert(0, x)', pop0: 'pop(0)', appendleft: 'appendleft(x)', popleft: 'popleft()' };

/** "insert(0, x): 4 elements shift right; the list grows from 4 to 8 slots (4 copied)". */
export function describeStep(view: BigOView, s: OpStep): string {
  const list = view.structure === 'list';
  const parts = [`${OP_TEXT[s.op] ?? s.op}`];
  if (s.moved) parts.push(`${s.moved} element${s.moved === 1 ? '' : 's'} shift ${s.op === 'insert0' ? 'right' : 'left'}`);
  else parts.push('nothing moves');
  if (s.alloc && list) parts.push(`the list ${s.capacity! > s.before ? 'grows' : 'shrinks'} from ${s.before} to ${s.capacity} slots${s.copied ? ` (${s.copied} copied to the new array)` : ''}`);
  if (s.alloc && !list) parts.push(s.blocks! > s.before ? `a new block of 64 slots opens at the ${s.op === 'append' ? 'right' : 'left'} end` : `the ${s.op === 'pop' ? 'right' : 'left'} end's block is freed`);
  if (!list && s.size === 0) {
    const centred = s.leftindex === 32 && s.rightindex === 31;
    parts.push(
      `the deque is empty, its ends at slots ${s.leftindex}/${s.rightindex} of its one block${centred ? '' : ' — not re-centred: CPython re-centres only when an emptying op crosses a block edge'}`,
    );
  }
  return parts.join('; ');
}

export function narrateBigO(view: BigOView): string {
  const held = view.structure === 'list' ? `${view.capacity} slots` : `${view.blocks} block${view.blocks === 1 ? '' : 's'}`;
  if (!view.last) return `An empty ${view.structure} (${held}), ${view.opsTotal} ops to go: ${view.mixLabel}.`;
  return `Op ${view.last.i + 1} of ${view.opsTotal}, ${describeStep(view, view.last)}. ${view.size} elements in ${held}, ${view.bytes} bytes; ${view.totals.moved} moves so far.`;
}

/** CSV columns: the step as the CLI reports it, the totals and the space held. */
export function bigoChartRow(view: BigOView): Record<string, number | string> {
  const s = view.last;
  return {
    op: s ? s.op : '',
    size: view.size,
    ...(view.structure === 'list' ? { capacity: view.capacity ?? 0 } : { blocks: view.blocks ?? 0 }),
    moved: s ? s.moved : 0,
    alloc: s ? s.alloc : 0,
    total_moved: view.totals.moved,
    reallocs: view.totals.reallocs,
    copied: view.totals.copied,
    cost: view.totals.cost,
    bytes: view.bytes,
    wasted_slots: view.wastedSlots,
  };
}

/** This scene's view in a frame; undefined when the frame is another scene's (the literal id narrows the view's type). */
export function bigoViewOf(frame: Frame | null | undefined): BigOView | undefined {
  return frame?.sceneId === 'big-o' ? frame.view : undefined;
}
