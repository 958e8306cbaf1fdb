"use client";
import { useId } from "react";
import type { ReactNodeViewProps } from "@tiptap/react";
import { FIXTURE_DIRECTIONS, FIXTURES_COUNT_MAX, type FixtureDirection } from "@/lib/editor/blocks/fixtures-list";
import type { BlockInsert } from "./block-insert";
import { SportsBlockCard, WholeNumberOption, type SportsBlockSpec } from "./sports-record-picker";

const SPEC: SportsBlockSpec = {
  type: "fixturesList",
  title: "Fixtures",
  kind: "season",
  idAttr: "competitionSeasonId",
  searchLabel: "Find a competition",
  placeholder: "A competition and its season",
  noneChosen: "Choose the competition whose matches readers see.",
};

const DIRECTION_LABELS: Record<FixtureDirection, string> = { next: "Next matches", last: "Last results" };

// A competition season's next or last N matches.
export function FixturesListView(props: ReactNodeViewProps) {
  const { node, updateAttributes } = props;
  const selectId = useId();
  return (
    <SportsBlockCard
      spec={SPEC}
      props={props}
      options={
        <>
          <div className="field">
            <label htmlFor={selectId}>Show</label>
            <select id={selectId} value={node.attrs.direction ?? "next"} onChange={(event) => updateAttributes({ direction: event.target.value as FixtureDirection })}>
              {FIXTURE_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {DIRECTION_LABELS[direction]}
                </option>
              ))}
            </select>
          </div>
          <WholeNumberOption label="How many" value={node.attrs.count ?? 5} min={1} max={FIXTURES_COUNT_MAX} onChange={(count) => updateAttributes({ count })} />
        </>
      }
    />
  );
}

// The toolbar's "+ Fixtures": no competition yet, the next 5 matches.
export const insertFixturesList: BlockInsert = () => ({ type: "fixturesList", attrs: { competitionSeasonId: null, direction: "next", count: 5 } });
