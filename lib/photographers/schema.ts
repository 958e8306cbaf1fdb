// What the photographer forms may send.
import { z } from "zod";
import { PersonName, RecordId, Version } from "../users/schema";

export const CreatePhotographerInput = z.object({
  name: PersonName,
  // "" from the form's "no agency" option: a freelancer credited by name.
  agencyId: z.preprocess((value) => (value === "" || value === undefined ? null : value), RecordId.nullable()),
});

export const UpdatePhotographerInput = CreatePhotographerInput.extend({ id: RecordId, version: Version });
