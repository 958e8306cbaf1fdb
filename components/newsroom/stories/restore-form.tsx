import { ActionForm, type FormAction } from "@/components/newsroom/action-form";

type Props = { articleId: string; version: number; action: FormAction };

// "Restore" for one story in the trash; opens the story in the editor once restored.
export function RestoreForm({ articleId, version, action }: Props) {
  return (
    <ActionForm action={action} submitLabel="Restore" pendingLabel="Restoring…" successMessage="Restored." followHref className="restore-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </ActionForm>
  );
}
