"use client";
import type { ReactNodeViewProps } from "@tiptap/react";
import { MEDAL_LIMIT_MAX } from "@/lib/editor/blocks/medal-table";
import type { BlockInsert } from "./block-insert";
import { SportsBlockCard, WholeNumberOption, type SportsBlockSpec } from "./sports-record-picker";

const SPEC: SportsBlockSpec = {
  type: "medalTable",
  title: "Medal table",
  kind: "medalTable",
  idAttr: "medalTableId",
  searchLabel: "Find a medal table",
  placeholder: "A games or championship and its year",
  noneChosen: "Choose the medal table readers see.",
};

// A season's medal table: the top N places, or the full table (0).
export function MedalTableView(props: ReactNodeViewProps) {
  const { node, updateAttributes } = props;
  return (
    <SportsBlockCard
      spec={SPEC}
      props={props}
      options={<WholeNumberOption label="Places shown (0: the full table)" value={node.attrs.limit ?? 10} min={0} max={MEDAL_LIMIT_MAX} onChange={(limit) => updateAttributes({ limit })} />}
    />
  );
}

// The toolbar's "+ Medal table": no table yet, the top 10.
export const insertMedalTable: BlockInsert = () => ({ type: "medalTable", attrs: { medalTableId: null, limit: 10 } });
