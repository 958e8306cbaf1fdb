// What the send panel may send.
import { z } from "zod";
import { RecordId, Version } from "../../users/schema";

export const QueueEditionInput = z.object({ editionId: RecordId, version: Version });
export const ScheduleEditionInput = QueueEditionInput.extend({ at: z.coerce.date({ error: "is not a date and time" }) });
export const EditionIdInput = z.object({ editionId: RecordId });
