"use client";

import { useRouter } from "next/navigation";
import { Fragment, startTransition, useActionState, useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import { fieldErrorsOf } from "@/lib/field-errors";
import { namedControl, useFieldErrorLinks } from "./use-field-error-links";

export type FormState = ActionResult<unknown> | null;
export type FormAction = (state: FormState, form: FormData) => Promise<ActionResult<unknown>>;

type Props = {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  // Asked with window.confirm before sending (merges, disabling an account…).
  confirmMessage?: string;
  // Empty the fields after success (forms that create something).
  resetOnSuccess?: boolean;
  // After success, go to the `href` the action returned instead of refreshing this page.
  followHref?: boolean;
  isDanger?: boolean;
  // The record the form changes, sent as hidden `id` and `version` fields (the version it shows).
  record?: { id: string; version: number };
  className?: string;
  children?: ReactNode;
};

function hrefOf(data: unknown): string | null {
  const href = (data as { href?: unknown } | null)?.href;
  return typeof href === "string" && href.startsWith("/") ? href : null;
}

// A form bound to a server action: shows the action's message (a 403 or a 409 reads as a
// sentence) in an alert, keeps what was typed when it fails, and refreshes the page's data when
// it works. A problem with one field (a zod refusal's, or an error naming `details.field`) also
// marks that field: aria-invalid, and aria-describedby pointing at its own message.
export function ActionForm({ action, submitLabel, pendingLabel, successMessage = "Saved.", confirmMessage, resetOnSuccess, followHref, isDanger, record, className, children }: Props) {
  const router = useRouter();
  // The server action itself goes to useActionState (not a wrapper around it), so the form keeps
  // a real server-action reference and React never renders a placeholder `javascript:` action.
  const [state, dispatch, isPending] = useActionState<FormState, FormData>(action, null);
  // A form that resets remounts its fields (controlled ones included) once per successful send:
  // each send returns a new result object. Adjusted while rendering, React's pattern for state
  // derived from a change, rather than in an effect.
  const [resets, setResets] = useState<{ seen: FormState; generation: number }>({ seen: null, generation: 0 });
  if (resetOnSuccess && state?.ok && resets.seen !== state) setResets({ seen: state, generation: resets.generation + 1 });
  const generation = resets.generation;
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  const messageId = (name: string) => `${formId}-${name}-problem`;
  const fieldErrors = state && !state.ok && !isPending ? fieldErrorsOf(state) : {};
  const findControl = useCallback((name: string) => namedControl(formRef, name), []);
  useFieldErrorLinks(Object.fromEntries(Object.keys(fieldErrors).map((name) => [name, messageId(name)])), findControl);

  useEffect(() => {
    if (!state?.ok) return;
    const href = followHref ? hrefOf(state.data) : null;
    if (href) router.push(href);
    else router.refresh();
  }, [state, followHref, router]);

  // Sent by hand rather than through <form action>, which would empty the fields even on failure.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form ref={formRef} action={dispatch} onSubmit={handleSubmit} className={className ?? "admin-form"}>
      {record && (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      )}
      <Fragment key={generation}>{children}</Fragment>
      <div className="form-actions">
        <button type="submit" className={isDanger ? "button-danger" : undefined} disabled={isPending}>
          {isPending ? (pendingLabel ?? "Saving…") : submitLabel}
        </button>
        {state && !isPending && (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "form-status" : "form-error"}>
            {state.ok ? successMessage : state.message}
          </p>
        )}
      </div>
      {/* What each marked field hears; the alert above already shows it all. */}
      {Object.keys(fieldErrors).length > 0 && (
        <ul className="visually-hidden">
          {Object.entries(fieldErrors).map(([name, message]) => (
            <li key={name} id={messageId(name)}>
              {message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
