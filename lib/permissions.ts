// Who may do what: ONE table, role -> actions. Every server action, route handler and write in
// lib/ asks `can`/`assertCan`; pages only use it to decide what to show.
import { AppError } from "./errors";

export const ROLES = ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; role: Role; name: string };

export const ACTIONS = [
  "newsroom.enter",
  "article.create",
  "article.read",
  "article.edit",
  "article.submit",
  "article.publish",
  "article.unpublish",
  "article.schedule",
  "article.correct",
  "article.delete",
  "article.restore",
  "article.purge",
  "article.preview",
  // Releasing a story before its embargo: admins only (there is no senior editor role; editors
  // may set and extend embargoes, which is an edit).
  "article.liftEmbargo",
  "media.upload",
  "media.edit",
  "media.delete",
  "quote.edit",
  "user.manage",
  "byline.manage",
  "agency.manage",
  "photographer.manage",
  "section.manage",
  "tag.manage",
  "audit.read",
] as const;
export type Action = (typeof ACTIONS)[number];

// What a contributor may do only to their own story while it is a draft (or sent back to draft).
// Deleting (to the trash) and restoring from it follow the edit rule: the trash keeps the status.
const OWN_DRAFT_ACTIONS: ReadonlySet<Action> = new Set(["article.edit", "article.submit", "article.delete", "article.restore", "article.preview", "article.read"]);

const CONTRIBUTOR: readonly Action[] = ["newsroom.enter", "article.create", ...OWN_DRAFT_ACTIONS, "media.upload"];
const EDITOR: readonly Action[] = [...CONTRIBUTOR, "article.publish", "article.unpublish", "article.schedule", "article.correct", "media.edit", "media.delete", "quote.edit"];

const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  CONTRIBUTOR: new Set(CONTRIBUTOR),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ACTIONS),
};

// The story an article action is about, for the contributor's "own drafts only" rule.
// bylineUserIds: the accounts of the story's bylines, when the caller read them.
export type ArticleRef = { createdById: string | null; status: string; bylineUserIds?: readonly string[] };

const EDITABLE_BY_AUTHOR = new Set(["DRAFT"]);

// A contributor may read (open) a story that carries their byline, whoever wrote it; editing,
// previewing, submitting and deleting stay with the story's own author, and only while a draft.
export function can(actor: Actor | null, action: Action, article?: ArticleRef): boolean {
  if (!actor || !PERMISSIONS[actor.role]?.has(action)) return false;
  if (actor.role !== "CONTRIBUTOR" || !OWN_DRAFT_ACTIONS.has(action) || !article) return true;
  const isOwn = article.createdById === actor.id;
  if (action === "article.read") return isOwn || (article.bylineUserIds?.includes(actor.id) ?? false);
  if (action === "article.preview") return isOwn;
  return isOwn && EDITABLE_BY_AUTHOR.has(article.status);
}

// Throws UNAUTHENTICATED for no actor and FORBIDDEN for an actor whose role does not allow it.
export function assertCan(actor: Actor | null, action: Action, article?: ArticleRef): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (!can(actor, action, article)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) does not allow ${describe(action)}.`);
  }
}

function describe(action: Action): string {
  const [thing, verb] = action.split(".");
  return `${verb} on ${thing === "article" ? "this story" : `${thing}s`}`;
}
