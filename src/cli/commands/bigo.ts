/**
 * `nanoscope bigo --structure list|deque --ops SPEC [--json]`: applies SPEC's ops, in order, to an
 * empty CPython 3.11 list or deque in the model (src/sim/bigo/structures.ts) and prints every step:
 * size, slots allocated (list) or blocks held (deque), slots shifted, allocations.
 */
import { EmptyPopError, MAX_OPS, parseSpec, runOps, SpecError, STRUCTURE_IDS, opsOf, type OpStep, type StructureId } from '../../sim/bigo/structures';
import { stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';

/** `nanoscope bigo --help`: SPEC and the JSON shape. */
export function bigoHelp(): string {
  const lines = [
    'SPEC: comma-separated OP*COUNT (or OP for one), applied in order to an empty structure, e.g. append*100,pop0*3,insert0.',
    `  list ops: ${opsOf('list').join(', ')}; deque ops: ${opsOf('deque').join(', ')}. COUNT from 1; at most ${MAX_OPS} ops in total.`,
    'Model: CPython 3.11 (Objects/listobject.c list_resize; Modules/_collectionsmodule.c, 64-slot blocks).',
    '  capacity = slots allocated after the op, as (sys.getsizeof(l) - sys.getsizeof([])) // 8 shows;',
    '  blocks = deque blocks held after the op, as sys.getsizeof counts them (a new deque holds 1);',
    '  moved = element slots shifted by the op (insert0 on n: n; pop0 on n: n - 1; others 0; a reallocation copy is not counted);',
    "  alloc = 1 when the op changed the list's capacity or opened or freed a deque block.",
    'JSON: {"structure","runtime":"cpython-3.11","steps":[{"i","op","size","capacity"|"blocks","moved","alloc"}…],"total_moved","reallocs"}',
    'Errors (exit 1): a bad SPEC token (named); a pop on an empty structure (the step named, IndexError as CPython says it).',
  ];
  return `${lines.join('\n')}\n`;
}

function stepJson(structure: StructureId, s: OpStep): string {
  return structure === 'list'
    ? `{"i":${s.i},"op":"${s.op}","size":${s.size},"capacity":${s.capacity},"moved":${s.moved},"alloc":${s.alloc}}`
    : `{"i":${s.i},"op":"${s.op}","size":${s.size},"blocks":${s.blocks},"moved":${s.moved},"alloc":${s.alloc}}`;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  if (positionals.length) throw new UsageError(`nanoscope bigo: unexpected argument "${positionals[0]}"`);
  const structureText = stringFlag(args, 'structure');
  if (structureText === undefined) throw new UsageError(`nanoscope bigo: --structure ${STRUCTURE_IDS.join('|')} is required`);
  const spec = stringFlag(args, 'ops');
  if (spec === undefined) throw new UsageError('nanoscope bigo: --ops SPEC is required');
  const structure = STRUCTURE_IDS.find((s) => s === structureText);
  if (!structure) throw new InputError(`--structure must be one of ${STRUCTURE_IDS.join(', ')} (got "${structureText}")`);
  let result;
  try {
    result = runOps(structure, parseSpec(structure, spec));
  } catch (e) {
    if (e instanceof SpecError) throw new InputError(`--ops: ${e.message}`);
    if (e instanceof EmptyPopError) throw new InputError(`--ops: ${e.message}`);
    throw e;
  }
  if (ctx.json) {
    const parts = [`{"structure":"${structure}","runtime":"cpython-3.11","steps":[`];
    result.steps.forEach((s, k) => parts.push((k ? ',' : '') + stepJson(structure, s)));
    parts.push(`],"total_moved":${result.totalMoved},"reallocs":${result.reallocs}}`);
    ctx.out(parts.join(''));
    return;
  }
  const held = structure === 'list' ? 'capacity' : 'blocks';
  const header = `${'i'.padStart(7)}  ${'op'.padEnd(10)} ${'size'.padStart(7)} ${held.padStart(8)} ${'moved'.padStart(7)}  alloc`;
  const row = (s: OpStep) =>
    `${String(s.i).padStart(7)}  ${s.op.padEnd(10)} ${String(s.size).padStart(7)} ${String(structure === 'list' ? s.capacity : s.blocks).padStart(8)} ${String(s.moved).padStart(7)}  ${s.alloc ? `yes (${s.before} → ${structure === 'list' ? s.capacity : s.blocks}${structure === 'list' ? ' slots' : ' blocks'})` : ''}`;
  const n = result.steps.length;
  // Long runs: the first and last 10 steps and every allocation between them.
  const shown = result.steps.filter((s, k) => n <= 60 || k < 10 || k >= n - 10 || s.alloc);
  const lines = [`${structure} (CPython 3.11 model), ${n} op${n === 1 ? '' : 's'}: ${spec}`, header];
  let last = -1;
  for (const s of shown) {
    if (s.i !== last + 1) lines.push(`${'…'.padStart(7)}  (${s.i - last - 1} step${s.i - last - 1 === 1 ? '' : 's'} without an allocation)`);
    lines.push(row(s));
    last = s.i;
  }
  const final = result.steps[n - 1]!;
  lines.push(
    '',
    `total moved: ${result.totalMoved} slots; reallocations: ${result.reallocs}; ${structure === 'list' ? `capacity ${final.capacity} slots for ${final.size} elements (${final.bytes} bytes)` : `${final.blocks} block${final.blocks === 1 ? '' : 's'} for ${final.size} elements (${final.bytes} bytes)`}`,
  );
  ctx.out(lines.join('\n'));
}
