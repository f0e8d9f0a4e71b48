/**
 * Scene parameters as data. A scene declares each parameter once — name, type, default,
 * range or values, unit, label, help — and everything else reads that declaration: URL parsing
 * and its notices, serialization, the Inspector's controls, scenario and lesson validation,
 * `nanoscope scenes --json` and `nanoscope trace SCENE --param NAME=VALUE`.
 * See docs/ARCHITECTURE.md ("The scene manifest").
 */
import type { ParamIssue } from './scene';

/** What every parameter declares besides its type. */
interface ParamBase {
  /** Words for a label in the Inspector ("GIL switch interval"). */
  readonly label: string;
  /** One sentence of help (tooltip, `--help`). */
  readonly help?: string;
  /** Unit of a number, in words or a symbol ("ms", "bytes", "$/h"). */
  readonly unit?: string;
}

/** An integer in [min, max]; `nullable` integers may be absent (null, serialized as nothing). */
export interface IntParam<T extends number | null = number> extends ParamBase {
  readonly type: 'int';
  readonly default: T;
  readonly min: number;
  readonly max: number;
  /** Present when null is allowed: an empty string then means null. */
  readonly nullable?: null extends T ? true : never;
}

/** A finite decimal number in [min, max]. */
export interface NumberParam extends ParamBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Step of an Inspector slider or field (a hint; any number in range is accepted). */
  readonly step?: number;
}

/** One of a list of values (strings, or numbers written as decimal integers). */
export interface EnumParam<T extends string | number = string> extends ParamBase {
  readonly type: 'enum';
  readonly default: T;
  readonly values: readonly T[];
  /** Words for each value in the Inspector, when the value itself is not words. */
  readonly valueLabels?: Readonly<Partial<Record<T & (string | number), string>>>;
}

/** true or false (written `true`/`false`, `1`/`0`, or `on`/`off` as a URL may have it). */
export interface BoolParam extends ParamBase {
  readonly type: 'bool';
  readonly default: boolean;
}

/** Free text of at most maxLength characters. */
export interface StringParam extends ParamBase {
  readonly type: 'string';
  readonly default: string;
  readonly maxLength: number;
}

/**
 * A list of integers in [min, max], written comma-separated; its type to the outside world is
 * `string` (that is how a URL or a command line carries it).
 */
export interface IntListParam extends ParamBase {
  readonly type: 'int-list';
  readonly default: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly maxItems: number;
}

export type ParamSpec = IntParam<number> | IntParam<number | null> | NumberParam | EnumParam<string> | EnumParam<number> | BoolParam | StringParam | IntListParam;

/** The specs a value of type T may be declared with. */
export type SpecFor<T> = 0 extends 1 & T
  ? ParamSpec // T is any: a registry's erased scene
  : [T] extends [boolean]
  ? BoolParam
  : [T] extends [number]
    ? number extends T
      ? IntParam<number> | NumberParam | EnumParam<T>
      : EnumParam<T>
    : [T] extends [string]
      ? string extends T
        ? StringParam | EnumParam<string>
        : EnumParam<T>
      : [T] extends [number | null]
        ? IntParam<number | null>
        : [T] extends [readonly number[]]
          ? IntListParam
          : never;

/** A scene's parameters, declared in order (the order of the Inspector and of `scenes --json`). */
export type ParamSchema<P> = { readonly [K in keyof P & string]-?: SpecFor<P[K]> };

/** The type names of `nanoscope scenes --json`. */
export type ParamTypeName = 'int' | 'number' | 'enum' | 'bool' | 'string';

/** One parameter as `nanoscope scenes --json` prints it (and any tool may read it). */
export interface ParamDescription {
  readonly name: string;
  readonly type: ParamTypeName;
  readonly default: string | number | boolean | null;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly (string | number)[];
  readonly unit?: string;
  readonly label: string;
  readonly help?: string;
  readonly nullable?: boolean;
  readonly maxLength?: number;
}

/** The schema's entries in declaration order, each with its name. */
export function paramEntries<P>(schema: ParamSchema<P>): { name: keyof P & string; spec: ParamSpec }[] {
  return Object.keys(schema).map((name) => ({ name: name as keyof P & string, spec: (schema as Readonly<Record<string, ParamSpec>>)[name]! }));
}

/** The defaults a schema declares. */
export function defaultsOf<P>(schema: ParamSchema<P>): P {
  const out: Record<string, unknown> = {};
  for (const { name, spec } of paramEntries(schema)) out[name] = spec.default;
  // The schema is keyed by P's keys and each spec's default has P[K]'s type (SpecFor<P[K]>).
  return out as P;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER = /^\d+$/;

/** Why a text is not a valid value of a spec, in words naming the parameter. */
export function constraintText(name: string, spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      return `${name} must be an integer from ${spec.min} to ${spec.max}`;
    case 'number':
      return `${name} must be a number from ${spec.min} to ${spec.max}`;
    case 'enum':
      return `${name} must be one of ${spec.values.join(', ')}`;
    case 'bool':
      return `${name} must be true or false`;
    case 'string':
      return `${name} must be at most ${spec.maxLength} characters`;
    case 'int-list':
      return `${name} must be at most ${spec.maxItems} comma-separated integers from ${spec.min} to ${spec.max}`;
  }
}

