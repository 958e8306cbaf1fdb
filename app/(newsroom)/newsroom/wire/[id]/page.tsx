import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { renderStoryBody } from "@/components/site/story/story-body";
import { EmbargoCell, WireStatus } from "@/components/newsroom/wire/wire-table";
import { WireCanceledNotice, WireUpdatePanel } from "@/components/newsroom/wire/wire-update-panel";
import { WireFacts, WirePictures, WireVersions } from "@/components/newsroom/wire/wire-item-parts";
import { requireScreen } from "@/lib/auth/screen";
import { comparePendingUpdate } from "@/lib/wire/desk";
import { readWireItem } from "@/lib/wire/queries";
import { EMPTY_BODY_RECORDS } from "@/lib/editor/empty-records";
import "@/components/newsroom/editor/editor.css";
import "@/components/newsroom/wire/wire.css";
import { applyWireUpdateAction, createDraftAction, dismissWireUpdateAction, unpublishCanceledAction } from "../actions";

export const metadata: Metadata = { title: "Wire item" };

type Props = { params: Promise<{ id: string }> };

export default async function WireItemPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("article.create", `/newsroom/wire/${encodeURIComponent(id)}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="the wire" />;
  const view = await readWireItem(user, id);
  if (!view) notFound();
  const pending = view.pendingVersion !== null && view.canEditDraft ? await comparePendingUpdate(user, view.id) : null;
  const { item } = view;
  const hasText = (view.body.content ?? []).some((node) => (node.content ?? []).length > 0);
  return (
    <article className="wire-item" aria-labelledby="wire-item-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/wire">Wire</a> /
      </p>
      <h1 id="wire-item-title" className="admin-page-title">
        {view.headline || view.guid}
      </h1>
      <p className="wire-item-line">
        <WireStatus row={view} /> · {view.agency ?? (view.provider || "unknown agency")}
        {item.bylines.length > 0 && <> · by {item.bylines.join(", ")}</>} · version {view.version} · {view.embargoedUntil ? <EmbargoCell row={view} /> : "no embargo"}
      </p>
      {view.needsUnpublish && view.draftVersion !== null && <WireCanceledNotice wireItemId={view.id} articleVersion={view.draftVersion} canUnpublish={view.canUnpublish} unpublish={unpublishCanceledAction} />}
      <div className="wire-item-draft">
        {view.draft ? (
          <p>
            Draft: <a href={`/newsroom/stories/${view.draft.id}`}>{view.draft.headline || "untitled"}</a> ({view.draft.status.replace("_", " ").toLowerCase()})
          </p>
        ) : view.canCreateDraft ? (
          <ActionForm action={createDraftAction} submitLabel="Create draft" pendingLabel="Creating…" successMessage="Draft created." followHref>
            <input type="hidden" name="wireItemId" value={view.id} />
          </ActionForm>
        ) : (
          <p className="muted">No draft: the agency canceled this item.</p>
        )}
      </div>
      {pending && <WireUpdatePanel pending={pending} canEdit={view.canEditDraft} apply={applyWireUpdateAction} dismiss={dismissWireUpdateAction} />}
      <WireFacts view={view} />
      <section className="wire-item-body" aria-labelledby="wire-body-heading">
        <h2 id="wire-body-heading">Text</h2>
        {item.abstract && <p className="wire-abstract">{item.abstract}</p>}
        {hasText ? (
          <div className="story-body">{renderStoryBody(view.body, EMPTY_BODY_RECORDS, `wire ${view.id}`)}</div>
        ) : (
          !item.abstract && <p className="muted">No text came with this item{view.pictures.length ? ": the agency sent a picture." : "."}</p>
        )}
      </section>
      <WirePictures pictures={view.pictures} />
      <section aria-labelledby="wire-skipped-heading">
        <h2 id="wire-skipped-heading">Skipped on import</h2>
        {view.skipped.length ? (
          <ul className="wire-skipped">
            {view.skipped.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing: every field of the document was understood.</p>
        )}
      </section>
      <WireVersions versions={view.versions} pendingVersion={view.pendingVersion} />
    </article>
  );
}
