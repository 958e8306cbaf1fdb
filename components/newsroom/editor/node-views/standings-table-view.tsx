"use client";
import type { ReactNodeViewProps } from "@tiptap/react";
import type { BlockInsert } from "./block-insert";
import { SportsBlockCard, type SportsBlockSpec } from "./sports-record-picker";

const SPEC: SportsBlockSpec = {
  type: "standingsTable",
  title: "Standings",
  kind: "standings",
  idAttr: "standingsId",
  searchLabel: "Find a standings table",
  placeholder: "A competition, a season or a team in it",
  noneChosen: "Choose the table readers see.",
};

// A league table, optionally highlighting the teams the story is tagged with.
export function StandingsTableView(props: ReactNodeViewProps) {
  const { node, updateAttributes } = props;
  return (
    <SportsBlockCard
      spec={SPEC}
      props={props}
      options={
        <label className="checkbox-field">
          <input type="checkbox" checked={node.attrs.highlightStoryTeams !== false} onChange={(event) => updateAttributes({ highlightStoryTeams: event.target.checked })} /> Highlight the story&apos;s teams
        </label>
      }
    />
  );
}

// The toolbar's "+ Standings": no table yet; the story's teams highlighted.
export const insertStandingsTable: BlockInsert = () => ({ type: "standingsTable", attrs: { standingsId: null, highlightStoryTeams: true } });
