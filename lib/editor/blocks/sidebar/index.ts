// A boxed sub-story: its heading and rich text live in a sidebar record (indexed for search from
// there); publishing needs a heading.
import { atomNode, defineBlock, needsRecordId, noSearchText, textAttr } from "../block";

export const sidebar = defineBlock({
  name: "sidebar",
  node: atomNode("sidebar", "aside", { sidebarId: "sidebar-id" }),
  references: [{ attr: "sidebarId", records: "sidebarIds" }],
  validate: (attrs) => needsRecordId("sidebar", attrs, "sidebarId"),
  searchText: noSearchText,
  describe: (attrs, lookup) => {
    const sidebar = lookup.sidebar(textAttr(attrs, "sidebarId"));
    return [`Sidebar: ${sidebar?.heading || "(empty)"}`, sidebar?.text].filter(Boolean).join("\n");
  },
  gate: ({ records }) => {
    const untitled = records.sidebars.find((s) => !s.heading.trim());
    return untitled ? [{ message: "A sidebar has no heading.", target: { kind: "block", type: "sidebar", attr: "sidebarId", value: untitled.id } }] : [];
  },
});
