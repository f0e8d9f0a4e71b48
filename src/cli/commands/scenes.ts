/**
 * `nanoscope scenes [--json]`: every scene of src/sim/manifests.ts with its parameters, as each
 * scene declares them (the same schema the app's URL, Inspector and `trace` read).
 * JSON: {"scenes":[{"id","title","params":[{"name","type","default","min"?,"max"?,"values"?,…}]}]}.
 */
import { describeSchema, type ParamSchema } from '../../sim/core/params';
import { SCENE_MANIFESTS } from '../../sim/manifests';
import type { CliContext } from '../context';
import { UsageError } from '../errors';

/** The scenes as `--json` prints them. */
export function scenesJson(): { scenes: { id: string; title: string; params: ReturnType<typeof describeSchema> }[] } {
  return { scenes: SCENE_MANIFESTS.map((s) => ({ id: s.id, title: s.title, params: describeSchema(s.params as ParamSchema<unknown>) })) };
}

export function run(ctx: CliContext, positionals: string[]): Promise<void> {
  if (positionals.length) throw new UsageError(`nanoscope scenes: unexpected argument "${positionals[0]}"`);
  const data = scenesJson();
  if (ctx.json) {
    ctx.out(JSON.stringify(data));
    return Promise.resolve();
  }
  const lines: string[] = [];
  for (const s of data.scenes) {
    lines.push(`${s.id}  ${s.title}`);
    for (const p of s.params) {
      const range = p.values ? `one of ${p.values.join(', ')}` : p.min !== undefined ? `${p.type} ${p.min}..${p.max}` : p.type;
      const def = typeof p.default === 'string' && p.default.length > 30 ? `${JSON.stringify(p.default.slice(0, 27))}…` : JSON.stringify(p.default);
      lines.push(`  ${p.name.padEnd(15)} ${range}${p.unit ? ` (${p.unit})` : ''}; default ${def} — ${p.label}`);
    }
  }
  ctx.out(lines.join('\n'));
  return Promise.resolve();
}
