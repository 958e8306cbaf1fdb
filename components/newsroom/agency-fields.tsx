"use client";

import { useState } from "react";
import { findCreditFormatProblems, formatCredit } from "@/lib/credits/format";

type Agency = { name: string; shortCredit: string; creditFormat: string; distributor: string | null };

type Props = { agency?: Agency; samplePhotographer: string };

const EMPTY: Agency = { name: "", shortCredit: "", creditFormat: "Photo by {photographer}/{agency}", distributor: null };

// An agency's credit fields with a live preview of the credit they produce, formatted by the same
// function reader pages use.
export function AgencyFields({ agency = EMPTY, samplePhotographer }: Props) {
  const [values, setValues] = useState<Agency>(agency);
  const set = (key: keyof Agency) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const problems = findCreditFormatProblems(values.creditFormat);
  const isIncomplete = !values.name.trim() || !values.shortCredit.trim();
  const credit = problems.length || isIncomplete ? null : formatCredit({ photographer: { name: samplePhotographer }, agency: { ...values, distributor: values.distributor || null } });
  return (
    <>
      <div className="form-row">
        <label>
          Agency name
          <input name="name" value={values.name} onChange={set("name")} required maxLength={120} />
        </label>
        <label>
          Short credit <span className="hint">under pictures: &quot;Image: Getty&quot;</span>
          <input name="shortCredit" value={values.shortCredit} onChange={set("shortCredit")} required maxLength={60} />
        </label>
      </div>
      <label>
        Full-credit format <span className="hint">{"{photographer}, {agency} and {distributor} are filled in"}</span>
        <input name="creditFormat" value={values.creditFormat} onChange={set("creditFormat")} required maxLength={300} />
      </label>
      <label>
        Distributor <span className="hint">e.g. &quot;Getty Images&quot; for pictures that come via Getty; empty if none</span>
        <input name="distributor" value={values.distributor ?? ""} onChange={set("distributor")} maxLength={120} />
      </label>
      <div className="credit-preview" aria-live="polite">
        <p className="muted">Preview, for a picture by {samplePhotographer}:</p>
        {credit ? (
          <>
            <p className="credit-short">{credit.short}</p>
            <p className="credit-full-preview">{credit.full}</p>
          </>
        ) : problems.length ? (
          <p className="form-error">{problems.join("; ")}</p>
        ) : (
          <p className="muted">Fill in the agency name and short credit to see it.</p>
        )}
      </div>
    </>
  );
}
