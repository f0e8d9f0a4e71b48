/**
 * `nanoscope stacks --stack vm|type2|microvm|container|function|metal --instances N
 * [--host FILE.json | --preset P] [--boot-ms MS]`: launches N instances of a 512 MiB app on one
 * host — how many fit in its memory, per-instance memory overhead, and when each is ready
 * (boots run `cores` at a time). See src/sim/stacks/stacks.ts for every figure and its source.
 */
import { GiB } from '../../sim/core/units';
import { getPreset, PRESET_IDS } from '../../sim/hardware/presets';
import { validateMachine } from '../../sim/hardware/validate';
import { DEFAULT_APP_BYTES, DEFAULT_HOST_DISK_BYTES, HOST_RESERVE_BYTES, hostOf, planLaunch, STACK_IDS, STACKS, type HostSpec, type StackId } from '../../sim/stacks/stacks';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';
import { isObject, readJsonFile } from '../jsonFile';

/** `nanoscope stacks --help`: the host file, the stacks and the JSON shape. */
export function stacksHelp(): string {
  const lines = [
    'Host file (--host FILE.json): {"cores":8,"memory_bytes":68719476736} or {"cores":8,"memory_gib":64} ("cpu":{"cores"} also read),',
    `  optional "disk_bytes" (default ${DEFAULT_HOST_DISK_BYTES / GiB} GiB, not a limit here) and "reserve_bytes" (kept by the host's`,
    `  shared layers, default ${HOST_RESERVE_BYTES / GiB} GiB); or a whole machine description (cpu.cores, memory.sizeBytes.value).`,
    `  Default host: --preset (default 2020): its cores, and 32 GiB when the preset gives no RAM.`,
    `Each instance: a ${DEFAULT_APP_BYTES / 2 ** 20} MiB app + the stack's overhead; fit = ⌊(memory − reserve) / instance⌋, at most N.`,
    'Boots run one per core at a time: instance i starts at ⌊i / cores⌋ × boot_ms.',
    'Stacks:',
    ...STACK_IDS.map((id) => `  ${id}: ${STACKS[id].description} Boot ${STACKS[id].bootMs} ms (${STACKS[id].bootSource}).`),
    'JSON: {"stack","instances","fit","rejected","start_ms","memory_overhead_bytes","instance_bytes","boot_ms","parallel",',
    '  "cpu_overhead","host":{"cores","memory_bytes","reserve_bytes"},"timeline":[{"instance","start_ms","ready_ms"}…] (fitted instances only),"sources"}',
  ];
  return `${lines.join('\n')}\n`;
}

function positiveInt(file: string, json: Record<string, unknown>, path: string, field: string, required: boolean): number | undefined {
  const v = json[field];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new InputError(`${file}: ${path} must be a positive integer (got ${JSON.stringify(v)})`);
  return v;
}

