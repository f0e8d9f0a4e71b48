/** A small strict flag parser: every flag must be declared, or it is a usage error. */
import { InputError, UsageError } from './errors';

/**
 * 'list': a value flag that may repeat; read it with {@link listFlag}. Its values are kept joined
 * with NUL, the one character no command-line argument can contain (a value may hold newlines).
 */
export type FlagSpec = Readonly<Record<string, 'boolean' | 'value' | 'list'>>;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec, context: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`${context}: unknown flag ${eq < 0 ? arg : arg.slice(0, eq)}`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`${context}: --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`${context}: --${name} needs a value`);
    const previous = flags.get(name);
    flags.set(name, kind === 'list' && typeof previous === 'string' ? `${previous}${LIST_SEPARATOR}${value}` : value);
  }
  return { positionals, flags };
}

const LIST_SEPARATOR = '\u0000';

/** Every value of a 'list' flag, in command-line order. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v.split(LIST_SEPARATOR) : [];
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** "64K", "16M", "1G", "4KiB", "65536" → bytes (powers of 1024). */
export function parseSize(text: string, flag: string): number {
  const m = /^(\d+)\s*(k|m|g|kib|mib|gib|kb|mb|gb|b)?$/i.exec(text.trim());
  if (!m) throw new InputError(`${flag} must be an integer or a size like 64K, 16M, 1G (got "${text}")`);
  const unit = (m[2] ?? '').toLowerCase()[0] ?? '';
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}

export function parseInteger(text: string, flag: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new InputError(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  const n = Number(text);
  if (n < min || n > max) throw new InputError(`${flag} must be an integer from ${min} to ${max} (got ${n})`);
  return n;
}
