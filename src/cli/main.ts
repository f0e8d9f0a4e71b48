/**
 * `nanoscope` — the headless front door over src/sim and the measurement services.
 * Exit codes, for every subcommand: 0 ok, 1 bad input data, 2 bad usage, 3 budget exceeded.
 */
import { parseFlags, parseInteger, stringFlag, type FlagSpec } from './args';
import { GLOBAL_FLAGS, type CliContext } from './context';
import { CliError, EXIT, FailedError, UsageError } from './errors';
import { readVersion } from '../main/services/version';
import { refuseSignalInspector } from '../main/services/inspectorGuard';

export type CommandRun = (ctx: CliContext, positionals: string[], flags: Map<string, string | true>) => Promise<void>;

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpec;
  /** Loaded on use, so one subcommand's imports never slow down or break another. */
  readonly load: () => Promise<{ run: CommandRun }>;
  /** More text for `nanoscope <command> --help` (e.g. lists of names), loaded on use. */
  readonly help?: () => Promise<string>;
}

const COMMANDS: readonly CliCommand[] = [
  {
    name: 'latency',
    summary: 'the latency ladder of a preset (2012, 2020, teaching), fastest first; L1 = 1 second on the human scale',
    usage: 'latency [--preset 2012|2020|teaching]',
    flags: { preset: 'value' },
    load: () => import('./commands/latency'),
  },
  {
    name: 'measure',
    summary: 'real measurements on this machine: memory-latency [--max-bytes 256M] [--repeats 3] [--budget-ms 60000], storage-latency [--reads 256], mutex-latency, memory-mountain [--max-bytes 256M] [--strides 1,2,4,8,16,32] [--budget-ms 60000], race [--workers 2] [--iterations 1000000] [--strategy plain|atomic|cas|mutex|incdec] [--repeat 10], false-sharing [--iterations 20000000], speedup --max-workers N [--repeat 3] [--budget-ms 60000], startup [--repeat 15], simd [--sizes 16K,256K,4M,64M] [--budget-ms 60000], bigo [--max-n 1024000] [--repeats 3] [--budget-ms 60000], mapreduce [--size-mb 32 | --input FILE] [--max-workers N] [--repeat 3] [--budget-ms 120000], python-gil [--workers N] [--iterations 3000000] [--repeat 3], python-race --variant seed|call [--iterations 1000000] [--repeat 3], python-vector [--n 1000000] [--repeat 3], python-bigo [--sizes 1000,10000,100000] [--ops 1000] [--appends 64], python-dask --input FILE | --size-mb N; every python-* takes --python PATH and --budget-ms (default 120000)',
    usage: 'measure memory-latency|storage-latency|mutex-latency|memory-mountain|race|false-sharing|speedup|startup|simd|bigo|python-gil|python-race|python-vector|python-bigo|python-dask|mapreduce [options]',
    flags: { 'max-bytes': 'value', repeats: 'value', 'budget-ms': 'value', reads: 'value', strides: 'value', workers: 'value', iterations: 'value', strategy: 'value', repeat: 'value', 'max-workers': 'value', sizes: 'value', python: 'value', variant: 'value', n: 'value', input: 'value', ops: 'value', appends: 'value', 'max-n': 'value', 'size-mb': 'value' },
    load: () => import('./commands/measure'),
  },
  {
    name: 'python',
    summary:
      'the Python 3 interpreter the Python runs use (NANOSCOPE_PYTHON, else python3/python on PATH, /usr/bin/python3, py -3 on Windows; the one with most of numpy/pandas/dask): version, implementation, free-threaded, package versions. Exit 1 when none is found',
    usage: 'python [--python PATH]',
    flags: { python: 'value' },
    load: () => import('./commands/python'),
  },
  {
    name: 'trace',
    summary: 'run any scene model (ids: nanoscope scenes) in a worker and print {"scene","seed","params","records"} as JSON; a parameter outside its declared range or values exits 1 naming it (--help lists every parameter)',
    usage: 'trace SCENE [--param NAME=VALUE]… [--max-events N]   (trace ladder [--preset P] [--route R] [--jitter J] also works)',
    flags: { param: 'list', preset: 'value', route: 'value', jitter: 'value', 'max-events': 'value' },
    load: () => import('./commands/trace'),
    help: async () => (await import('./commands/trace')).traceHelp(),
  },
  {
    name: 'scenes',
    summary: 'every scene: its URL id, title and parameters (type, default, range or values, unit) as the scene declares them',
    usage: 'scenes [--json]',
    flags: {},
    load: () => import('./commands/scenes'),
  },
  {
    name: 'cache',
    summary: 'run a valgrind lackey or Dinero din trace (gzip ok, - = stdin), or a generated pattern, through a cache hierarchy; every counter, memory traffic, AMAT (--help lists patterns)',
    usage: 'cache --config FILE.json|PRESET (--trace FILE[.gz]|- [--format lackey|din] [--ifetch ignore|data] [--din-size N] | --pattern NAME [--param k=v]…)',
    flags: { config: 'value', trace: 'value', format: 'value', ifetch: 'value', 'din-size': 'value', pattern: 'value', param: 'list' },
    load: () => import('./commands/cache'),
    help: async () => (await import('./commands/cache')).cacheHelp(),
  },
  {
    name: 'explore',
    summary:
      'every interleaving of T threads × K counter updates (in a worker): reachable final values, a witness schedule each (thread ids, one per micro-op step), with --count the number of interleavings (decimal strings). Steps: nonatomic load,add,store; atomic fetch_add; cas load,add,cas (a failed cas jumps back to the load); mutex lock,load,add,store,unlock (lock only while free). An interleaving is a sequence of thread ids, one per step, each naming a thread that can step then, until every thread has finished. incdec: threads 1,3,5… decrement. Exit 3 past --max-states (default 2000000)',
    usage: 'explore --threads T --iterations K --strategy nonatomic|atomic|cas|mutex [--workload inc|incdec] [--max-states N] [--count]',
    flags: { threads: 'value', iterations: 'value', strategy: 'value', workload: 'value', 'max-states': 'value', count: 'boolean' },
    load: () => import('./commands/explore'),
  },
  {
    name: 'stacks',
    summary: 'launch N instances of a 512 MiB app on one host on a stack: how many fit, memory overhead per instance, when each is ready (--help: host file, figures and sources)',
    usage: 'stacks --stack metal|vm|type2|microvm|container|function --instances N [--host FILE.json | --preset 2012|2020|teaching] [--boot-ms MS]',
    flags: { stack: 'value', instances: 'value', host: 'value', preset: 'value', 'boot-ms': 'value' },
    load: () => import('./commands/stacks'),
    help: async () => (await import('./commands/stacks')).stacksHelp(),
  },
  {
    name: 'cost',
    summary: 'serve a request trace on a function platform (cold starts, warm hits, scale to zero) and price it per month against always-on VMs (--help: request file)',
    usage: 'cost --requests FILE.json | --trace steady|bursty|idle',
    flags: { requests: 'value', trace: 'value' },
    load: () => import('./commands/cost'),
    help: async () => (await import('./commands/cost')).costHelp(),
  },
  {
    name: 'simd',
    summary: 'one loop over N float32 elements on the model core: cycles, ns, lanes used, compute- or memory-bound (roofline), and every style beside it (--help: figures and JSON)',
    usage: 'simd --kernel sum|add|saxpy|branchy --n N [--width 4|8|16] [--style interpreted|scalar|simd|gpu] [--machine 2012|2020|teaching]',
    flags: { kernel: 'value', n: 'value', width: 'value', style: 'value', machine: 'value' },
    load: () => import('./commands/simd'),
    help: async () => (await import('./commands/simd')).simdHelp(),
  },
  {
    name: 'eventloop',
    summary:
      "the model's console output of a JavaScript program under Node 20's event loop (or the browser's), one line per console call; --real runs it for real, isolated (Node's permission model, 5 s / 128 MiB budgets), and says where the model differs; --json prints the step trace. Unsupported syntax: exit 1 naming construct, line and column",
    usage: 'eventloop FILE.js [--runtime node|browser] [--real]',
    flags: { runtime: 'value', real: 'boolean' },
    load: () => import('./commands/eventloop'),
  },
  {
    name: 'bigo',
    summary: "CPython 3.11's list or deque after each op of SPEC (e.g. append*100,pop0*3): size, slots allocated or blocks held, slots shifted, reallocations (--help: SPEC, JSON)",
    usage: 'bigo --structure list|deque --ops SPEC',
    flags: { structure: 'value', ops: 'value' },
    load: () => import('./commands/bigo'),
    help: async () => (await import('./commands/bigo')).bigoHelp(),
  },
  {
    name: 'parallel',
    summary:
      'a job (preset or JSON file) run by a simulated OS scheduler: wall time, CPU time, context switches, per-core busy time, each task\'s span (--help lists presets and the file shape)',
    usage: 'parallel --preset cpu-bound|io-bound|mixed|etl|hbase|FILE.json --style single|threads|gil|processes|async [--workers N] [--cores C] [--switch-ms 5] [--machine 2012|2020|teaching] [--max-events N]',
    flags: { preset: 'value', style: 'value', workers: 'value', cores: 'value', 'switch-ms': 'value', machine: 'value', 'max-events': 'value' },
    load: () => import('./commands/parallel'),
    help: async () => (await import('./commands/parallel')).parallelHelp(),
  },
  {
    name: 'mapreduce',
    summary: 'the word-count MapReduce job over a real text (- = stdin): lines split over M mappers, tokens [a-z0-9]+, optional combiner, FNV-1a partitioning to R reducers; records and bytes through the shuffle, the mapper×reducer matrix, the top 20 words (--help: rules and JSON)',
    usage: 'mapreduce --input FILE|- --mappers M --reducers R [--combiner]',
    flags: { input: 'value', mappers: 'value', reducers: 'value', combiner: 'boolean' },
    load: () => import('./commands/mapreduce'),
    help: async () => (await import('./commands/mapreduce')).mapreduceHelp(),
  },
];

