/** Reads a JSON input file for a CLI command; a missing file or bad JSON is bad input (exit 1) naming the file and line. */
import { readFileSync } from 'node:fs';
import { InputError } from './errors';

/** Line (1-based) of a character position in text. */
const lineOf = (text: string, position: number): number => text.slice(0, position).split('\n').length;

/** The parsed JSON of `file`; `flag` (e.g. `--host`) names where the file came from in errors. */
export function readJsonFile(file: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${flag}: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineOf(text, Number(pos[1])) : lineOf(text, text.length);
    throw new InputError(`${file}: line ${line}: not valid JSON (${message})`);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
