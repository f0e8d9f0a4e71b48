/**
 * `nanoscope latency [--preset 2012|2020|teaching]`: the latency ladder of a preset, fastest
 * first, with a human-scale column where an L1 reference takes one second.
 */
import { getPreset, PRESET_IDS } from '../../sim/hardware/presets';
import { ladderRungs } from '../../sim/ladder/rungs';
import { formatDuration, humanSeconds } from '../../sim/ladder/scale';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';
import { formatNs } from '../../sim/core/format';

export const DEFAULT_PRESET = '2012';

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  if (positionals.length) throw new UsageError(`nanoscope latency: unexpected argument "${positionals[0]}"`);
  const id = typeof flags.get('preset') === 'string' ? (flags.get('preset') as string) : DEFAULT_PRESET;
  const machine = getPreset(id);
  if (!machine) throw new InputError(`--preset: unknown preset "${id}" (valid: ${PRESET_IDS.join(', ')})`);
  const rungs = ladderRungs(machine);
  const present = rungs.filter((r): r is typeof r & { ns: number } => r.ns !== null).sort((a, b) => a.ns - b.ns);
  const missing = rungs.filter((r) => r.ns === null);
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        preset: machine.id,
        source: machine.source,
        rungs: present.map((r) => ({ id: r.id, label: r.label, ns: r.ns, source: r.source, group: r.group })),
        missing: missing.map((r) => ({ id: r.id, label: r.label })),
      }),
    );
    return;
  }
  // Human scale: the L1 reference (or the fastest rung) becomes one second.
  const unit = present.find((r) => /l1/i.test(r.id))?.ns ?? present[0]?.ns ?? 1;
  const labelWidth = Math.max(9, ...present.map((r) => r.label.length));
  const lines = [`${machine.name} — ${machine.source}`, '', `${'operation'.padEnd(labelWidth)}  ${'latency'.padStart(9)}  if L1 took 1 second`];
  lines.push(`${'-'.repeat(labelWidth)}  ${'-'.repeat(9)}  ${'-'.repeat(19)}`);
  for (const r of present) lines.push(`${r.label.padEnd(labelWidth)}  ${formatNs(r.ns).padStart(9)}  ${formatDuration(humanSeconds(r.ns, unit))}`);
  if (missing.length) lines.push('', `not in this table: ${missing.map((r) => r.label).join(', ')}`);
  ctx.out(lines.join('\n'));
}
