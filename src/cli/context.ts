/** What every subcommand gets: global flags and the two output streams. */
export interface CliContext {
  readonly json: boolean;
  readonly seed: number | undefined;
  /** Results (stdout). */
  readonly out: (text: string) => void;
  /** Progress and messages (stderr). */
  readonly err: (text: string) => void;
}

export const GLOBAL_FLAGS = { help: 'boolean', h: 'boolean', version: 'boolean', json: 'boolean', seed: 'value' } as const;
