import { ActionForm, type FormAction } from "./action-form";

type User = { id: string; name: string; version: number; isDisabled: boolean };

// Disabling or enabling an account. Admins cannot disable themselves (another admin can).
export function AccountAccessForm({ user, isMe, action }: { user: User; isMe: boolean; action: FormAction }) {
  const explanation = user.isDisabled
    ? "They can sign in again with their password."
    : isMe
      ? "You cannot disable your own account; another admin can."
      : "They are signed out at once and cannot sign in until an admin enables the account. Their stories and bylines stay.";
  return (
    <section className="admin-section" aria-labelledby="access-heading">
      <h2 id="access-heading">{user.isDisabled ? "Enable the account" : "Disable the account"}</h2>
      <p className="muted">{explanation}</p>
      {!(isMe && !user.isDisabled) && (
        <ActionForm
          // A new form once the state flips: the old one's message would name the wrong change.
          key={String(user.isDisabled)}
          action={action}
          submitLabel={user.isDisabled ? "Enable account" : "Disable account"}
          successMessage={user.isDisabled ? "Account enabled." : "Account disabled."}
          confirmMessage={user.isDisabled ? undefined : `Disable ${user.name}'s account? They will be signed out at once.`}
          isDanger={!user.isDisabled}
          record={{ id: user.id, version: user.version }}
        >
          <input type="hidden" name="isDisabled" value={user.isDisabled ? "false" : "true"} />
        </ActionForm>
      )}
    </section>
  );
}

export function ResetPasswordForm({ user, minLength, action }: { user: User; minLength: number; action: FormAction }) {
  return (
    <section className="admin-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Reset password</h2>
      <ActionForm
        action={action}
        submitLabel="Set new password"
        successMessage="Password changed; sessions signed in with the old one have ended."
        resetOnSuccess
        record={{ id: user.id, version: user.version }}
      >
        <label>
          New password <span className="hint">At least {minLength} characters.</span>
          <input name="password" type="password" required minLength={minLength} autoComplete="new-password" />
        </label>
      </ActionForm>
    </section>
  );
}
