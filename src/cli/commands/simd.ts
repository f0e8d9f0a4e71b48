/**
 * `nanoscope simd --kernel sum|add|saxpy|branchy --n N [--width 4|8|16] [--style
 * interpreted|scalar|simd|gpu] [--machine P]`: one loop on the model core (src/sim/simd/simd.ts):
 * cycles, ns, lanes used, whether it is compute- or memory-bound, and the other styles beside it.
 */
import { getPreset, PRESET_IDS } from '../../sim/hardware/presets';
import { compareStyles, GPU, INTERPRETED_NS, KERNEL_SHAPE, KERNELS, roofline, runKernel, STYLES, WIDTHS, type Kernel, type Style } from '../../sim/simd/simd';
import { MAX_N } from '../../sim/simd/scene';
import { parseInteger, stringFlag, type ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { InputError, UsageError } from '../errors';

/** `nanoscope simd --help`: the figures and the JSON shape. */
export function simdHelp(): string {
  const lines = [
    'Kernels (float32): ' + KERNELS.map((k) => `${k}: ${KERNEL_SHAPE[k].text}`).join('; '),
    'Styles: interpreted (a Python loop / DataFrame.apply: ' + `${INTERPRETED_NS} ns per element on top), scalar (compiled, one lane), simd (--width lanes,`,
    '  a masked tail iteration when N is not a multiple, a horizontal add to end a sum), gpu (' + `${GPU.lanes} lanes, ${GPU.launchNs / 1000} µs launch, PCIe ${GPU.pcieBps / 1e9} GB/s each way).`,
    'Core: FP add/mul/FMA latency 4 cycles, 2 per cycle; 4 ALUs; 2 loads + 1 store per cycle; L1 64, L2 32, L3 16 B/cycle; RAM 20 GB/s',
    '  unless the machine gives one. time = max(issue/latency-bound compute, bytes / bandwidth of the level that holds them).',
    'JSON: {"kernel","style","n","width","machine","cycles","ns","lanes_used","bound":"compute"|"memory","iterations","full_iterations","tail_lanes",',
    '  "flops","bytes","arithmetic_intensity","achieved_gflops","peak_gflops","level","bandwidth_gbps","compute_ns","memory_ns","transfer_ns",',
    '  "reduce_cycles","styles":[{"style","cycles","ns","speedup","bound"}],"roofline":{"peak_gflops","roofs":[{"level","gbps","ridge"}]}}',
  ];
  return `${lines.join('\n')}\n`;
}

function oneOf<T extends string | number>(flag: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => String(a) === text);
  if (found === undefined) throw new InputError(`--${flag} must be one of ${allowed.join(', ')} (got "${text}")`);
  return found;
}

export async function run(ctx: CliContext, positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const args: ParsedArgs = { positionals, flags };
  if (positionals.length) throw new UsageError(`nanoscope simd: unexpected argument "${positionals[0]}"`);
  const kernelText = stringFlag(args, 'kernel');
  if (kernelText === undefined) throw new UsageError(`nanoscope simd: --kernel ${KERNELS.join('|')} is required`);
  const nText = stringFlag(args, 'n');
  if (nText === undefined) throw new UsageError('nanoscope simd: --n N is required');
  const kernel: Kernel = oneOf('kernel', kernelText, KERNELS);
  const n = parseInteger(nText, '--n', 1, MAX_N);
  const width = Number(oneOf('width', stringFlag(args, 'width') ?? '8', WIDTHS.map(String)));
  const style: Style = oneOf('style', stringFlag(args, 'style') ?? 'simd', STYLES);
  const machineId = stringFlag(args, 'machine') ?? '2020';
  const machine = getPreset(machineId);
  if (!machine) throw new InputError(`--machine: unknown preset "${machineId}" (valid: ${PRESET_IDS.join(', ')})`);
  const r = runKernel({ kernel, n, width, style, machine });
  const styles = compareStyles(kernel, n, width, machine);
  const roof = roofline(machine, width);
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        kernel,
        style,
        n,
        width,
        machine: machine.id,
        cycles: r.cycles,
        ns: r.ns,
        lanes_used: r.lanesUsed,
        bound: r.bound,
        iterations: r.iterations,
        full_iterations: r.fullIterations,
        tail_lanes: r.tailLanes,
        flops: r.flops,
        bytes: r.bytes,
        arithmetic_intensity: r.arithmeticIntensity,
        achieved_gflops: r.achievedFlops / 1e9,
        peak_gflops: r.peakFlops / 1e9,
        level: r.level,
        bandwidth_gbps: r.bandwidth / 1e9,
        compute_ns: r.computeNs,
        memory_ns: r.memoryNs,
        transfer_ns: r.transferNs,
        reduce_cycles: r.reduceCycles,
        styles: styles.map((s) => ({ style: s.style, cycles: s.result.cycles, ns: s.result.ns, speedup: s.speedup, bound: s.result.bound })),
        roofline: { peak_gflops: roof.peakFlops / 1e9, roofs: roof.roofs.map((x) => ({ level: x.level, gbps: x.bandwidth / 1e9, ridge: x.ridge })) },
      }),
    );
    return;
  }
  const fmt = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(2)} ns`);
  const lines = [
    `${KERNEL_SHAPE[kernel].text} for ${n.toLocaleString('en-US')} float32 elements, ${style}${style === 'simd' ? ` at ${width} lanes` : ''}, on ${machine.name}`,
    `${r.cycles.toLocaleString('en-US')} cycles = ${fmt(r.ns)}; ${r.lanesUsed} lane${r.lanesUsed === 1 ? '' : 's'} per instruction; ${r.iterations.toLocaleString('en-US')} iterations${style === 'simd' && r.tailLanes ? ` (${r.fullIterations} full + a tail of ${r.tailLanes} lanes)` : ''}`,
    `${r.bound}-bound: compute ${fmt(r.computeNs)}, memory ${fmt(r.memoryNs)} (${(r.bytes / 1024).toFixed(1)} KiB from ${r.level} at ${(r.bandwidth / 1e9).toFixed(1)} GB/s)${r.transferNs ? `, launch + PCIe ${fmt(r.transferNs)}` : ''}`,
    `roofline: ${r.arithmeticIntensity.toFixed(3)} flop/byte, ${(r.achievedFlops / 1e9).toFixed(2)} of ${(r.peakFlops / 1e9).toFixed(1)} GFLOP/s peak`,
    '',
    'style          cycles          time   speedup   bound',
    ...styles.map((s) => `${s.style.padEnd(11)} ${s.result.cycles.toLocaleString('en-US').padStart(12)} ${fmt(s.result.ns).padStart(13)} ${s.speedup.toFixed(1).padStart(8)}×   ${s.result.bound}`),
  ];
  ctx.out(lines.join('\n'));
}
