import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { BylineFields } from "@/components/newsroom/byline-fields";
import { MergeForm } from "@/components/newsroom/merge-form";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { getBylineProfile, listBylineProfiles, listPhotoChoices } from "@/lib/bylines/queries";
import { listUserChoices } from "@/lib/users/queries";
import { mergeBylinesAction, updateBylineAction } from "../actions";

export const metadata: Metadata = { title: "Byline profile" };

type Props = { params: Promise<{ id: string }> };

export default async function BylinePage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("byline.manage", `/newsroom/admin/bylines/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing bylines" />;
  const [profile, others, photos, users] = await Promise.all([getBylineProfile(user, id), listBylineProfiles(user), listPhotoChoices(user), listUserChoices(user)]);
  if (!profile) notFound();
  // The current photo stays choosable even when it is older than the picker's list.
  const photoChoices = profile.photoMediaId && !photos.some((p) => p.id === profile.photoMediaId) ? [{ id: profile.photoMediaId, label: profile.photo?.altText || "Current photo" }, ...photos] : photos;
  const userChoices = users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }));
  const targets = others.filter((other) => other.id !== profile.id);
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/admin/bylines">Bylines</a> /
      </p>
      <h1 className="admin-page-title">{profile.name}</h1>
      <p className="admin-lead">
        {profile.stories} {profile.stories === 1 ? "story" : "stories"} · public page <a href={`/author/${profile.slug}`}>/author/{profile.slug}</a> ·{" "}
        <a href={`/newsroom/admin/audit?entityType=BylineProfile&entityId=${profile.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          {profile.photoSrc && <img className="profile-photo" src={profile.photoSrc} alt={profile.photo?.altText ?? ""} width={96} height={96} />}
          <ActionForm action={updateBylineAction} record={{ id: profile.id, version: profile.version }} submitLabel="Save profile" successMessage="Profile saved.">
            <BylineFields profile={profile} photos={photoChoices} users={userChoices} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="merge-heading">
          <h2 id="merge-heading">Merge into another profile</h2>
          <p className="muted">
            For one person with two profiles. Every story credited to {profile.name} is credited to the profile you choose; the other profile keeps its own name and fills empty fields from this one. This
            profile is then deleted, and /author/{profile.slug} redirects.
          </p>
          <MergeForm
            action={mergeBylinesAction}
            noun="profile"
            source={profile}
            targets={targets.map((target) => ({ id: target.id, version: target.version, label: `${target.name} (${target.stories} ${target.stories === 1 ? "story" : "stories"})` }))}
          />
        </section>
      </div>
    </>
  );
}
