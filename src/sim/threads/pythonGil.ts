/**
 * A model of where CPython may hand the GIL from one thread to another, and whether the
 * tutorial's incrementer/decrementer can therefore lose updates.
 *
 * The rule changed with the version: up to 3.9 the interpreter checked its "eval breaker"
 * (the flag a waiting thread sets to ask for the GIL) between almost any two bytecodes; from
 * 3.10 it checks only at backward jumps (the end of a loop body) and on entry to a Python
 * function (calls). A free-threaded build with the GIL off has no hand-over at all: the two
 * threads run at the same time. An update can be lost when another thread may run between
 * the read of `lst[0]` and the write back, so the prediction is computed from the loop
 * body's operations and the switch points, not stated.
 */

/** Where a thread may lose the GIL. */
export type SwitchPoints = 'per-bytecode' | 'backward-jumps-and-calls' | 'none';

/** The two cells: the tutorial's `lst[0] += 1`, and a read, a Python call, then the write. */
export type RaceVariant = 'seed' | 'call';
export const RACE_VARIANTS: readonly RaceVariant[] = ['seed', 'call'];

/** What the model needs to know about an interpreter. */
export interface InterpreterFacts {
  /** e.g. "3.11.7". */
  readonly version: string;
  /** platform.python_implementation(), e.g. "CPython". */
  readonly implementation: string;
  /** True when the GIL is off (a free-threaded build running without it). */
  readonly freeThreaded: boolean;
}

/** One operation of the loop body, as the interpreter executes it. */
export interface BodyOp {
  /** Bytecode-ish name, e.g. "BINARY_SUBSCR". */
  readonly op: string;
  /** What it does in the cell's words. */
  readonly says: string;
  /** The read of lst[0] or its write back. */
  readonly access?: 'read' | 'write';
  /** Where the 3.10+ rule checks for a hand-over. */
  readonly site?: 'call' | 'backward-jump';
}

/** The loop body of each variant (one iteration, the checkpoint test left out). */
export const LOOP_BODY: Readonly<Record<RaceVariant, readonly BodyOp[]>> = {
  seed: [
    { op: 'FOR_ITER', says: 'next i' },
    { op: 'STORE_FAST', says: 'i = …' },
    { op: 'LOAD_FAST', says: 'lst' },
    { op: 'LOAD_CONST', says: '0' },
    { op: 'BINARY_SUBSCR', says: 'read lst[0]', access: 'read' },
    { op: 'LOAD_CONST', says: '1' },
    { op: 'BINARY_OP +=', says: 'add 1 (or subtract)' },
    { op: 'STORE_SUBSCR', says: 'write lst[0]', access: 'write' },
    { op: 'JUMP_BACKWARD', says: 'back to the loop head', site: 'backward-jump' },
  ],
  call: [
    { op: 'FOR_ITER', says: 'next i' },
    { op: 'STORE_FAST', says: 'i = …' },
    { op: 'LOAD_FAST', says: 'lst' },
    { op: 'LOAD_CONST', says: '0' },
    { op: 'BINARY_SUBSCR', says: 'read lst[0]', access: 'read' },
    { op: 'CALL', says: 'one() — enters a Python function', site: 'call' },
    { op: 'BINARY_OP +', says: 'add (or subtract) its result' },
    { op: 'STORE_SUBSCR', says: 'write lst[0]', access: 'write' },
    { op: 'JUMP_BACKWARD', says: 'back to the loop head', site: 'backward-jump' },
  ],
};

/** The model's answer for one interpreter and one variant. */
export interface GilPrediction {
  readonly switchPoints: SwitchPoints;
  /** Indices into LOOP_BODY[variant] after which another thread may run. */
  readonly switchAfter: readonly number[];
  /** Whether some run can end away from 0 (an update lost). */
  readonly lostPossible: boolean;
  /** One sentence: why. */
  readonly reason: string;
  /** The rule in words, for this version. */
  readonly rule: string;
}

/** Parses "3.11.7" (or "3.13.0rc1") into [major, minor]; null when it is not a version. */
export function parseMajorMinor(version: string): readonly [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The switch-point rule of an interpreter. Non-CPython and unknown versions get the older, looser rule. */
export function switchPointsOf(facts: InterpreterFacts): SwitchPoints {
  if (facts.freeThreaded) return 'none';
  const mm = parseMajorMinor(facts.version);
  if (facts.implementation !== 'CPython' || mm === null) return 'per-bytecode';
  const [major, minor] = mm;
  return major > 3 || (major === 3 && minor >= 10) ? 'backward-jumps-and-calls' : 'per-bytecode';
}

const RULE: Record<SwitchPoints, string> = {
  'per-bytecode': 'before 3.10 CPython may hand the GIL over between almost any two bytecodes',
  'backward-jumps-and-calls': 'from 3.10 CPython hands the GIL over only at backward jumps and on entering a Python function',
  none: 'a free-threaded build runs without the GIL: both threads run at the same time, no hand-over needed',
};

/** The model's prediction for the race cell `variant` on the interpreter `facts`. */
export function predictRace(facts: InterpreterFacts, variant: RaceVariant): GilPrediction {
  const switchPoints = switchPointsOf(facts);
  const body = LOOP_BODY[variant];
  const read = body.findIndex((o) => o.access === 'read');
  const write = body.findIndex((o) => o.access === 'write');
  const switchAfter: number[] = [];
  body.forEach((o, i) => {
    if (switchPoints === 'per-bytecode' || (switchPoints === 'backward-jumps-and-calls' && o.site !== undefined)) switchAfter.push(i);
  });
  const between = switchAfter.filter((i) => i >= read && i < write);
  let lostPossible: boolean;
  let reason: string;
  if (switchPoints === 'none') {
    lostPossible = true;
    reason = 'with no GIL the other thread can write lst[0] between this thread’s read and write';
  } else if (between.length > 0) {
    lostPossible = true;
    reason = `the GIL can change hands after ${body[between[0]!]!.op} (${body[between[0]!]!.says}), between the read and the write of lst[0]`;
  } else {
    lostPossible = false;
    reason = 'no switch point lies between the read and the write of lst[0]: each += runs whole, so the cell ends at 0';
  }
  return { switchPoints, switchAfter, lostPossible, reason, rule: RULE[switchPoints] };
}

/** The speed-up the GIL model expects from `workers` threads or processes on `cores` cores, for CPU-bound Python. */
export function predictGilSpeedup(style: 'threads' | 'processes', workers: number, cores: number, freeThreaded: boolean): number {
  if (style === 'threads' && !freeThreaded) return 1;
  return Math.max(1, Math.min(workers, cores));
}
