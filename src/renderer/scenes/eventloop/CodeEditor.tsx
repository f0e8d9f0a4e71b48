/**
 * The program editor: a plain textarea over a highlighted copy of the text, line numbers in a
 * gutter, the current line (of the step shown) and an error line marked. The textarea is as
 * tall as the text, so the two layers never scroll apart; the box around them scrolls.
 */
import { useMemo } from 'react';
import { tokenize } from './highlight';

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** 1-based line of the step shown. */
  readonly currentLine: number | null;
  readonly errorLine: number | null;
}

export function CodeEditor({ value, onChange, currentLine, errorLine }: CodeEditorProps) {
  const lines = Math.max(1, value.split('\n').length);
  const tokens = useMemo(() => tokenize(value), [value]);
  return (
    <div className="el-editor" data-testid="eventloop.editor-box">
      <div className="el-gutter" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={i + 1 === currentLine ? 'current' : i + 1 === errorLine ? 'error' : undefined} data-testid={i + 1 === currentLine ? 'eventloop.current-line' : undefined}>
            {i + 1}
          </div>
        ))}
      </div>
      <div className="el-code" style={{ height: `${lines * 1.5 + 0.6}em` }}>
        {currentLine !== null && <div className="el-line-mark" style={{ top: `${(currentLine - 1) * 1.5 + 0.3}em` }} />}
        {errorLine !== null && <div className="el-line-mark error" style={{ top: `${(errorLine - 1) * 1.5 + 0.3}em` }} />}
        <pre className="el-highlight" aria-hidden="true">
          {tokens.map((t, i) => (t.kind === 'plain' ? t.text : <span key={i} className={`tok-${t.kind}`}>{t.text}</span>))}
          {'\n'}
        </pre>
        <textarea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-label="Program (JavaScript)"
          data-testid="eventloop.editor"
        />
      </div>
    </div>
  );
}
