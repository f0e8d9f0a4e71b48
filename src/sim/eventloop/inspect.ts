/**
 * `console.log` formatting as Node's util.format/util.inspect do it for the subset's values
 * (Node 20 console defaults: depth 2, breakLength 80, compact 3, arrays of more than six entries
 * grouped into columns, strings quoted with the quote that needs no escaping).
 */
import type { JSPromise } from './promise';
import { Accessor, Closure, JSArray, JSFunction, JSObject, JSSymbol, NativeFunction, getOwnOrProto, isErrorLike, isSymbolKey, toNumber, toStr, type Value } from './values';

const BREAK_LENGTH = 80;
const DEPTH = 2;
const COMPACT = 3;
const MAX_ARRAY = 100;

interface Ctx {
  indentationLvl: number;
  currentDepth: number;
  seen: JSObject[];
  /** `%o`: util.inspect's showHidden (an array's non-enumerable `[length]` is shown). */
  showHidden: boolean;
}

/** util.format(...args) without colors. */
export function formatLog(args: readonly Value[]): string {
  if (args.length === 0) return '';
  const first = args[0];
  let rest = 0;
  let out = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let a = 1;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first[i] !== '%') continue;
      const c = first[i + 1];
      if (a === args.length && c !== '%') continue;
      let piece: string | null = null;
      switch (c) {
        case 's': {
          const v = args[a++];
          piece = typeof v === 'number' ? numberText(v) : v instanceof JSObject && !(v instanceof JSFunction) ? inspect(v, 0) : toStr(v);
          break;
        }
        case 'd':
        case 'i': {
          const v = args[a++];
          const n = c === 'i' ? parseInt(toStr(v)) : toNumber(v);
          piece = numberText(n);
          break;
        }
        case 'f':
          piece = numberText(parseFloat(toStr(args[a++])));
          break;
        case 'j':
          piece = jsonText(args[a++]);
          break;
        case 'o':
          // Node: inspect(arg, { showHidden: true, showProxy: true, depth: 4 }).
          piece = inspect(args[a++], 4, true);
          break;
        case 'O':
          piece = inspect(args[a++], DEPTH);
          break;
        case 'c':
          a++;
          piece = '';
          break;
        case '%':
          out += first.slice(last, i) + '%';
          last = i + 2;
          i++;
          continue;
        default:
          continue;
      }
      out += first.slice(last, i) + piece;
      last = i + 2;
      i++;
    }
    out += first.slice(last);
    rest = a;
    for (let k = rest; k < args.length; k++) {
      const v = args[k];
      out += ' ' + (typeof v === 'string' ? v : inspect(v, DEPTH));
    }
    return out;
  }
  return args.map((v) => (typeof v === 'string' ? v : inspect(v, DEPTH))).join(' ');
}

function jsonText(v: Value): string {
  if (v === undefined) return 'undefined';
  const plain = (x: Value): unknown => {
    if (x instanceof JSArray) return x.items.map(plain);
    if (x instanceof JSFunction) return undefined;
    if (x instanceof JSObject) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x.props)) o[k] = plain(x.props[k]);
      return o;
    }
    return x;
  };
  return JSON.stringify(plain(v)) ?? 'undefined';
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/**
 * util.inspect(v) with Node's defaults; `showHidden` as `%o` sets it (for arrays: their
 * `[length]`; functions' and errors' hidden properties are not shown).
 */
export function inspect(v: Value, depth: number, showHidden = false): string {
  return formatValue({ indentationLvl: 0, currentDepth: 0, seen: [], showHidden }, v, 0, depth, true);
}

/** A string as util.inspect quotes it. */
export function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

function formatValue(ctx: Ctx, v: Value, recurseTimes: number, depth: number, top: boolean): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return numberText(v);
  if (v === undefined || v === null || typeof v === 'boolean') return String(v);
  if (v instanceof JSSymbol) return `Symbol(${v.description ?? ''})`;
  void top;
  if (ctx.seen.includes(v)) return '[Circular *1]';
  return formatRaw(ctx, v, recurseTimes, depth);
}

