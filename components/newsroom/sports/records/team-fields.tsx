// The editable fields of a team (inside an ActionForm).
type Team = { name: string; country: string | null; key: string | null; sport: { name: string } | null };

type Props = { team?: Team; sports: string[] };

export function SportField({ value, sports }: { value: string; sports: string[] }) {
  return (
    <label>
      Sport <span className="hint">pick one or type a new one</span>
      <input name="sport" defaultValue={value} maxLength={60} list="sport-names" />
      <datalist id="sport-names">
        {sports.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </label>
  );
}

export function CountryField({ value }: { value: string }) {
  return (
    <label>
      Country <span className="hint">three-letter code, e.g. NOR</span>
      <input name="country" defaultValue={value} maxLength={3} pattern="[A-Za-z]{3}" autoCapitalize="characters" size={4} />
    </label>
  );
}

export function KeyField({ value }: { value: string }) {
  return (
    <label>
      Provider key <span className="hint">the data provider&apos;s id, so imports find this record (optional, unique)</span>
      <input name="key" defaultValue={value} maxLength={200} />
    </label>
  );
}

export function TeamFields({ team, sports }: Props) {
  return (
    <>
      <label>
        Name
        <input name="name" defaultValue={team?.name ?? ""} required maxLength={120} />
      </label>
      <div className="form-row">
        <CountryField value={team?.country ?? ""} />
        <SportField value={team?.sport?.name ?? ""} sports={sports} />
      </div>
      <KeyField value={team?.key ?? ""} />
    </>
  );
}
