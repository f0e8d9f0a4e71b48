/**
 * A number the user types: applied as soon as it is valid, otherwise kept in the box with a
 * message naming the field ("instances must be an integer from 1 to 500").
 */
import { useEffect, useState } from 'react';
import { constraintText, parseValue, type ParamSpec } from '../../sim/core/params';

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** null when `text` is a valid value for `rule`, else the message naming `field`. */
export function numberError(field: string, text: string, rule: NumberRule): string | null {
  // The same reading and words as a scene's URL parameters (src/sim/core/params.ts).
  const spec: ParamSpec = rule.integer ? { type: 'int', default: rule.min, min: rule.min, max: rule.max, label: field } : { type: 'number', default: rule.min, min: rule.min, max: rule.max, label: field };
  return parseValue(spec, text) === undefined ? constraintText(field, spec) : null;
}

export function NumberField(props: {
  readonly field: string;
  readonly label: string;
  readonly value: string;
  readonly rule: NumberRule;
  readonly onValid: (text: string) => void;
  readonly testId: string;
  /** An empty box is allowed and means "the default". */
  readonly optional?: boolean;
  readonly placeholder?: string;
  readonly step?: string;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const error = props.optional && text.trim() === '' ? null : numberError(props.field, text, props.rule);
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={props.placeholder}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          const ok = (props.optional && e.target.value.trim() === '') || numberError(props.field, e.target.value, props.rule) === null;
          if (ok) props.onValid(e.target.value.trim());
        }}
        data-testid={props.testId}
      />
      {error && (
        <span className="field-error" role="alert" data-testid={`${props.testId}.error`}>
          {error}
        </span>
      )}
    </label>
  );
}
