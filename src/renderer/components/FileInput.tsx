/** A label styled as a button over a hidden file input: hands over one picked file, then clears itself so the same file can be picked again. */
import type { ReactNode } from 'react';

export function FileInput({ className, accept, testId, children, onFile }: { className: string; accept: string; testId: string; children: ReactNode; onFile: (file: File) => void }) {
  return (
    <label className={className}>
      {children}
      <input
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
