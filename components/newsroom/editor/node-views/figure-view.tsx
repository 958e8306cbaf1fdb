"use client";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { newRecordId } from "@/lib/editor/record-id";
import { useRecords } from "../editor-records";
import { PhotoDetailsPanel } from "../photo-details";
import { NodeActions } from "./node-actions";

// An in-body photo: the picture, alt text and credit come from the media record (fixed here in
// place, for every story using it); the caption is this story's.
export function FigureView({ node, updateAttributes, deleteNode }: ReactNodeViewProps) {
  const { records, update, pickMedia, isReadOnly } = useRecords();
  const media = records.media[node.attrs.mediaId];
  const captionId: string | null = node.attrs.captionId;
  const caption = captionId ? records.captions[captionId] : undefined;

  const setCaption = (text: string) => {
    const id = captionId ?? newRecordId();
    update((r) => ({ ...r, captions: { ...r.captions, [id]: { id, mediaId: node.attrs.mediaId, text } } }));
    if (!captionId) updateAttributes({ captionId: id });
  };
  const replace = async () => {
    const picked = await pickMedia();
    if (!picked) return;
    if (captionId) update((r) => ({ ...r, captions: { ...r.captions, [captionId]: { id: captionId, mediaId: picked.id, text: caption?.text ?? "" } } }));
    updateAttributes({ mediaId: picked.id });
  };

  return (
    <NodeViewWrapper className="node-card node-figure" data-node="figure" contentEditable={false}>
      <div className="node-card-label">Photo</div>
      {media ? <img src={media.src} alt={media.altText} className="node-figure-image" /> : <p className="node-warning">This photo is no longer in the library.</p>}
      <label className="field">
        <span>Caption in this story</span>
        <textarea rows={2} value={caption?.text ?? media?.defaultCaption ?? ""} readOnly={isReadOnly} onChange={(e) => setCaption(e.target.value)} />
      </label>
      {media && <PhotoDetailsPanel media={media} />}
      {!isReadOnly && (
        <NodeActions onRemove={deleteNode}>
          <button type="button" onClick={replace} data-photo-field="rights">
            Replace photo
          </button>
        </NodeActions>
      )}
    </NodeViewWrapper>
  );
}

// The toolbar's "+ Photo": pick a photo from the library; the caption starts as its default one.
export const insertFigure: BlockInsert = async ({ pickMedia, update }) => {
  const media = await pickMedia();
  if (!media) return null;
  const captionId = newRecordId();
  update((r) => ({ ...r, media: { ...r.media, [media.id]: media }, captions: { ...r.captions, [captionId]: { id: captionId, mediaId: media.id, text: media.defaultCaption } } }));
  return { type: "figure", attrs: { mediaId: media.id, captionId } };
};
