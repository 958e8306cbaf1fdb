"use client";
// Photographer and agency, picked from the admin's lists. Picking a photographer who works for an
// agency selects that agency too (it can still be changed). In a form the selects post
// photographerId and agencyId; the story editor's photo panels listen with onChange instead.
import { useState } from "react";
import type { CreditOptions } from "@/lib/media/library/library-queries";

export type CreditIds = { photographerId: string; agencyId: string };

type Props = CreditIds & { options: CreditOptions; onChange?: (ids: CreditIds) => void };

export function CreditPickers({ options, photographerId, agencyId, onChange }: Props) {
  const [photographer, setPhotographer] = useState(photographerId);
  const [agency, setAgency] = useState(agencyId);

  function pickPhotographer(id: string) {
    const next = options.photographers.find((p) => p.id === id)?.agencyId || agency;
    setPhotographer(id);
    setAgency(next);
    onChange?.({ photographerId: id, agencyId: next });
  }

  function pickAgency(id: string) {
    setAgency(id);
    onChange?.({ photographerId: photographer, agencyId: id });
  }

  return (
    <div className="form-row">
      <label>
        Photographer
        <select name="photographerId" value={photographer} onChange={(event) => pickPhotographer(event.target.value)}>
          <option value="">Not known</option>
          {options.photographers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Agency
        <select name="agencyId" value={agency} onChange={(event) => pickAgency(event.target.value)}>
          <option value="">None</option>
          {options.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
