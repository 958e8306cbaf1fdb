import type { BylineDetail } from "@/lib/bylines/queries";

type Choice = { id: string; label: string };

type Props = { profile: BylineDetail; photos: Choice[]; users: Choice[] };

// The editable fields of a byline profile (inside an ActionForm).
export function BylineFields({ profile, photos, users }: Props) {
  const links = profile.socialLinks.map((link) => `${link.label} ${link.url}`).join("\n");
  return (
    <>
      <div className="form-row">
        <label>
          Name
          <input name="name" defaultValue={profile.name} required maxLength={120} />
        </label>
        <label>
          Job title
          <input name="jobTitle" defaultValue={profile.jobTitle} maxLength={120} />
        </label>
      </div>
      <label>
        Address <span className="hint">/author/… Changing it keeps the old address working (it redirects).</span>
        <input name="slug" defaultValue={profile.slug} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      </label>
      <label>
        Bio
        <textarea name="bio" defaultValue={profile.bio} maxLength={2000} />
      </label>
      <label>
        Photo <span className="hint">from the media library</span>
        <select name="photoMediaId" defaultValue={profile.photoMediaId ?? ""}>
          <option value="">No photo (initials are shown)</option>
          {photos.map((photo) => (
            <option key={photo.id} value={photo.id}>
              {photo.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Links <span className="hint">One a line: &quot;https://…&quot; or &quot;Label https://…&quot;</span>
        <textarea name="socialLinks" defaultValue={links} rows={3} />
      </label>
      <label>
        Account <span className="hint">the user who writes as this person, if any</span>
        <select name="userId" defaultValue={profile.userId ?? ""}>
          <option value="">No account (freelancer, agency writer…)</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
