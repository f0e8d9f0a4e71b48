/**
 * Messages from the browser runtime's sandbox (public/sandbox/eventloop.js) are untrusted input:
 * the user's program runs there and may post anything. Each is checked against the exact shapes
 * the instrument sends, with bounds on depth, lengths and counts; anything else is dropped.
 */
import type { Encoded, InstrumentRecord } from '../../../sim/eventloop/browserInstrument';

export type SandboxMessage =
  | { readonly kind: 'record'; readonly record: InstrumentRecord }
  | { readonly kind: 'stopped'; readonly why: 'output' | 'error' }
  | { readonly kind: 'compile-error'; readonly message: string };

const MAX_DEPTH = 8;
const MAX_ITEMS = 10_000;
const MAX_STRING = 1 << 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STRING;

/** The value as an Encoded argument, or null when it is not one. */
export function checkEncoded(v: unknown, depth = 0): Encoded | null {
  if (!isObject(v) || depth > MAX_DEPTH) return null;
  switch (v.t) {
    case 'u':
      return { t: 'u' };
    case 'p':
      return v.v === null || typeof v.v === 'number' || typeof v.v === 'boolean' || str(v.v) ? { t: 'p', v: v.v } : null;
    case 'n':
      return v.v === '-0' || v.v === 'NaN' || v.v === 'Infinity' || v.v === '-Infinity' ? { t: 'n', v: v.v } : null;
    case 's':
      return str(v.v) ? { t: 's', v: v.v } : null;
    case 'f':
      return str(v.name) ? { t: 'f', name: v.name } : null;
    case 'e':
      return str(v.name) && str(v.message) ? { t: 'e', name: v.name, message: v.message } : null;
    case 'a': {
      if (!Array.isArray(v.v) || v.v.length > MAX_ITEMS) return null;
      const items: Encoded[] = [];
      for (const x of v.v as unknown[]) {
        const e = checkEncoded(x, depth + 1);
        if (e === null) return null;
        items.push(e);
      }
      return { t: 'a', v: items };
    }
    case 'o': {
      if (!Array.isArray(v.v) || v.v.length > MAX_ITEMS) return null;
      const entries: [string, Encoded][] = [];
      for (const pair of v.v as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2 || !str(pair[0])) return null;
        const e = checkEncoded(pair[1], depth + 1);
        if (e === null) return null;
        entries.push([pair[0], e]);
      }
      return { t: 'o', v: entries };
    }
    default:
      return null;
  }
}

/** The value as an instrument record, or null. */
export function checkRecord(v: unknown): InstrumentRecord | null {
  if (!isObject(v) || typeof v.t !== 'number') return null;
  switch (v.type) {
    case 'log': {
      if ((v.stream !== 'stdout' && v.stream !== 'stderr') || !Array.isArray(v.args) || v.args.length > MAX_ITEMS) return null;
      const args: Encoded[] = [];
      for (const a of v.args as unknown[]) {
        const e = checkEncoded(a);
        if (e === null) return null;
        args.push(e);
      }
      return { type: 'log', stream: v.stream, args, t: v.t };
    }
    case 'uncaught':
    case 'rejection': {
      const value = checkEncoded(v.value);
      return value === null ? null : { type: v.type, value, t: v.t };
    }
    case 'done':
      return { type: 'done', t: v.t };
    default:
      return null;
  }
}

/** A message of the sandbox relay, checked; null for anything forged or malformed. */
export function checkSandboxMessage(v: unknown): SandboxMessage | null {
  if (!isObject(v)) return null;
  if (v.type === 'record') {
    const record = checkRecord(v.record);
    return record === null ? null : { kind: 'record', record };
  }
  if (v.type === 'stopped' && (v.why === 'output' || v.why === 'error')) return { kind: 'stopped', why: v.why };
  if (v.type === 'compile-error' && str(v.message)) return { kind: 'compile-error', message: v.message.slice(0, 2000) };
  return null;
}
