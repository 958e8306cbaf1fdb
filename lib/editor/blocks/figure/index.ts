// An in-body photo: the media record plus this story's caption record for it. Its text (the
// caption) is indexed from the caption record; the publish gate checks its photo together with
// the hero (alt text, credit, rights) in lib/articles/publish/publish-gate.ts.
import { atomNode, defineBlock, mayHaveRecordId, needsRecordId, noSearchText, textAttr } from "../block";

export const figure = defineBlock({
  name: "figure",
  node: atomNode("figure", "figure", { mediaId: "media-id", captionId: "caption-id" }),
  references: [
    { attr: "mediaId", records: "mediaIds" },
    { attr: "captionId", records: "captionIds" },
  ],
  validate: (attrs) => [...needsRecordId("figure", attrs, "mediaId"), ...mayHaveRecordId(attrs, "captionId", "figure captionId is not a valid id")],
  searchText: noSearchText,
  describe: (attrs, lookup) => {
    const caption = lookup.caption(textAttr(attrs, "captionId"));
    return `Photo ${lookup.mediaName(textAttr(attrs, "mediaId"))}${caption ? `: ${caption}` : ""}`;
  },
});
