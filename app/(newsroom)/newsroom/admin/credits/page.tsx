import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { AgencyFields } from "@/components/newsroom/agency-fields";
import { AgencySelect } from "@/components/newsroom/agency-select";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { listAgencies, type AgencyRow } from "@/lib/agencies/queries";
import { requireScreen } from "@/lib/auth/screen";
import { listPhotographers, type PhotographerRow } from "@/lib/photographers/queries";
import { createAgencyAction, createPhotographerAction, updatePhotographerAction } from "./actions";

export const metadata: Metadata = { title: "Agencies & photographers" };

const AGENCY_COLUMNS: AdminColumn<AgencyRow>[] = [
  { header: "Agency", cell: (agency) => <a href={`/newsroom/admin/credits/agencies/${agency.id}`}>{agency.name}</a> },
  { header: "Short credit", cell: (agency) => agency.shortCredit },
  { header: "Full-credit format", cell: (agency) => <code>{agency.creditFormat}</code> },
  { header: "Distributor", cell: (agency) => agency.distributor ?? <span className="muted">none</span> },
  { header: "Photographers", isNumeric: true, cell: (agency) => agency.photographers },
  { header: "Pictures", isNumeric: true, cell: (agency) => agency.pictures },
];

function PhotographerItem({ photographer, agencies }: { photographer: PhotographerRow; agencies: AgencyRow[] }) {
  return (
    <li>
      <ActionForm action={updatePhotographerAction} record={{ id: photographer.id, version: photographer.version }} submitLabel="Save" className="admin-form admin-form--inline">
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
        Photo credits are never typed per story: they are made from each picture&apos;s photographer and agency. Changing an agency&apos;s format changes the credit of every picture that uses it, on every page.
      </p>
      <section className="admin-section" aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">Agencies ({agencies.length})</h2>
        <AdminTable rows={agencies} columns={AGENCY_COLUMNS} rowKey={(agency) => agency.id} labelledBy="agencies-heading" />
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