function functionBase(f: JSFunction): string {
  if (f.display !== null) return f.display;
  if (f instanceof Closure && f.classInfo !== null) {
    const h = f.classInfo.heritage;
    return `[class ${f.name === '' ? '(anonymous)' : f.name}${h === null ? '' : ` ${h}`}]`;
  }
  const kind = f instanceof Closure && f.isGenerator ? (f.isAsync ? 'AsyncGeneratorFunction' : 'GeneratorFunction') : f instanceof Closure && f.isAsync ? 'AsyncFunction' : 'Function';
  return f.name === '' ? `[${kind} (anonymous)]` : `[${kind}: ${f.name}]`;
}

function formatRaw(ctx: Ctx, v: JSObject, recurseTimes: number, depth: number): string {
  let braces: [string, string];
  let base = '';
  let keys: string[] = Object.keys(v.props).filter((k) => v.hidden === null || !v.hidden.has(k));
  keys = [...keys.filter((k) => !isSymbolKey(k)), ...keys.filter(isSymbolKey)];
  let extrasArray = false;
  let entries: () => string[];
  const ctorName = constructorName(v);
  const prefix = ctorName === null ? '[Object: null prototype] ' : ctorName === 'Object' ? '' : `${ctorName} `;
  if (v instanceof JSArray) {
    braces = [ctorName === 'Array' ? '[' : ctorName === null ? '[Array(' + v.items.length + '): null prototype] [' : `${ctorName}(${v.items.length}) [`, ']'];
    extrasArray = true;
    keys = keys.filter((k) => !/^\d+$/.test(k));
    if (v.items.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
    entries = () => {
      const out: string[] = [];
      const len = Math.min(MAX_ARRAY, v.items.length);
      for (let i = 0; i < len; i++) {
        if (!(i in v.items)) {
          let j = i;
          while (j < v.items.length && !(j in v.items)) j++;
          out.push(`<${j - i} empty item${j - i > 1 ? 's' : ''}>`);
          i = j - 1;
          continue;
        }
        out.push(formatChild(ctx, v.items[i], recurseTimes, depth));
      }
      if (v.items.length > len) out.push(`... ${v.items.length - len} more item${v.items.length - len > 1 ? 's' : ''}`);
      return out;
    };
  } else if (v.className === 'Map' || v.className === 'Set') {
    const data = v.internal as Map<Value, Value>;
    braces = [`${ctorName === v.className ? '' : `${ctorName ?? '[Object: null prototype]'} [${v.className}] `}${v.className}(${data.size}) {`, '}'];
    if (data.size === 0 && keys.length === 0) return `${braces[0]}}`;
    entries = () => {
      const out: string[] = [];
      for (const [k, x] of data) out.push(v.className === 'Map' ? `${formatChild(ctx, k, recurseTimes, depth)} => ${formatChild(ctx, x, recurseTimes, depth)}` : formatChild(ctx, x, recurseTimes, depth));
      return out;
    };
  } else if (v.className === 'RegExp' && v.internal instanceof RegExp) {
    base = String(v.internal);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
    entries = () => [];
  } else if (v.className === 'WeakMap' || v.className === 'WeakSet') {
    return `${v.className} { <items unknown> }`;
  } else if (v.className === 'WeakRef') {
    braces = ['WeakRef {', '}'];
    entries = () => [formatChild(ctx, v.internal as Value, recurseTimes, depth)];
  } else if (v instanceof JSFunction) {
    base = functionBase(v);
    keys = keys.filter((k) => k !== 'prototype');
    if (keys.length === 0) return base;
    braces = ['{', '}'];
    entries = () => [];
  } else if (v.className === 'Promise') {
    const p = v as JSPromise;
    braces = ['Promise {', '}'];
    entries = () => {
      if (p.state === 'pending') return ['<pending>'];
      const s = formatChild(ctx, p.result, recurseTimes, depth);
      return [p.state === 'rejected' ? `<rejected> ${s}` : s];
    };
  } else if (isErrorLike(v)) {
    const name = toStr(getOwnOrProto(v, 'name') ?? 'Error');
    const message = toStr(getOwnOrProto(v, 'message') ?? '');
    base = `${message === '' ? name : `${name}: ${message}`}\n    at <anonymous>`;
    keys = keys.filter((k) => k !== 'message');
    if (keys.length === 0) return ctx.indentationLvl === 0 ? base : base.split('\n').join(`\n${' '.repeat(ctx.indentationLvl)}`);
    braces = ['{', '}'];
    entries = () => [];
  } else {
    braces = [`${prefix}{`, '}'];
    if (v.className !== null && v.className !== 'Object') braces[0] = `${ctorName === null || ctorName === 'Object' ? 'Object' : ctorName} [${v.className}] {`;
    if (keys.length === 0) return `${braces[0]}}`;
    entries = () => [];
  }
  if (recurseTimes > depth) return v instanceof JSArray ? '[Array]' : '[Object]';
  recurseTimes += 1;
  ctx.seen.push(v);
  ctx.currentDepth = recurseTimes;
  const output = entries();
  // getOwnPropertyNames puts an array's length before its other non-index keys.
  if (ctx.showHidden && v instanceof JSArray) output.push(`[length]: ${v.items.length}`);
  for (const k of keys) {
    ctx.indentationLvl += 2;
    const x = v.props[k];
    const s = x instanceof Accessor ? (x.getter !== undefined ? (x.setter !== undefined ? '[Getter/Setter]' : '[Getter]') : '[Setter]') : formatValue(ctx, x, recurseTimes, depth, false);
    ctx.indentationLvl -= 2;
    const name = isSymbolKey(k) ? `[${k.startsWith('\uD800@Symbol.') ? k.slice(2) : `Symbol(${k.slice(k.indexOf(':') + 1)})`}]` : /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(k) ? k : quote(k);
    output.push(`${name}: ${s}`);
  }
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, v instanceof JSArray ? v.items : null);
}

