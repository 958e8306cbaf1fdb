import { ErrorView } from "./error-view";

export function NotFoundView() {
  return (
    <ErrorView code="Error 404" title="We couldn't find that page">
      <p>The story may have been moved or taken down, or the address may be mistyped.</p>
    </ErrorView>
  );
}
