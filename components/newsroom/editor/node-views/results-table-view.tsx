"use client";
import type { ReactNodeViewProps } from "@tiptap/react";
import { RESULTS_LIMIT_MAX } from "@/lib/editor/blocks/results-table";
import type { BlockInsert } from "./block-insert";
import { SportsBlockCard, WholeNumberOption, type SportsBlockSpec } from "./sports-record-picker";

const SPEC: SportsBlockSpec = {
  type: "resultsTable",
  title: "Results",
  kind: "event",
  idAttr: "eventId",
  searchLabel: "Find an event",
  placeholder: "A race, a match, an athlete or a competition",
  noneChosen: "Choose the event whose results readers see.",
};

// An event's results, the top N places or everyone (0).
export function ResultsTableView(props: ReactNodeViewProps) {
  const { node, updateAttributes } = props;
  return (
    <SportsBlockCard
      spec={SPEC}
      props={props}
      options={<WholeNumberOption label="Places shown (0: everyone)" value={node.attrs.limit ?? 0} min={0} max={RESULTS_LIMIT_MAX} onChange={(limit) => updateAttributes({ limit })} />}
    />
  );
}

// The toolbar's "+ Results": no event yet, everyone shown.
export const insertResultsTable: BlockInsert = () => ({ type: "resultsTable", attrs: { eventId: null, limit: 0 } });
