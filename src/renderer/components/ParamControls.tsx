/**
 * Inspector controls generated from a scene's parameter schema (src/sim/core/params.ts): the
 * range, the values, the step and the error message all come from the one declaration, so a
 * control cannot disagree with the URL or the CLI. A scene may replace a control with its own
 * (`overrides` of {@link SchemaControls}), still reading its spec here.
 */
import type { ReactNode } from 'react';
import { parseValue, paramEntries, type ParamSchema, type ParamSpec } from '../../sim/core/params';
import { setParam } from '../controller/sceneController';
import { NumberField } from './NumberField';

interface ControlProps<S extends ParamSpec> {
  /** The parameter's name (its URL key). */
  readonly name: string;
  readonly spec: S;
  /** The current URL value; absent = the default. */
  readonly value: string | undefined;
  readonly testId: string;
  /** Words instead of the spec's label (e.g. with the current value in them). */
  readonly label?: ReactNode;
}

const current = (spec: ParamSpec, value: string | undefined): string => value ?? (spec.default === null ? '' : Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default));

/** A select over an enum's values, labelled by `labels`, the spec's valueLabels, or the value. */
export function ParamSelect({ name, spec, value, testId, label, labels }: ControlProps<Extract<ParamSpec, { type: 'enum' }>> & { readonly labels?: Readonly<Record<string, string>> }) {
  const words = (v: string | number): string => labels?.[String(v)] ?? (spec.valueLabels as Readonly<Record<string, string>> | undefined)?.[String(v)] ?? String(v);
  return (
    <label className="field">
      <span>{label ?? spec.label}</span>
      <select value={current(spec, value)} onChange={(e) => setParam(name, e.target.value)} data-testid={testId} title={spec.help}>
        {spec.values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {words(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A slider over an int or number parameter's declared range (its step: 1 for integers, else the spec's). */
export function ParamRange({ name, spec, value, testId, label, valueTestId, suffix }: ControlProps<Extract<ParamSpec, { type: 'int' | 'number' }>> & { readonly valueTestId?: string; readonly suffix?: string }) {
  const text = current(spec, value);
  const step = spec.type === 'int' ? 1 : (spec.step ?? (spec.max - spec.min) / 100);
  const unit = suffix ?? (spec.unit ? ` ${spec.unit}` : '');
  return (
    <label className="field">
      <span>
        {label ?? spec.label}: <strong data-testid={valueTestId}>{text}{unit}</strong>
      </span>
      <input type="range" min={spec.min} max={spec.max} step={step} value={text} onChange={(e) => setParam(name, e.target.value)} data-testid={testId} title={spec.help} />
    </label>
  );
}

/** A typed number, applied as soon as it is valid; otherwise the schema's message names the parameter. */
export function ParamNumber({ name, spec, value, testId, label, placeholder }: ControlProps<Extract<ParamSpec, { type: 'int' | 'number' }>> & { readonly placeholder?: string }) {
  return (
    <NumberField
      field={name}
      label={typeof label === 'string' ? label : spec.label}
      value={current(spec, value)}
      rule={{ min: spec.min, max: spec.max, integer: spec.type === 'int' }}
      optional={spec.type === 'int' && spec.nullable === true}
      placeholder={placeholder}
      onValid={(v) => setParam(name, v)}
      testId={testId}
    />
  );
}

/** A checkbox for a bool parameter. */
export function ParamCheckbox({ name, spec, value, testId, label }: ControlProps<Extract<ParamSpec, { type: 'bool' }>>) {
  const on = parseValue(spec, current(spec, value)) === true;
  return (
    <label className="field field-check">
      <input type="checkbox" checked={on} onChange={(e) => setParam(name, e.target.checked ? 'true' : 'false')} data-testid={testId} title={spec.help} />
      <span>{label ?? spec.label}</span>
    </label>
  );
}

/** The control a spec gets when the scene does not choose one. */
export function ParamControl(props: ControlProps<ParamSpec>) {
  const { spec } = props;
  switch (spec.type) {
    case 'enum':
      return <ParamSelect {...props} spec={spec} />;
    case 'int':
    case 'number':
      // A slider where every step is distinguishable; a typed number past that.
      return spec.type === 'int' && spec.max - spec.min <= 64 && !spec.nullable ? <ParamRange {...props} spec={spec} /> : <ParamNumber {...props} spec={spec} />;
    case 'bool':
      return <ParamCheckbox {...props} spec={spec} />;
    case 'string':
    case 'int-list':
      return (
        <label className="field">
          <span>{props.label ?? spec.label}</span>
          <input type="text" value={current(spec, props.value)} onChange={(e) => setParam(props.name, e.target.value)} data-testid={props.testId} title={spec.help} />
        </label>
      );
  }
}

/**
 * Every parameter of a schema, in declaration order, as its default control (test ids
 * `<prefix>.param.<name>`); `overrides[name]` replaces one (null hides it).
 */
export function SchemaControls<P>({ schema, values, prefix, overrides = {} }: { readonly schema: ParamSchema<P>; readonly values: Readonly<Record<string, string>>; readonly prefix: string; readonly overrides?: Partial<Record<keyof P & string, ReactNode | null>> }) {
  return (
    <>
      {paramEntries(schema).map(({ name, spec }) =>
        name in overrides ? <span key={name} style={{ display: 'contents' }}>{overrides[name]}</span> : <ParamControl key={name} name={name} spec={spec} value={values[name]} testId={`${prefix}.param.${name}`} />,
      )}
    </>
  );
}