/** Parses one text against a spec: the value, or undefined when the text is not valid. */
export function parseValue(spec: ParamSpec, text: string): string | number | boolean | null | readonly number[] | undefined {
  switch (spec.type) {
    case 'int': {
      const t = text.trim();
      if (t === '' && spec.nullable) return null;
      if (!INTEGER.test(t)) return undefined;
      const n = Number(t);
      return n >= spec.min && n <= spec.max ? n : undefined;
    }
    case 'number': {
      const t = text.trim();
      if (!DECIMAL.test(t)) return undefined;
      const n = Number(t);
      return Number.isFinite(n) && n >= spec.min && n <= spec.max ? n : undefined;
    }
    case 'enum':
      return (spec.values as readonly (string | number)[]).find((v) => String(v) === text);
    case 'bool':
      return text === 'true' || text === '1' || text === 'on' ? true : text === 'false' || text === '0' || text === 'off' ? false : undefined;
    case 'string':
      return text.length <= spec.maxLength ? text : undefined;
    case 'int-list': {
      if (text.trim() === '') return [];
      const parts = text.split(',');
      if (parts.length > spec.maxItems) return undefined;
      const out: number[] = [];
      for (const p of parts) {
        const t = p.trim();
        if (!INTEGER.test(t)) return undefined;
        const n = Number(t);
        if (n < spec.min || n > spec.max) return undefined;
        out.push(n);
      }
      return out;
    }
  }
}

/** Writes a value as parseValue reads it back. */
export function formatValue(spec: ParamSpec, value: unknown): string {
  if (spec.type === 'int-list') return (value as readonly number[]).join(',');
  if (value === null) return '';
  return String(value);
}

/**
 * Parses URL/CLI strings against a schema: every declared parameter starts at its default; a
 * bad value or an unknown key is ignored and reported (in the order of `raw`).
 */
export function parseWithSchema<P>(schema: ParamSchema<P>, raw: Readonly<Record<string, string>>): { params: P; ignored: ParamIssue[] } {
  const specs = schema as Readonly<Record<string, ParamSpec>>;
  const out: Record<string, unknown> = {};
  for (const { name, spec } of paramEntries(schema)) out[name] = spec.default;
  const ignored: ParamIssue[] = [];
  for (const [key, text] of Object.entries(raw)) {
    const spec = Object.prototype.hasOwnProperty.call(specs, key) ? specs[key] : undefined;
    if (!spec) {
      ignored.push({ key, reason: 'unknown parameter' });
      continue;
    }
    const value = parseValue(spec, text);
    if (value === undefined) ignored.push({ key, reason: constraintText(key, spec) });
    else out[key] = value;
  }
  // Every key of P is set: from defaultsOf, or from a value parseValue checked against P[K]'s spec.
  return { params: out as P, ignored };
}

/** The inverse of parseWithSchema; nullable parameters that are null are left out. */
export function serializeWithSchema<P>(schema: ParamSchema<P>, params: P): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, spec } of paramEntries(schema)) {
    const value = params[name];
    if (value === null) continue;
    out[name] = formatValue(spec, value);
  }
  return out;
}

/** A value checked against its spec (a scenario file, a lesson step): the value, or the reason it is not one. */
export function checkValue(name: string, spec: ParamSpec, value: unknown): { ok: true } | { ok: false; reason: string } {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : Array.isArray(value) ? value.join(',') : value === null ? '' : undefined;
  if (text === undefined || parseValue(spec, text) === undefined) return { ok: false, reason: constraintText(name, spec) };
  return { ok: true };
}

/** One parameter as `nanoscope scenes --json` describes it. */
export function describeParam(name: string, spec: ParamSpec): ParamDescription {
  const words = { label: spec.label, ...(spec.unit ? { unit: spec.unit } : {}), ...(spec.help ? { help: spec.help } : {}) };
  switch (spec.type) {
    case 'int':
      return { name, type: 'int', default: spec.default, min: spec.min, max: spec.max, ...(spec.nullable ? { nullable: true } : {}), ...words };
    case 'number':
      return { name, type: 'number', default: spec.default, min: spec.min, max: spec.max, ...words };
    case 'enum':
      return { name, type: 'enum', default: spec.default, values: [...spec.values], ...words };
    case 'bool':
      return { name, type: 'bool', default: spec.default, ...words };
    case 'string':
      return { name, type: 'string', default: spec.default, maxLength: spec.maxLength, ...words };
    case 'int-list':
      // Carried as text: comma-separated integers.
      return { name, type: 'string', default: spec.default.join(','), ...words };
  }
}

/** Every parameter of a schema, described. */
export function describeSchema<P>(schema: ParamSchema<P>): ParamDescription[] {
  return paramEntries(schema).map(({ name, spec }) => describeParam(name, spec));
}
