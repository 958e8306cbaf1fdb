// Narrows the team and athlete pickers of the event form below it: by sport and by name (a plain
// GET form, so it works without scripts). Teams and athletes are made on their own screens.
type Props = { sports: { id: string; name: string }[]; sportId: string; who: string };

export function PickerSearch({ sports, sportId, who }: Props) {
  return (
    <form className="filters" method="get" role="search" aria-label="Find teams and athletes for the pickers">
      <label className="field">
        <span>Pickers show the sport</span>
        <select name="sport" defaultValue={sportId}>
          <option value="">Any sport</option>
          {sports.map((sport) => (
            <option key={sport.id} value={sport.id}>
              {sport.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Teams and athletes named</span>
        <input type="search" name="who" defaultValue={who} maxLength={100} />
      </label>
      <button type="submit">Find</button>
      <p className="hint">
        Not there? Add it under <a href="/newsroom/sports/teams">Teams</a> or <a href="/newsroom/sports/athletes">Athletes</a>, or paste a results table, which creates the ones it does not find.
      </p>
    </form>
  );
}
