// A readable comparison of two versions of a story: the fields that differ (old and new text)
// and a line diff of the body. Used by history, the conflict panel and the working copy.
import { bodyToPlainText } from "../../editor/references";
import type { BodyDoc } from "../../editor/types";
import { diffLines, type DiffLine } from "../merge/text-diff";
import type { ArticleSnapshot } from "./snapshot";

export type FieldChange = { field: string; before: string; after: string };
export type RevisionComparison = { fields: FieldChange[]; body: DiffLine[] };

const FIELDS = ["kicker", "headline", "standfirst", "slug", "agencyLine"] as const;

function describeSnapshot(s: ArticleSnapshot): Record<string, string> {
  const plain = (body: unknown) => bodyToPlainText(body as BodyDoc);
  return {
    ...Object.fromEntries(FIELDS.map((f) => [f, s[f]])),
    tags: s.tagNames.join(", "),
    bylines: s.bylines.map((b) => b.profileId).join(", "),
    teams: s.teamIds.join(", "),
    athletes: s.athleteIds.join(", "),
    events: s.eventIds.join(", "),
    hero: s.hero ? `${s.hero.mediaId}: ${s.hero.caption}` : "",
    quotes: s.quotes.map((q) => `“${q.text}” (${q.speaker})`).join("\n"),
    sidebars: s.sidebars.map((sb) => `${sb.heading}\n${plain(sb.body)}`).join("\n"),
    body: plain(s.body),
  };
}

export function compareSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): RevisionComparison {
  const a = describeSnapshot(before);
  const b = describeSnapshot(after);
  const fields = Object.keys(a)
    .filter((k) => k !== "body" && a[k] !== b[k])
    .map((field) => ({ field, before: a[field], after: b[field] }));
  return { fields, body: diffLines(a.body, b.body) };
}
