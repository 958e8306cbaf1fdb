// Shown instead of a staff screen the user's role may not use.
export function NotAllowed({ role, screen }: { role: string; screen: string }) {
  return (
    <section className="not-allowed" aria-labelledby="not-allowed-heading">
      <h1 id="not-allowed-heading">Not available to your role</h1>
      <p>
        Your role ({role.toLowerCase()}) does not include {screen}. Ask an admin if something here needs changing.
      </p>
      <p>
        <a href="/newsroom/stories">Back to stories</a>
      </p>
    </section>
  );
}
