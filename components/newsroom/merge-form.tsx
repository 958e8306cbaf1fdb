import { ActionForm, type FormAction } from "./action-form";

type Target = { id: string; version: number; label: string };

type Props = {
  action: FormAction;
  // What is merged, as the screen names it: "profile", "tag".
  noun: string;
  source: { id: string; version: number; name: string };
  targets: readonly Target[];
};

// Merging one record into another (bylines, tags): the record kept is picked as "id:version", so
// the merge names the version of both records it changes (see withPickedVersion in lib/server-action.ts).
export function MergeForm({ action, noun, source, targets }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={`Merge ${noun}s`}
      pendingLabel="Merging…"
      successMessage="Merged."
      confirmMessage={`Merge ${source.name} into the chosen ${noun}? This cannot be undone.`}
      followHref
      isDanger
    >
      <input type="hidden" name="sourceId" value={source.id} />
      <input type="hidden" name="sourceVersion" value={source.version} />
      <label>
        Keep this {noun}
        <select name="target" required defaultValue="">
          <option value="" disabled>
            Choose a {noun}…
          </option>
          {targets.map((target) => (
            <option key={target.id} value={`${target.id}:${target.version}`}>
              {target.label}
            </option>
          ))}
        </select>
      </label>
    </ActionForm>
  );
}
