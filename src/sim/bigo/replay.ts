/**
 * A SPEC replayed op by op through the list or deque model, keeping what `sys.getsizeof` shows
 * after each op — the shape the CPython tables and cross-checks record. Unlike the CLI it stops
 * at a pop from empty and keeps the steps before it, as CPython does when it raises IndexError.
 */
import { DequeModel, EmptyPopError, ListModel, parseSpec, type StructureId } from './structures';

/** Sizes and slots (list) or blocks (deque) held after each op; `error` when a pop found it empty. */
export function replaySpec(structure: StructureId, spec: string): { size: number[]; held: number[]; error?: EmptyPopError } {
  const list = new ListModel();
  const deque = new DequeModel();
  const size: number[] = [];
  const held: number[] = [];
  for (const { op, count } of parseSpec(structure, spec)) {
    for (let c = 0; c < count; c++) {
      try {
        const s = structure === 'list' ? list.apply(op as never) : deque.apply(op as never);
        size.push(s.size);
        held.push(structure === 'list' ? s.capacity! : s.blocks!);
      } catch (e) {
        if (e instanceof EmptyPopError) return { size, held, error: e };
        throw e;
      }
    }
  }
  return { size, held };
}
