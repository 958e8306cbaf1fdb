// The staff area's navigation. An item shows when the user's role allows any of its actions
// (lib/permissions.ts decides; this list only names the screens).
import { can, type Action, type Actor } from "@/lib/permissions";

type NavItem = { href: string; label: string; anyOf: readonly Action[] };

const NEWSROOM_NAV: readonly NavItem[] = [
  { href: "/newsroom/stories", label: "Stories", anyOf: ["newsroom.enter"] },
  { href: "/newsroom/media", label: "Media", anyOf: ["media.upload"] },
  { href: "/newsroom/wire", label: "Wire", anyOf: ["article.create"] },
  { href: "/newsroom/sports", label: "Sports data", anyOf: ["sports.edit", "sports.import"] },
  { href: "/newsroom/newsletters", label: "Newsletters", anyOf: ["edition.edit", "newsletter.manage"] },
  { href: "/newsroom/admin/users", label: "Users", anyOf: ["user.manage"] },
  { href: "/newsroom/admin/bylines", label: "Bylines", anyOf: ["byline.manage"] },
  { href: "/newsroom/admin/credits", label: "Agencies & photographers", anyOf: ["agency.manage", "photographer.manage"] },
  { href: "/newsroom/admin/sections", label: "Sections & tags", anyOf: ["section.manage", "tag.manage"] },
  { href: "/newsroom/admin/audit", label: "Audit log", anyOf: ["audit.read"] },
];

// The screens a user's role may use, in menu order.
export function navItemsFor(actor: Actor): { href: string; label: string }[] {
  return NEWSROOM_NAV.filter((item) => item.anyOf.some((action) => can(actor, action))).map(({ href, label }) => ({ href, label }));
}
