// Where a medal table's rows come from: computed from the season's medal events, or entered.
export function MedalSourceField({ value }: { value: "computed" | "entered" }) {
  return (
    <fieldset>
      <legend>Rows</legend>
      <label className="checkbox-field">
        <input type="radio" name="source" value="computed" defaultChecked={value === "computed"} required />
        Computed from the season&apos;s medal events (rank 1, 2 and 3 of each event marked as a medal event, by the competitor&apos;s country; rebuilt whenever one changes)
      </label>
      <label className="checkbox-field">
        <input type="radio" name="source" value="entered" defaultChecked={value === "entered"} />
        Entered by hand (the rows below)
      </label>
    </fieldset>
  );
}
