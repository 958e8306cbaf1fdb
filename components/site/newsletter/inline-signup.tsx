"use client";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

type Answer = { kind: "done" | "problem"; message: string };

// Sends the sign-up form with fetch and shows the answer where the form was: no page jump, focus
// moves to the message (announced, aria-live). Without JavaScript the form posts as usual.
export function InlineSignup({ action, className, children }: { action: string; className: string; children: ReactNode }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [isSending, setIsSending] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // Once an answer is shown (the form may be gone with the focused button), focus moves to it.
  useEffect(() => {
    if (answer) messageRef.current?.focus();
  }, [answer]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSending) return;
    setIsSending(true);
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    let next: Answer;
    try {
      const response = await fetch(action, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(fields) });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
      next = response.ok ? { kind: "done", message: body.message ?? "Thank you." } : { kind: "problem", message: body.error ?? "That did not work. Please try again." };
    } catch {
      next = { kind: "problem", message: "We could not reach the newsroom. Check your connection and try again." };
    }
    setAnswer(next);
    setIsSending(false);
  }

  return (
    <div className="newsletter-inline">
      {answer?.kind !== "done" && (
        <form className={className} method="post" action={action} onSubmit={submit} aria-busy={isSending}>
          {children}
        </form>
      )}
      <p ref={messageRef} className={answer ? `newsletter-answer newsletter-answer--${answer.kind}` : "newsletter-answer"} role="status" aria-live="polite" tabIndex={-1}>
        {answer?.message}
      </p>
    </div>
  );
}
