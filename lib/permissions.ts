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
  // Live coverage (lib/live/): turning a story into live coverage, its status, times, match and
  // key points, and pinning entries are the desk's; posting and changing entries is also open to
  // contributors on the story's byline (their own entries only, see can()).
  "live.manage",
  "live.post",
  "live.editEntry",
  // Importing results, line-ups and standings from SportsML (lib/sports/import.ts): the desk's.
  "sports.import",
  // Creating and correcting sports records in the newsroom (teams, athletes, competitions, events
  // and results, standings, medal tables, pasted results): the desk's.
  "sports.edit",
  // Newsletters (lib/newsletters/): assembling, previewing and sending editions is the desk's;
  // creating newsletters and exporting or erasing subscribers (personal data) is for admins.
  "edition.edit",
  "edition.send",
  "newsletter.manage",
  "subscriber.manage",
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

// What a contributor may do in a live coverage only while the story's byline names them.
const OWN_LIVE_ACTIONS: ReadonlySet<Action> = new Set(["live.post", "live.editEntry"]);

const CONTRIBUTOR: readonly Action[] = ["newsroom.enter", "article.create", ...OWN_DRAFT_ACTIONS, "media.upload", ...OWN_LIVE_ACTIONS];
const EDITOR: readonly Action[] = [
  ...CONTRIBUTOR,
  "article.publish",
  "article.unpublish",
  "article.schedule",
  "article.correct",
  "media.edit",
  "media.delete",
  "quote.edit",
  "live.manage",
  "sports.import",
  "sports.edit",
  "edition.edit",
  "edition.send",
];

const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  CONTRIBUTOR: new Set(CONTRIBUTOR),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ACTIONS),
};

// The story an article action is about, for the contributor's "own drafts only" rule.
// bylineUserIds: the accounts of the story's bylines, when the caller read them.
export type ArticleRef = { createdById: string | null; status: string; bylineUserIds?: readonly string[] };

// A live entry's story, for the contributor's "on the byline, own entries" rule: the accounts
// linked to the story's byline profiles, and who posted the entry (absent when posting one).
export type LiveRef = ArticleRef & { bylineUserIds: readonly string[]; entryCreatedById?: string | null };

const EDITABLE_BY_AUTHOR = new Set(["DRAFT"]);

// A contributor may read (open) a story that carries their byline, whoever wrote it; editing,
// previewing, submitting and deleting stay with the story's own author, and only while a draft.
// A contributor may post to a live coverage whose byline includes them (whatever its status: the
// entries of a draft are not public yet), and edit or delete only the entries they posted.
export function can(actor: Actor | null, action: Action, article?: ArticleRef | LiveRef): boolean {
  if (!actor || !PERMISSIONS[actor.role]?.has(action)) return false;
  if (actor.role === "CONTRIBUTOR" && OWN_LIVE_ACTIONS.has(action) && article) return canWriteLive(actor, action, article);
  if (actor.role !== "CONTRIBUTOR" || !OWN_DRAFT_ACTIONS.has(action) || !article) return true;
  const isOwn = article.createdById === actor.id;
  if (action === "article.read") return isOwn || (article.bylineUserIds?.includes(actor.id) ?? false);
  if (action === "article.preview") return isOwn;
  return isOwn && EDITABLE_BY_AUTHOR.has(article.status);
}

function canWriteLive(actor: Actor, action: Action, story: ArticleRef): boolean {
  if (!(story.bylineUserIds?.includes(actor.id) ?? false)) return false;
  return action === "live.post" || ("entryCreatedById" in story && story.entryCreatedById === actor.id);
}

// Throws UNAUTHENTICATED for no actor and FORBIDDEN for an actor whose role does not allow it.
export function assertCan(actor: Actor | null, action: Action, article?: ArticleRef | LiveRef): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (!can(actor, action, article)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) does not allow ${describe(action)}.`);
  }
}

function describe(action: Action): string {
  const [thing, verb] = action.split(".");
  if (thing === "live") return LIVE_DESCRIPTIONS[verb] ?? "this on live coverage";
  if (thing === "sports") return verb === "import" ? "importing sports results and standings" : "editing sports records (teams, athletes, competitions, results, tables)";
  return `${verb} on ${thing === "article" ? "this story" : `${thing}s`}`;
}

const LIVE_DESCRIPTIONS: Record<string, string> = {
  manage: "running live coverage (its status, times, match, key points and pins)",
  post: "posting to this live coverage unless the story's byline names you",
  editEntry: "changing this entry unless you posted it and the story's byline names you",
};
