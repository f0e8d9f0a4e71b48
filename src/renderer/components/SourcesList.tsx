/** "Where the figures come from": a scene's sources, folded away under the Inspector's controls. */
export function SourcesList({ sources, className, testId }: { sources: readonly string[]; className: string; testId: string }) {
  return (
    <details className={className} data-testid={testId}>
      <summary>Where the figures come from</summary>
      <ul>
        {sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </details>
  );
}
