// What the agency screen may send. A credit format may only use the known placeholders.
import { z } from "zod";
import { textInput } from "../text-input";
import { findCreditFormatProblems } from "../credits/format";
import { RecordId, Version } from "../users/schema";

const required = (max: number) => textInput().min(1, "is required").max(max, `is too long (${max} characters at most)`);

export const CreateAgencyInput = z.object({
  name: required(120),
  shortCredit: required(60),
  creditFormat: required(300).superRefine((format, context) => {
    for (const problem of findCreditFormatProblems(format)) context.addIssue({ code: "custom", message: problem });
  }),
  // Empty means the agency distributes its own pictures.
  distributor: z
    .string()
    .trim()
    .max(120)
    .nullish()
    .transform((value) => value || null),
});

export const UpdateAgencyInput = CreateAgencyInput.extend({ id: RecordId, version: Version });
export type AgencyFields = z.output<typeof CreateAgencyInput>;
