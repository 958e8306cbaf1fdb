// The public shapes of a live coverage and its entries: what the page, the changes cursor and
// (later) the stream and feeds send readers. One select per shape, one mapper.
import type { BodyDoc } from "../editor/types";
import { KeyPoints } from "./schema";

export const coverageSelect = {
  articleId: true,
  status: true,
  startsAt: true,
  endsAt: true,
  keyPoints: true,
  matchHome: true,
  matchAway: true,
  matchCompetition: true,
  matchVenue: true,
  matchKickoff: true,
  lastSeq: true,
  version: true,
  updatedAt: true,
} as const;

export const entrySelect = {
  id: true,
  articleId: true,
  body: true,
  bodyText: true,
  type: true,
  postedAt: true,
  pinned: true,
  keyEvent: true,
  homeScore: true,
  awayScore: true,
  minuteOrPeriod: true,
  version: true,
  updatedAt: true,
  authors: { orderBy: { position: "asc" }, select: { profile: { select: { id: true, name: true, slug: true } } } },
} as const;

type CoverageRow = {
  articleId: string;
  status: string;
  startsAt: Date | null;
  endsAt: Date | null;
  keyPoints: unknown;
  matchHome: string | null;
  matchAway: string | null;
  matchCompetition: string | null;
  matchVenue: string | null;
  matchKickoff: Date | null;
  version: number;
  updatedAt: Date;
};

type EntryRow = {
  id: string;
  articleId: string;
  body: unknown;
  bodyText: string;
  type: string;
  postedAt: Date;
  pinned: boolean;
  keyEvent: boolean;
  homeScore: number | null;
  awayScore: number | null;
  minuteOrPeriod: string | null;
  version: number;
  updatedAt: Date;
  authors: { profile: { id: string; name: string; slug: string } }[];
};

export type LiveMatchView = { home: string; away: string; competition: string | null; venue: string | null; kickoff: string | null };

export type LiveCoverageView = {
  articleId: string;
  status: string;
  startsAt: string | null;
  endsAt: string | null;
  keyPoints: string[];
  match: LiveMatchView | null;
  version: number;
  updatedAt: string;
};

export type LiveEntryView = {
  id: string;
  articleId: string;
  body: BodyDoc;
  bodyText: string;
  type: string;
  postedAt: string;
  pinned: boolean;
  keyEvent: boolean;
  // The score snapshot: both scores or neither (lib/live/schema.ts), and the minute or period.
  homeScore: number | null;
  awayScore: number | null;
  minuteOrPeriod: string | null;
  authors: { id: string; name: string; slug: string }[];
  version: number;
  updatedAt: string;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toCoverageView(row: CoverageRow): LiveCoverageView {
  // Written only through KeyPoints; a row that does not parse shows no key points, not a 500.
  const keyPoints = KeyPoints.safeParse(row.keyPoints);
  const match = row.matchHome && row.matchAway ? { home: row.matchHome, away: row.matchAway, competition: row.matchCompetition, venue: row.matchVenue, kickoff: iso(row.matchKickoff) } : null;
  return {
    articleId: row.articleId,
    status: row.status,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    keyPoints: keyPoints.success ? keyPoints.data : [],
    match,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toEntryView(row: EntryRow): LiveEntryView {
  return {
    id: row.id,
    articleId: row.articleId,
    // Stored only after parseStoryBody accepted it (lib/live/entry-body.ts).
    body: row.body as BodyDoc,
    bodyText: row.bodyText,
    type: row.type,
    postedAt: row.postedAt.toISOString(),
    pinned: row.pinned,
    keyEvent: row.keyEvent,
    homeScore: row.homeScore,
    awayScore: row.awayScore,
    minuteOrPeriod: row.minuteOrPeriod,
    authors: row.authors.map((author) => author.profile),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