export function usage(): string {
  const lines = [
    'Usage: nanoscope <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Global options:',
    '  --json        machine-readable output on stdout (errors as JSON on stderr)',
    '  --seed N      seed for simulations (default 1)',
    '  --help        this text',
    '  --version     print the version',
    '',
    'Exit codes: 0 ok, 1 bad input data, 2 bad usage, 3 budget exceeded.',
  ];
  return `${lines.join('\n')}\n`;
}

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => void stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Runs the CLI; resolves to the exit code (never calls process.exit). */
export async function main(argv: readonly string[]): Promise<number> {
  refuseSignalInspector();
  const out = writer(process.stdout);
  const err = writer(process.stderr);
  const json = argv.includes('--json');
  const fail = (e: CliError): number => {
    if (json) err(JSON.stringify({ error: { code: e.code, message: e.message, exitCode: e.exitCode } }));
    else err(`nanoscope: ${e.message}`);
    if (e instanceof UsageError && !json) err(usage());
    return e.exitCode;
  };
  try {
    // The command is the first word that is neither a flag nor the value of --seed.
    let index = -1;
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--seed') i++;
      else if (argv[i] === '--') break;
      else if (!argv[i]!.startsWith('-')) {
        index = i;
        break;
      }
    }
    const name = index < 0 ? undefined : argv[index]!;
    const rest = index < 0 ? [...argv] : [...argv.slice(0, index), ...argv.slice(index + 1)];
    const command = name === undefined || name === 'help' ? undefined : COMMANDS.find((c) => c.name === name);
    if (name !== undefined && name !== 'help' && !command) throw new UsageError(`unknown command "${name}"`);
    const parsed = parseFlags(rest, { ...GLOBAL_FLAGS, ...(command?.flags ?? {}) }, command ? `nanoscope ${command.name}` : 'nanoscope');
    if (parsed.flags.has('version')) {
      out(readVersion(import.meta.url));
      return EXIT.ok;
    }
    if (!command || parsed.flags.has('help') || parsed.flags.has('h')) {
      if (!command && name !== 'help' && !parsed.flags.has('help') && !parsed.flags.has('h')) throw new UsageError('no command given');
      out(command ? `Usage: nanoscope ${command.usage}\n  ${command.summary}\n${command.help ? await command.help() : ''}` : usage());
      return EXIT.ok;
    }
    const seedText = stringFlag(parsed, 'seed');
    const seed = seedText === undefined ? undefined : parseInteger(seedText, '--seed', 0, 2 ** 32 - 1);
    const { run } = await command.load();
    await run({ json, seed, out, err }, parsed.positionals, parsed.flags);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) return fail(e);
    return fail(new FailedError(`internal error: ${(e as Error).stack ?? String(e)}`));
  }
}
