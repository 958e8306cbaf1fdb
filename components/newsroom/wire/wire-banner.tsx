// The story editor's word from the wire: the agency sent a newer version (compare and merge), or
// canceled the item (unpublish the story, after asking).
import type { FormAction } from "@/components/newsroom/action-form";
import type { PendingComparison } from "@/lib/wire/desk";
import { WireCanceledNotice, WireUpdatePanel } from "./wire-update-panel";

type Notice = { wireItemId: string; pendingVersion: number | null; isCanceled: boolean; needsUnpublish: boolean; agency: string | null };
type Props = {
  notice: Notice;
  pending: PendingComparison | null;
  articleVersion: number;
  canEdit: boolean;
  canUnpublish: boolean;
  actions: { apply: FormAction; dismiss: FormAction; unpublish: FormAction };
};

export function WireBanner({ notice, pending, articleVersion, canEdit, canUnpublish, actions }: Props) {
  const itemHref = `/newsroom/wire/${notice.wireItemId}`;
  return (
    <div className="wire-banner-area">
      {notice.needsUnpublish ? (
        <WireCanceledNotice wireItemId={notice.wireItemId} articleVersion={articleVersion} canUnpublish={canUnpublish} unpublish={actions.unpublish} />
      ) : (
        notice.isCanceled && (
          <p className="wire-banner" role="status">
            <strong>Agency canceled this item.</strong> Do not publish this story. <a href={itemHref}>Read the wire item</a>
          </p>
        )
      )}
      {pending ? (
        <WireUpdatePanel pending={pending} canEdit={canEdit} apply={actions.apply} dismiss={actions.dismiss} isOpen={false} />
      ) : (
        notice.pendingVersion !== null && (
          <p className="wire-banner" role="status">
            <strong>
              {notice.agency ?? "The agency"} sent version {notice.pendingVersion}.
            </strong>{" "}
            <a href={itemHref}>Compare it on the wire item</a>
          </p>
        )
      )}
    </div>
  );
}
