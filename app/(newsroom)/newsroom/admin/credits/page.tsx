import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { AgencyFields } from "@/components/newsroom/agency-fields";
import { AgencySelect } from "@/components/newsroom/agency-select";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { listAgencies, type AgencyRow } from "@/lib/agencies/queries";
import { requireScreen } from "@/lib/auth/screen";
import { listPhotographers, type PhotographerRow } from "@/lib/photographers/queries";
import { createAgencyAction, createPhotographerAction, updatePhotographerAction } from "./actions";

export const metadata: Metadata = { title: "Agencies & photographers" };

function AgencyTableRow({ agency }: { agency: AgencyRow }) {
  return (
    <tr>
      <td>
        <a href={`/newsroom/admin/credits/agencies/${agency.id}`}>{agency.name}</a>
      </td>
      <td>{agency.shortCredit}</td>
      <td>
        <code>{agency.creditFormat}</code>
      </td>
      <td>{agency.distributor ?? <span className="muted">none</span>}</td>
      <td className="numeric">{agency.photographers}</td>
      <td className="numeric">{agency.pictures}</td>
    </tr>
  );
}

function PhotographerItem({ photographer, agencies }: { photographer: PhotographerRow; agencies: AgencyRow[] }) {
  return (
    <li>
      <ActionForm action={updatePhotographerAction} submitLabel="Save" className="admin-form admin-form--inline">
        <input type="hidden" name="id" value={photographer.id} />
        <input type="hidden" name="version" value={photographer.version} />
        <label>
          Name ({photographer.pictures} {photographer.pictures === 1 ? "picture" : "pictures"})
          <input name="name" defaultValue={photographer.name} required maxLength={120} />
        </label>
        <AgencySelect agencies={agencies} defaultValue={photographer.agencyId} />
      </ActionForm>
    </li>
  );
}

export default async function CreditsPage() {
  const { user, isAllowed } = await requireScreen("agency.manage", "/newsroom/admin/credits");
  if (!isAllowed) return <NotAllowed role={user.role} screen="managing agencies and photographers" />;
  const [agencies, photographers] = await Promise.all([listAgencies(user), listPhotographers(user)]);
  return (
    <>
      <h1 className="admin-page-title">Agencies &amp; photographers</h1>
      <p className="admin-lead">
        Photo credits are never typed per story: they are made from each picture&apos;s photographer and agency. Changing an agency&apos;s format changes
        the credit of every picture that uses it, on every page.
      </p>
      <section className="admin-section" aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">Agencies ({agencies.length})</h2>
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th>Agency</th>
                <th>Short credit</th>
                <th>Full-credit format</th>
                <th>Distributor</th>
                <th className="numeric">Photographers</th>
                <th className="numeric">Pictures</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <AgencyTableRow key={agency.id} agency={agency} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="admin-columns">
        <section className="admin-section" aria-labelledby="photographers-heading">
          <h2 id="photographers-heading">Photographers ({photographers.length})</h2>
          <p className="muted">A new picture by a photographer is credited to their agency. Moving a photographer to another agency leaves their earlier pictures as they were.</p>
          <ul className="plain-list">
            {photographers.map((photographer) => (
              <PhotographerItem key={photographer.id} photographer={photographer} agencies={agencies} />
            ))}
          </ul>
          <h3>Add a photographer</h3>
          <ActionForm action={createPhotographerAction} submitLabel="Add photographer" successMessage="Photographer added." resetOnSuccess className="admin-form admin-form--inline">
            <label>
              Name
              <input name="name" required maxLength={120} />
            </label>
            <AgencySelect agencies={agencies} />
          </ActionForm>
        </section>
        <section className="admin-section" aria-labelledby="new-agency-heading">
          <h2 id="new-agency-heading">Add an agency</h2>
          <ActionForm action={createAgencyAction} submitLabel="Create agency" successMessage="Agency created." resetOnSuccess>
            <AgencyFields samplePhotographer="Jane Smith" />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
