/** CLI failures, each with its exit code (the same for every subcommand). */

export const EXIT = { ok: 0, badInput: 1, usage: 2, budget: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly code: 'bad-input' | 'usage' | 'budget' | 'failed',
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** Unknown command or flag, missing value: usage goes to stderr, exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super('usage', message, EXIT.usage);
  }
}

/** Bad input data (a value, a preset, a file): exit 1; the message names the field. */
export class InputError extends CliError {
  constructor(message: string) {
    super('bad-input', message, EXIT.badInput);
  }
}

/** A time, state or memory budget was exceeded: exit 3. */
export class BudgetError extends CliError {
  constructor(message: string) {
    super('budget', message, EXIT.budget);
  }
}

/** The work itself failed (a worker crashed): exit 1. */
export class FailedError extends CliError {
  constructor(message: string) {
    super('failed', message, EXIT.badInput);
  }
}
