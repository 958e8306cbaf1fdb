"use client";
// The agency screen's push secret: "Generate push secret" (or "Rotate") answers with the secret,
// shown here once; after a reload the screen shows only its fingerprint.
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, type FormEvent } from "react";
import type { FormAction, FormState } from "./action-form";

type Props = { action: FormAction; record: { id: string; version: number }; fingerprint: string | null; pushUrl: string };

function secretOf(state: FormState): { secret: string; fingerprint: string } | null {
  const data = state?.ok ? (state.data as { secret?: unknown; fingerprint?: unknown } | null) : null;
  return typeof data?.secret === "string" && typeof data.fingerprint === "string" ? { secret: data.secret, fingerprint: data.fingerprint } : null;
}

export function PushSecretForm({ action, record, fingerprint, pushUrl }: Props) {
  const router = useRouter();
  const [state, dispatch, isPending] = useActionState<FormState, FormData>(action, null);
  const shown = secretOf(state);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fingerprint && !window.confirm("Rotate the push secret? The agency's current secret stops working at once.")) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form action={dispatch} onSubmit={handleSubmit} className="admin-form" aria-describedby="push-secret-help">
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
      <p id="push-secret-help">
        The agency posts each document to <code>{pushUrl}</code>, signed with this secret (see README, &ldquo;Connecting an agency&rdquo;).
      </p>
      <p>
        {fingerprint ? (
          <>
            Current secret: fingerprint <code>{fingerprint}</code>.
          </>
        ) : (
          "No push secret yet: pushes from this agency are refused."
        )}
      </p>
      {shown && (
        <div role="status" className="form-status">
          <p>
            <strong>Copy this secret now and give it to the agency: it is not shown again.</strong>
          </p>
          <label htmlFor="push-secret-value">Push secret (fingerprint {shown.fingerprint})</label>
          <input id="push-secret-value" readOnly value={shown.secret} onFocus={(event) => event.currentTarget.select()} style={{ fontFamily: "monospace", width: "100%" }} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={isPending}>
          {isPending ? "Generating…" : fingerprint ? "Rotate push secret" : "Generate push secret"}
        </button>
        {state && !state.ok && !isPending && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
