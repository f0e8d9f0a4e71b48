/**
 * Checks a machine description that came from outside the type system (a preset edited by
 * hand, a JSON file, a measurement) and names every problem by its field path, e.g.
 * `caches[1].ways` or `os.contextSwitch.value`.
 */
import type { CacheLevelSpec, MachineModel, Validated, ValidationIssue } from './types';

const REPLACEMENTS = ['lru', 'fifo', 'random', 'tree-plru'];
const WRITE_POLICIES = ['write-back', 'write-through'];
const ALLOCATE_POLICIES = ['write-allocate', 'no-write-allocate'];
const CACHE_TYPES = ['Data', 'Instruction', 'Unified'];

/** Figure-valued fields of each section, checked as `{ value > 0 finite, source }` when present. */
const FIGURE_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  cpu: ['clockGHz', 'branchMispredict'],
  coherence: ['lineTransfer'],
  os: ['mutexLockUnlock', 'contextSwitch', 'threadCreate', 'processSpawn'],
  memory: ['sizeBytes', 'latency', 'bandwidth', 'read1MB'],
  ssd: ['randomRead4K', 'read1MB'],
  hdd: ['seek', 'read1MB'],
  network: ['send1KB', 'datacenterRoundTrip', 'intercontinentalRoundTrip'],
  compression: ['compress1KB'],
};

/** Number of sets of a cache level: size / (line × ways); 1 when fully associative. */
export function cacheSets(spec: Pick<CacheLevelSpec, 'sizeBytes' | 'ways' | 'lineBytes'>): number {
  return spec.ways === 'full' ? 1 : spec.sizeBytes / (spec.lineBytes * spec.ways);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isPowerOfTwo = (v: number): boolean => isPositiveInt(v) && (v & (v - 1)) === 0;
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Validates a machine description.
 * @returns the input typed as a {@link MachineModel}, or every issue found (never just the first)
 */
export function validateMachine(input: unknown): Validated<MachineModel> {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (!isObject(input)) {
    return { ok: false, issues: [{ path: '', message: 'a machine must be an object' }] };
  }
  for (const key of ['id', 'name', 'source']) {
    if (!isNonEmptyString(input[key])) issue(key, `${key} must be a non-empty string`);
  }
  if (typeof input.measured !== 'boolean') issue('measured', 'measured must be true or false');

  const figure = (path: string, v: unknown): void => {
    if (v === undefined) return;
    if (!isObject(v)) {
      issue(path, `${path} must be { value, source }`);
      return;
    }
    if (typeof v.value !== 'number' || !Number.isFinite(v.value) || v.value <= 0) {
      issue(`${path}.value`, `${path}.value must be a finite positive number`);
    }
    if (!isNonEmptyString(v.source)) issue(`${path}.source`, `${path} needs a source`);
  };

  for (const [section, fields] of Object.entries(FIGURE_SECTIONS)) {
    const s = input[section];
    if (!isObject(s)) {
      issue(section, `${section} must be an object`);
      continue;
    }
    for (const field of fields) figure(`${section}.${field}`, s[field]);
  }
  if (isObject(input.cpu) && !isPositiveInt(input.cpu.cores)) {
    issue('cpu.cores', 'cpu.cores must be a positive integer');
  }

  if (!Array.isArray(input.caches)) {
    issue('caches', 'caches must be an array');
  } else {
    input.caches.forEach((c: unknown, i: number) => validateCache(c, `caches[${i}]`, issue, figure));
    checkLineSizes(input.caches, issue);
  }
  return issues.length === 0 ? { ok: true, value: input as unknown as MachineModel } : { ok: false, issues };
}

function validateCache(
  c: unknown,
  at: string,
  issue: (path: string, message: string) => void,
  figure: (path: string, v: unknown) => void,
): void {
  if (!isObject(c)) {
    issue(at, `${at} must be an object`);
    return;
  }
  if (!isPositiveInt(c.level)) issue(`${at}.level`, 'level must be a positive integer (1 for L1)');
  if (typeof c.type !== 'string' || !CACHE_TYPES.includes(c.type)) {
    issue(`${at}.type`, `type must be one of ${CACHE_TYPES.join(', ')}, got ${JSON.stringify(c.type)}`);
  }
  const sizeOk = isPositiveInt(c.sizeBytes);
  if (!sizeOk) issue(`${at}.sizeBytes`, 'sizeBytes must be a positive integer');
  const waysOk = c.ways === 'full' || isPositiveInt(c.ways);
  if (!waysOk) issue(`${at}.ways`, "ways must be a positive integer or 'full'");
  const lineOk = typeof c.lineBytes === 'number' && isPowerOfTwo(c.lineBytes);
  if (!lineOk) issue(`${at}.lineBytes`, 'lineBytes must be a power of two');
  if (sizeOk && waysOk && lineOk) {
    const size = c.sizeBytes as number;
    const line = c.lineBytes as number;
    const unit = c.ways === 'full' ? line : line * (c.ways as number);
    if (size % unit !== 0) {
      issue(
        `${at}.sizeBytes`,
        c.ways === 'full'
          ? `sizeBytes (${size}) must be a multiple of lineBytes (${line})`
          : `sizeBytes (${size}) must be a multiple of lineBytes × ways (${line} × ${String(c.ways)} = ${unit})`,
      );
    } else if (c.replacement === 'tree-plru') {
      const ways = c.ways === 'full' ? size / line : (c.ways as number);
      if (!isPowerOfTwo(ways)) {
        issue(`${at}.ways`, `tree-PLRU needs a power-of-two number of ways, got ${ways}`);
      }
    }
  }
  const oneOf = (key: string, allowed: readonly string[]): void => {
    const v = c[key];
    if (typeof v !== 'string' || !allowed.includes(v)) {
      issue(`${at}.${key}`, `${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    }
  };
  oneOf('replacement', REPLACEMENTS);
  oneOf('write', WRITE_POLICIES);
  oneOf('allocate', ALLOCATE_POLICIES);
  if (typeof c.shared !== 'boolean') issue(`${at}.shared`, 'shared must be true or false');
  if (!isNonEmptyString(c.source)) issue(`${at}.source`, `${at} needs a source`);
  figure(`${at}.latency`, c.latency);
}

/**
 * Along the data path (Data and Unified levels), a level's line may not be smaller than the
 * line of the nearest level above it: a fill from below must cover a whole upper line.
 */
function checkLineSizes(caches: readonly unknown[], issue: (path: string, message: string) => void): void {
  const dataPath = caches
    .map((c, i) => ({ c, i }))
    .filter(
      (x): x is { c: Record<string, unknown> & { level: number; lineBytes: number }; i: number } =>
        isObject(x.c) &&
        (x.c.type === 'Data' || x.c.type === 'Unified') &&
        isPositiveInt(x.c.level) &&
        typeof x.c.lineBytes === 'number' &&
        isPowerOfTwo(x.c.lineBytes),
    );
  for (const { c, i } of dataPath) {
    const above = dataPath.filter((x) => x.c.level < c.level).sort((x, y) => y.c.level - x.c.level)[0];
    if (above !== undefined && c.lineBytes < above.c.lineBytes) {
      issue(
        `caches[${i}].lineBytes`,
        `L${c.level} line (${c.lineBytes} B) is smaller than the L${above.c.level} line above it (${above.c.lineBytes} B)`,
      );
    }
  }
}
