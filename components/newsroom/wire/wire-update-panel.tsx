// A pending wire update: the story as it is against it with the agency's new version applied,
// and the editor's answer: apply it (all of it, or only the fields ticked) or dismiss it.
// Shown on the wire item's reading view and as a banner in the story editor.
import { ActionForm, type FormAction } from "@/components/newsroom/action-form";
import { DiffView } from "@/components/newsroom/editor/diff-view";
import type { PendingComparison } from "@/lib/wire/desk";

type Props = { pending: PendingComparison; canEdit: boolean; apply: FormAction; dismiss: FormAction; isOpen?: boolean };

const FIELD_LABELS = { headline: "Headline", standfirst: "Standfirst", body: "Body text (photos and other blocks stay)" } as const;

export function WireUpdatePanel({ pending, canEdit, apply, dismiss, isOpen = true }: Props) {
  return (
    <section className="wire-update" aria-labelledby="wire-update-heading" id="wire-update">
      <h2 id="wire-update-heading">
        Agency sent version {pending.pendingVersion} (the story was made from version {pending.currentVersion})
      </h2>
      <p>The story was changed by an editor, so the new version was not applied. Compare it and choose.</p>
      <details open={isOpen}>
        <summary>Compare the story with version {pending.pendingVersion}</summary>
        <DiffView comparison={pending.comparison} beforeLabel="Story now" afterLabel={`Wire version ${pending.pendingVersion}`} />
      </details>
      {canEdit ? (
        <div className="wire-update-actions">
          <ActionForm action={apply} submitLabel="Apply wire update" pendingLabel="Applying…" successMessage="Applied: the previous text is in the story's history." className="admin-form">
            <input type="hidden" name="wireItemId" value={pending.wireItemId} />
            <input type="hidden" name="expectedVersion" value={pending.articleVersion} />
            <input type="hidden" name="pendingVersion" value={pending.pendingVersion} />
            <fieldset className="wire-update-fields">
              <legend>Take from the agency</legend>
              {(Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).map((field) => (
                <label key={field} className="checkbox-field">
                  <input type="checkbox" name="fields" value={field} defaultChecked /> {FIELD_LABELS[field]}
                </label>
              ))}
            </fieldset>
          </ActionForm>
          <ActionForm
            action={dismiss}
            submitLabel="Dismiss"
            pendingLabel="Dismissing…"
            successMessage="Dismissed: the story stays as it is."
            confirmMessage="Dismiss this wire update? The story stays as it is."
          >
            <input type="hidden" name="wireItemId" value={pending.wireItemId} />
            <input type="hidden" name="pendingVersion" value={pending.pendingVersion} />
          </ActionForm>
        </div>
      ) : (
        <p className="muted">Your role may not change this story.</p>
      )}
    </section>
  );
}

type CanceledProps = { wireItemId: string; articleVersion: number; canUnpublish: boolean; unpublish: FormAction };

// A canceled item whose story is still live: an editor may take it down (asked first, audited).
export function WireCanceledNotice({ wireItemId, articleVersion, canUnpublish, unpublish }: CanceledProps) {
  return (
    <section className="wire-canceled" role="alert" aria-labelledby="wire-canceled-heading">
      <h2 id="wire-canceled-heading">Agency canceled this item</h2>
      <p>The story made from it is still published. The agency asks that it is not used.</p>
      {canUnpublish ? (
        <ActionForm
          action={unpublish}
          submitLabel="Unpublish story"
          pendingLabel="Unpublishing…"
          successMessage="Unpublished (audited: agency canceled)."
          confirmMessage="Unpublish this story now? Readers will no longer see it."
          isDanger
        >
          <input type="hidden" name="wireItemId" value={wireItemId} />
          <input type="hidden" name="expectedVersion" value={articleVersion} />
        </ActionForm>
      ) : (
        <p className="muted">Ask an editor to unpublish it: your role may not.</p>
      )}
    </section>
  );
}
