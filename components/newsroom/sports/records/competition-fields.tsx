// The editable fields of a competition (inside an ActionForm): its standings rules are points
// first, then up to four tie-breakers in order, and the points for a win, draw and loss.
import type { TieBreaker } from "@/lib/sports/ranking";
import { KeyField, SportField } from "./team-fields";

type Rules = { tieBreakers: TieBreaker[]; points: { win: number; draw: number; loss: number } };
type Competition = { name: string; key: string | null; sport: { name: string } | null; rules: Rules };
type Props = { competition?: Competition; sports: string[]; choices: { value: TieBreaker; label: string }[]; defaults: Rules };

const ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth"];

export function CompetitionFields({ competition, sports, choices, defaults }: Props) {
  const rules = competition?.rules ?? defaults;
  const chosen = rules.tieBreakers.filter((name) => name !== "points");
  return (
    <>
      <label>
        Name
        <input name="name" defaultValue={competition?.name ?? ""} required maxLength={120} />
      </label>
      <SportField value={competition?.sport?.name ?? ""} sports={sports} />
      <KeyField value={competition?.key ?? ""} />
      <fieldset>
        <legend>Standings: teams level on points are ordered by</legend>
        {choices.map((_, index) => (
          <label key={index}>
            {ORDINALS[index]} tie-breaker
            <select name={`tieBreakers.${index}`} defaultValue={chosen[index] ?? ""}>
              <option value="">None</option>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p className="hint">Head-to-head records are not supported: a standings row does not carry the results between the tied teams. Teams level on everything share a rank (&quot;=3&quot;).</p>
      </fieldset>
      <fieldset>
        <legend>Points</legend>
        <div className="form-row">
          <label>
            Win
            <input name="pointsWin" type="number" min={0} step={1} defaultValue={rules.points.win} required />
          </label>
          <label>
            Draw
            <input name="pointsDraw" type="number" min={0} step={1} defaultValue={rules.points.draw} required />
          </label>
          <label>
            Loss
            <input name="pointsLoss" type="number" min={0} step={1} defaultValue={rules.points.loss} required />
          </label>
        </div>
      </fieldset>
    </>
  );
}
