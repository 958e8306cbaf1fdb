import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { FileMetadata } from "@/components/newsroom/media/file-metadata";
import { FocalPointPicker } from "@/components/newsroom/media/focal-point-picker";
import { MediaEditFields } from "@/components/newsroom/media/media-edit-fields";
import { CreditLine, FileFacts, ReadOnlyDetails } from "@/components/newsroom/media/media-facts";
import { MediaUsageList } from "@/components/newsroom/media/media-usage-list";
import { requireScreen } from "@/lib/auth/screen";
import { isRecordId } from "@/lib/editor/record-id";
import { getMediaDetail, type MediaDetail } from "@/lib/media/media-detail";
import { listCreditOptions } from "@/lib/media/library/library-queries";
import { RIGHTS_TIME_ZONE } from "@/lib/media/rights/rights-dates";
import { can } from "@/lib/permissions";
import { deleteMediaAction, updateMediaAction } from "../actions";
import "@/components/newsroom/media/media.css";

export const metadata: Metadata = { title: "Picture" };

type Props = { params: Promise<{ id: string }> };

function Problems({ detail }: { detail: MediaDetail }) {
  const { problems, rightsState } = detail.item;
  if (!problems.length && rightsState !== "expiring") return null;
  const published = detail.usage.stories.filter((story) => story.status === "PUBLISHED").length;
  return (
    <div className="warning-bar" role="status">
      {problems.length > 0 && <p>Stories using this picture cannot be published: {problems.join(", ").toLowerCase()}.</p>}
      {rightsState === "expired" && published > 0 && (
        <p>
          {published} published {published === 1 ? "story shows" : "stories show"} a placeholder instead of it.
        </p>
      )}
      {rightsState === "expiring" && <p>Its rights end on {detail.fields.rightsExpireOn}; published stories will then show a placeholder.</p>}
    </div>
  );
}

export default async function MediaDetailPage({ params }: Props) {
  const { id } = await params;
  const { user } = await requireScreen("newsroom.enter", `/newsroom/media/${id}`);
  const detail = isRecordId(id) ? await getMediaDetail(user, id) : null;
  if (!detail) notFound();
  const options = await listCreditOptions(user);
  const canEdit = can(user, "media.edit");
  const picture = { src: detail.preview.src, width: detail.preview.width, height: detail.preview.height, alt: detail.item.altText };
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/media">Media library</a> /
      </p>
      <h1 className="admin-page-title">{detail.item.defaultCaption || detail.item.originalName}</h1>
      <Problems detail={detail} />
      {canEdit ? (
        <ActionForm action={updateMediaAction} submitLabel="Save picture" successMessage="Saved. Published stories using it now show the change." className="admin-form">
          <div className="media-detail">
            <section className="admin-section" aria-label="Picture and focal point">
              <FocalPointPicker {...picture} focalX={detail.fields.focalX} focalY={detail.fields.focalY} />
            </section>
            <section className="admin-section admin-form" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <CreditLine credit={detail.credit} />
              <MediaEditFields detail={detail} options={options} timeZone={RIGHTS_TIME_ZONE} />
            </section>
          </div>
        </ActionForm>
      ) : (
        <div className="media-detail">
          <section className="admin-section">
            <img src={picture.src} alt={picture.alt} style={{ maxWidth: "100%", height: "auto" }} />
          </section>
          <section className="admin-section">
            <CreditLine credit={detail.credit} />
            <ReadOnlyDetails detail={detail} />
            <p className="muted">Editors can change these details.</p>
          </section>
        </div>
      )}
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="used-heading">
          <h2 id="used-heading">Used in</h2>
          <MediaUsageList usage={detail.usage} />
        </section>
        <section className="admin-section" aria-labelledby="file-heading">
          <h2 id="file-heading">The file</h2>
          <FileFacts detail={detail} />
          <h3>What the file said</h3>
          <FileMetadata detail={detail} />
        </section>
      </div>
      {can(user, "media.delete") && (
        <section className="admin-section" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="muted">Deleting removes the picture and its files. A picture used by a story cannot be deleted.</p>
          <ActionForm action={deleteMediaAction} submitLabel="Delete picture" pendingLabel="Deleting…" confirmMessage="Delete this picture and its files?" followHref isDanger>
            <input type="hidden" name="id" value={detail.item.id} />
            <input type="hidden" name="version" value={detail.version} />
          </ActionForm>
        </section>
      )}
    </>
  );
}
