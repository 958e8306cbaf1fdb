// The season a new standings or medal table is for.
type Props = { seasons: { id: string; label: string }[]; value: string };

export function SeasonSelect({ seasons, value }: Props) {
  return (
    <label>
      Competition and season <span className="hint">add seasons on a competition&apos;s screen</span>
      <select name="seasonId" defaultValue={value} required>
        <option value="">Choose…</option>
        {seasons.map((season) => (
          <option key={season.id} value={season.id}>
            {season.label}
          </option>
        ))}
      </select>
    </label>
  );
}
