// The editable fields of an athlete (inside an ActionForm): the photo is chosen from the media
// library, as a byline's is.
import { CountryField, KeyField, SportField } from "./team-fields";

type Choice = { id: string; label: string };
type Athlete = { name: string; country: string | null; key: string | null; teamId: string | null; photoId: string | null; sport: { name: string } | null };

type Props = { athlete?: Athlete; sports: string[]; teams: Choice[]; photos: Choice[] };

export function AthleteFields({ athlete, sports, teams, photos }: Props) {
  return (
    <>
      <label>
        Name
        <input name="name" defaultValue={athlete?.name ?? ""} required maxLength={120} />
      </label>
      <div className="form-row">
        <CountryField value={athlete?.country ?? ""} />
        <SportField value={athlete?.sport?.name ?? ""} sports={sports} />
      </div>
      <label>
        Team
        <select name="teamId" defaultValue={athlete?.teamId ?? ""}>
          <option value="">No team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Photo <span className="hint">from the media library</span>
        <select name="photoId" defaultValue={athlete?.photoId ?? ""}>
          <option value="">No photo</option>
          {photos.map((photo) => (
            <option key={photo.id} value={photo.id}>
              {photo.label}
            </option>
          ))}
        </select>
      </label>
      <KeyField value={athlete?.key ?? ""} />
    </>
  );
}