function loadHost(file: string): HostSpec {
  const json = readJsonFile(file, '--host');
  if (!isObject(json)) throw new InputError(`${file}: a host must be an object like {"cores":8,"memory_gib":64}`);
  // A whole machine description is checked as one; its RAM may still be absent (then the default).
  if (isObject(json.cpu) && typeof json.id === 'string') {
    const checked = validateMachine(json);
    if (!checked.ok) throw new InputError(`${file}: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return hostOf(checked.value);
  }
  const cores = isObject(json.cpu) && json.cores === undefined ? positiveInt(file, json.cpu, 'cpu.cores', 'cores', true)! : positiveInt(file, json, 'cores', 'cores', true)!;
  let memoryBytes = positiveInt(file, json, 'memory_bytes', 'memory_bytes', false);
  if (memoryBytes === undefined) {
    const gib = json.memory_gib;
    if (typeof gib !== 'number' || !Number.isFinite(gib) || gib <= 0) throw new InputError(`${file}: memory_bytes (or memory_gib) must be a positive number (got ${JSON.stringify(json.memory_bytes ?? gib)})`);
    memoryBytes = Math.floor(gib * GiB);
  }
  const diskBytes = positiveInt(file, json, 'disk_bytes', 'disk_bytes', false) ?? DEFAULT_HOST_DISK_BYTES;
  const reserve = json.reserve_bytes;
  if (reserve !== undefined && (typeof reserve !== 'number' || !Number.isSafeInteger(reserve) || reserve < 0)) throw new InputError(`${file}: reserve_bytes must be an integer ≥ 0 (got ${JSON.stringify(reserve)})`);
  return { cores, memoryBytes, diskBytes, reserveBytes: (reserve as number | undefined) ?? HOST_RESERVE_BYTES, source: `host file ${file}` };
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  if (positionals.length) throw new UsageError(`nanoscope stacks: unexpected argument "${positionals[0]}"`);
  const stackText = stringFlag(args, 'stack');
  if (stackText === undefined) throw new UsageError(`nanoscope stacks: --stack ${STACK_IDS.join('|')} is required`);
  if (!(STACK_IDS as readonly string[]).includes(stackText)) throw new UsageError(`nanoscope stacks: --stack must be one of ${STACK_IDS.join(', ')} (got "${stackText}")`);
  const spec = STACKS[stackText as StackId];
  const instancesText = stringFlag(args, 'instances');
  const instances = instancesText === undefined ? 40 : parseInteger(instancesText, '--instances', 1, 100_000);
  const bootText = stringFlag(args, 'boot-ms');
  const bootMs = bootText === undefined ? spec.bootMs : parseInteger(bootText, '--boot-ms', 1, 3_600_000);
  const hostFile = stringFlag(args, 'host');
  const presetId = stringFlag(args, 'preset');
  if (hostFile !== undefined && presetId !== undefined) throw new UsageError('nanoscope stacks: give --host or --preset, not both');
  let host: HostSpec;
  if (hostFile !== undefined) host = loadHost(hostFile);
  else {
    const machine = getPreset(presetId ?? '2020');
    if (!machine) throw new InputError(`--preset: unknown preset "${presetId}" (valid: ${PRESET_IDS.join(', ')})`);
    host = hostOf(machine);
  }
  const plan = planLaunch(host, { overheadBytes: spec.overheadBytes, bootMs }, instances);
  const sources = [bootText === undefined ? spec.bootSource : `--boot-ms ${bootMs}`, spec.overheadSource, spec.cpuSource, host.source];
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        stack: spec.id,
        instances,
        fit: plan.fit,
        rejected: instances - plan.fit,
        start_ms: plan.startMs,
        memory_overhead_bytes: spec.overheadBytes,
        instance_bytes: plan.perInstanceBytes,
        boot_ms: bootMs,
        parallel: plan.parallel,
        cpu_overhead: spec.cpuOverhead,
        host: { cores: host.cores, memory_bytes: host.memoryBytes, reserve_bytes: host.reserveBytes },
        timeline: plan.timeline.map((e) => ({ instance: e.instance, start_ms: e.startMs, ready_ms: e.readyMs })),
        sources,
      }),
    );
    return;
  }
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const lines = [
    `${spec.label}: ${spec.description}`,
    `layers: ${spec.layers.map((l) => `${l.name}${l.shared ? '' : ' (per instance)'}`).join(' → ')}`,
    `host: ${host.cores} cores, ${mib(host.memoryBytes)} (${mib(host.reserveBytes)} kept by the host)`,
    `instance: ${mib(plan.perInstanceBytes)} (app ${mib(DEFAULT_APP_BYTES)} + overhead ${mib(spec.overheadBytes)}); CPU overhead ${(spec.cpuOverhead * 100).toFixed(0)} %`,
    `fit: ${plan.fit} of ${instances}${plan.fit < instances ? ` (${instances - plan.fit} rejected: out of memory)` : ''}`,
    `all fitted instances ready after ${plan.startMs} ms (boot ${bootMs} ms, ${plan.parallel} at a time)`,
    `isolation: ${spec.isolation.boundary}; a compromised app reaches ${spec.isolation.reaches.join('; ')}`,
    ...sources.map((s) => `source: ${s}`),
  ];
  ctx.out(lines.join('\n'));
}
