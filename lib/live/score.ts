// The desk's one-click score update: an entry of type GOAL whose text says the new score, with
// the score snapshot readers and the desk take the current score from. It is an ordinary post
// (lib/live/commands.ts postEntry: same permission, validation, audit and refresh); only its body
// is written here, from the coverage's match, so the reporter types nothing but the numbers.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { idInput, textInput } from "../text-input";
import { postEntry, type EntryResult } from "./commands";

const goals = z.number().int().min(0).max(999);

export const ScoreInput = z.object({
  articleId: idInput(),
  homeScore: goals,
  awayScore: goals,
  minuteOrPeriod: z.preprocess((value) => (value === "" ? null : value), textInput().min(1).max(40).nullable().default(null)),
});

export function scoreLine(match: { home: string; away: string } | null, home: number, away: number): string {
  return match ? `Score: ${match.home} ${home}–${away} ${match.away}` : `Score: ${home}–${away}`;
}

export async function postScoreUpdate(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  assertCan(actor, "live.post");
  const input = ScoreInput.parse(raw);
  const coverage = await db.liveCoverage.findUnique({ where: { articleId: input.articleId }, select: { matchHome: true, matchAway: true } });
  const match = coverage?.matchHome && coverage.matchAway ? { home: coverage.matchHome, away: coverage.matchAway } : null;
  const text = scoreLine(match, input.homeScore, input.awayScore);
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  return postEntry(actor, { ...input, type: "GOAL", keyEvent: true, body });
}