/** util.inspect's getConstructorName: the first own `constructor` function's name up the chain (null: no prototype). */
function constructorName(v: JSObject): string | null {
  for (let p: JSObject | null = v; p !== null; p = p.proto) {
    const c = p.props.constructor;
    if (Object.prototype.hasOwnProperty.call(p.props, 'constructor') && c instanceof JSFunction && c.name !== '') return c.name;
  }
  return v.proto === null ? null : 'Object';
}

function formatChild(ctx: Ctx, v: Value, recurseTimes: number, depth: number): string {
  ctx.indentationLvl += 2;
  const s = formatValue(ctx, v, recurseTimes, depth, false);
  ctx.indentationLvl -= 2;
  return s;
}

function reduceToSingleString(ctx: Ctx, output: string[], base: string, braces: [string, string], extrasArray: boolean, recurseTimes: number, items: readonly Value[] | null): string {
  const entries = output.length;
  if (extrasArray && entries > 6) output = groupArrayElements(ctx, output, items);
  if (ctx.currentDepth - recurseTimes < COMPACT && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function isBelowBreakLength(output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const o of output) {
    total += o.length;
    if (total > BREAK_LENGTH) return false;
  }
  return base === '' || !base.includes('\n');
}

function groupArrayElements(ctx: Ctx, output: string[], items: readonly Value[] | null): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (items !== null && MAX_ARRAY < items.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i]!.length;
    dataLen.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((BREAK_LENGTH - ctx.indentationLvl) / actualMax), COMPACT * 4, 15);
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j]! > lineLength) lineLength = dataLen[j]!;
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (items !== null) for (let i = 0; i < output.length; i++) if (typeof items[i] !== 'number') { padStart = false; break; }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        str += padStart ? cell.padStart(maxLineLength[j - i]!, ' ') : cell.padEnd(maxLineLength[j - i]!, ' ');
      }
      str += padStart ? output[j]!.padStart(maxLineLength[j - i]! - separatorSpace, ' ') : output[j]!;
      tmp.push(str);
    }
    if (items !== null && MAX_ARRAY < items.length) tmp.push(output[outputLength]!);
    return tmp;
  }
  return output;
}

void NativeFunction;
