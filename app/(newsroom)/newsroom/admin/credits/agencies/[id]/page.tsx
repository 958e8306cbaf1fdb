import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { AgencyFields } from "@/components/newsroom/agency-fields";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { PushSecretForm } from "@/components/newsroom/push-secret-form";
import { getAgency } from "@/lib/agencies/queries";
import { requireScreen } from "@/lib/auth/screen";
import { slugify } from "@/lib/articles/schema";
import { absoluteUrl } from "@/lib/site-config";
import { generatePushSecretAction, revokePushSecretAction, updateAgencyAction, updateAgencyWireRulesAction } from "../../actions";

export const metadata: Metadata = { title: "Agency" };

type Props = { params: Promise<{ id: string }> };

export default async function AgencyPage({ params }: Props) {
  const { id } = await params;
  const { user, isAllowed } = await requireScreen("agency.manage", `/newsroom/admin/credits/agencies/${id}`);
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing agencies and photographers" />;
  const agency = await getAgency(user, id);
  if (!agency) notFound();
  const pictures = agency._count.media;
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/admin/credits">Agencies &amp; photographers</a> /
      </p>
      <h1 className="admin-page-title">{agency.name}</h1>
      <p className="admin-lead">
        {pictures} {pictures === 1 ? "picture uses" : "pictures use"} this agency&apos;s credit: saving changes all of them at once. ·{" "}
        <a href={`/newsroom/admin/audit?entityType=Agency&entityId=${agency.id}`}>history</a>
      </p>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="agency-heading">
          <h2 id="agency-heading">Credit</h2>
          <ActionForm action={updateAgencyAction} record={{ id: agency.id, version: agency.version }} submitLabel="Save agency" successMessage="Saved: every credit using this agency now reads as previewed.">
            <AgencyFields
              agency={{ name: agency.name, shortCredit: agency.shortCredit, creditFormat: agency.creditFormat, distributor: agency.distributor }}
              samplePhotographer={agency.photographers[0]?.name ?? "Jane Smith"}
            />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="agency-wire-heading">
          <h2 id="agency-wire-heading">Wire rules</h2>
          <ActionForm
            action={updateAgencyWireRulesAction}
            record={{ id: agency.id, version: agency.version }}
            submitLabel="Save wire rules"
            successMessage="Saved: the next import from this agency follows these rules."
          >
            <label className="checkbox-field">
              <input type="checkbox" name="wireAutoDraft" defaultChecked={agency.wireAutoDraft} /> Make a draft story from every item as it arrives
              <span className="hint">Off: items wait on the Wire screen until an editor chooses &quot;Create draft&quot;.</span>
            </label>
            <label className="checkbox-field">
              <input type="checkbox" name="wireCancelUnpublishes" defaultChecked={agency.wireCancelUnpublishes} /> Unpublish a published story at once when the agency cancels its item
              <span className="hint">Off: the Wire screen and the story editor ask an editor to unpublish it.</span>
            </label>
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="agency-push-heading">
          <h2 id="agency-push-heading">Wire push</h2>
          <PushSecretForm
            action={generatePushSecretAction}
            record={{ id: agency.id, version: agency.version }}
            fingerprint={agency.pushSecretFingerprint}
            pushUrl={absoluteUrl(`/api/wire/push/${slugify(agency.name) || agency.id}`)}
          />
          {agency.pushSecretFingerprint && (
            <ActionForm
              action={revokePushSecretAction}
              record={{ id: agency.id, version: agency.version }}
              submitLabel="Turn off pushes"
              successMessage="Pushes from this agency are refused from now on."
              confirmMessage="Remove the push secret? Pushes from this agency are refused until a new one is generated."
              isDanger
            />
          )}
        </section>
        <section className="admin-section" aria-labelledby="agency-photographers-heading">
          <h2 id="agency-photographers-heading">Photographers ({agency.photographers.length})</h2>
          {agency.photographers.length ? (
            <ul>
              {agency.photographers.map((photographer) => (
                <li key={photographer.id}>{photographer.name}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None yet. Add them on the agencies &amp; photographers page.</p>
          )}
        </section>
      </div>
    </>
  );
}
