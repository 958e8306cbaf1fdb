import type { RevisionComparison } from "@/lib/articles/history/history";

// Two versions of a story side by side: changed fields, then the body line by line.
export function DiffView({ comparison, beforeLabel, afterLabel }: { comparison: RevisionComparison; beforeLabel: string; afterLabel: string }) {
  const isBodyChanged = comparison.body.some((line) => line.kind !== "same");
  return (
    <div className="diff-view">
      {comparison.fields.length === 0 && !isBodyChanged && <p>No differences.</p>}
      {comparison.fields.length > 0 && (
        <table className="diff-fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.fields.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.before || <span className="muted">(empty)</span>}</td>
                <td>{change.after || <span className="muted">(empty)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isBodyChanged && (
        <div className="diff-body" aria-label="Body text changes">
          {comparison.body.map((line, index) => (
            <p key={index} className={`diff-line diff-line--${line.kind}`}>
              <span className="visually-hidden">{line.kind === "added" ? `Only in ${afterLabel}: ` : line.kind === "removed" ? `Only in ${beforeLabel}: ` : ""}</span>
              {line.kind === "added" ? "+ " : line.kind === "removed" ? "− " : "  "}
              {line.text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
