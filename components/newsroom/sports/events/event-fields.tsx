// The fields of the event form (inside an ActionForm): the event's facts, then either a match's two
// sides (teams, scores, scores by period) or a field of competitors, one row each. Which of the
// two counts is the "Participants" choice; the other set is ignored on save.
import type { EventFormOptions } from "@/lib/sports/desk/events-queries";
import { EVENT_STATUSES } from "@/lib/sports/desk/events-schema";
import type { EventFormValues } from "./event-values";

type Props = { values: EventFormValues; options: EventFormOptions };

const STATUS_LABEL: Record<(typeof EVENT_STATUSES)[number], string> = { SCHEDULED: "Scheduled", LIVE: "Live", FINAL: "Final", POSTPONED: "Postponed", CANCELLED: "Cancelled" };
const BLANK_ROWS = 5;

function Choices({ items }: { items: { id: string; name: string; country?: string | null }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
      {item.country ? ` (${item.country})` : ""}
    </option>
  ));
}

function TeamSelect({ name, label, value, options }: { name: string; label: string; value: string; options: EventFormOptions }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">No team</option>
        <Choices items={options.teams} />
      </select>
    </label>
  );
}

function CompetitorRow({ index, row, options }: { index: number; row: EventFormValues["competitors"][number] | null; options: EventFormOptions }) {
  const prefix = `c${index}`;
  return (
    <tr>
      <td>
        <select name={`${prefix}.ref`} defaultValue={row?.ref ?? ""} aria-label={`Competitor ${index + 1}`}>
          <option value="">None</option>
          <optgroup label="Athletes">
            {options.athletes.map((a) => (
              <option key={a.id} value={`athlete:${a.id}`}>
                {a.name}
                {a.country ? ` (${a.country})` : ""}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {options.teams.map((t) => (
              <option key={t.id} value={`team:${t.id}`}>
                {t.name}
                {t.country ? ` (${t.country})` : ""}
              </option>
            ))}
          </optgroup>
        </select>
      </td>
      <td>
        <input name={`${prefix}.rank`} defaultValue={row?.rank ?? ""} inputMode="numeric" size={4} aria-label={`Competitor ${index + 1} rank`} />
      </td>
      <td>
        <input name={`${prefix}.mark`} defaultValue={row?.mark ?? ""} maxLength={40} size={10} aria-label={`Competitor ${index + 1} time or mark`} />
      </td>
      <td>
        <input name={`${prefix}.score`} defaultValue={row?.score ?? ""} inputMode="numeric" size={5} aria-label={`Competitor ${index + 1} points`} />
      </td>
      <td>
        <input name={`${prefix}.record`} defaultValue={row?.record ?? ""} maxLength={5} size={4} aria-label={`Competitor ${index + 1} record`} />
      </td>
    </tr>
  );
}

export function EventFields({ values, options }: Props) {
  const rows = values.competitors.length + BLANK_ROWS;
  return (
    <>
      <div className="form-row">
        <label>
          Name
          <input name="name" defaultValue={values.name} maxLength={200} />
        </label>
        <label>
          Stage <span className="hint">round or phase, e.g. Final</span>
          <input name="stage" defaultValue={values.stage} maxLength={200} />
        </label>
      </div>
      <div className="form-row">
        <label>
          Sport
          <select name="sportId" defaultValue={values.sportId}>
            <option value="">No sport</option>
            <Choices items={options.sports} />
          </select>
        </label>
        <label>
          Competition season
          <select name="competitionSeasonId" defaultValue={values.competitionSeasonId}>
            <option value="">None</option>
            <Choices items={options.seasons} />
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          Start <span className="hint">UTC</span>
          <input name="startsAt" type="datetime-local" defaultValue={values.startsAt} />
        </label>
        <label>
          Venue
          <input name="venue" defaultValue={values.venue} maxLength={200} />
        </label>
        <label>
          Attendance
          <input name="attendance" defaultValue={values.attendance} inputMode="numeric" />
        </label>
      </div>
      <div className="form-row">
        <label>
          Status
          <select name="status" defaultValue={values.status}>
            <option value="">Not known</option>
            {EVENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period <span className="hint">e.g. 2nd half</span>
          <input name="period" defaultValue={values.period} maxLength={40} />
        </label>
        <label>
          Minute <span className="hint">e.g. 67&apos;</span>
          <input name="minute" defaultValue={values.minute} maxLength={20} />
        </label>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" name="medalEvent" defaultChecked={values.medalEvent} /> Medal event (its podium counts in the season&apos;s computed medal table)
      </label>
      <fieldset>
        <legend>Participants</legend>
        <label className="checkbox-field">
          <input type="radio" name="mode" value="match" defaultChecked={values.mode === "match"} /> A match: home and away teams
        </label>
        <label className="checkbox-field">
          <input type="radio" name="mode" value="field" defaultChecked={values.mode === "field"} /> A field of competitors (teams or athletes)
        </label>
      </fieldset>
      <fieldset>
        <legend>Match</legend>
        <div className="form-row">
          <TeamSelect name="homeTeamId" label="Home team" value={values.homeTeamId} options={options} />
          <label>
            Home score
            <input name="homeScore" defaultValue={values.homeScore} inputMode="numeric" />
          </label>
          <TeamSelect name="awayTeamId" label="Away team" value={values.awayTeamId} options={options} />
          <label>
            Away score
            <input name="awayScore" defaultValue={values.awayScore} inputMode="numeric" />
          </label>
        </div>
        <label>
          Scores by period <span className="hint">one a line, home first: &quot;1st half: 0-1&quot;</span>
          <textarea name="periodScores" defaultValue={values.periodScores} rows={3} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Field of competitors</legend>
        <input type="hidden" name="competitorRows" value={rows} />
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Competitor</th>
                <th scope="col">Rank</th>
                <th scope="col">Time or mark</th>
                <th scope="col">Points</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, index) => (
                <CompetitorRow key={index} index={index} row={values.competitors[index] ?? null} options={options} />
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
    </>
  );
}
