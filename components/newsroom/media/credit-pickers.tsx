"use client";
// Photographer and agency, picked from the admin's lists. Picking a photographer who works for an
// agency selects that agency too (it can still be changed).
import { useState } from "react";
import type { CreditOptions } from "@/lib/media/library-queries";

type Props = { options: CreditOptions; photographerId: string; agencyId: string };

export function CreditPickers({ options, photographerId, agencyId }: Props) {
  const [photographer, setPhotographer] = useState(photographerId);
  const [agency, setAgency] = useState(agencyId);

  function pickPhotographer(id: string) {
    setPhotographer(id);
    const agencyOfPhotographer = options.photographers.find((p) => p.id === id)?.agencyId;
    if (agencyOfPhotographer) setAgency(agencyOfPhotographer);
  }

  return (
    <div className="form-row">
      <label>
        Photographer
        <select name="photographerId" value={photographer} onChange={(event) => pickPhotographer(event.target.value)}>
          <option value="">Not known</option>
          {options.photographers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        Agency
        <select name="agencyId" value={agency} onChange={(event) => setAgency(event.target.value)}>
          <option value="">None</option>
          {options.agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
    </div>
  );
}
