"use client";
import type { ReactNodeViewProps } from "@tiptap/react";
import type { BlockInsert } from "./block-insert";
import { SportsBlockCard, type SportsBlockSpec } from "./sports-record-picker";

const SPEC: SportsBlockSpec = {
  type: "scoreBox",
  title: "Score box",
  kind: "event",
  idAttr: "eventId",
  searchLabel: "Find a match",
  placeholder: "A team, an athlete or a competition",
  noneChosen: "Choose the match: readers see its score, kept up to date.",
};

// One match's score box: the match is chosen by searching teams and competitions.
export function ScoreBoxView(props: ReactNodeViewProps) {
  return <SportsBlockCard spec={SPEC} props={props} />;
}

// The toolbar's "+ Score box": no match yet; the editor searches for one in the block.
export const insertScoreBox: BlockInsert = () => ({ type: "scoreBox", attrs: { eventId: null } });
