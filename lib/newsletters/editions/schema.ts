// What the edition screens may send. Every edit names the edition's version it saw.
import { z } from "zod";
import { idInput, textInput } from "../../text-input";
import { Version } from "../../users/schema";

export const SUBJECT_MAX = 150;
export const INTRO_MAX = 2_000;

const EditionRef = { editionId: idInput(), version: Version };

export const AssembleInput = z.object({ newsletterId: idInput() });
export const EditionTextInput = z.object({
  ...EditionRef,
  // One header line: a line break in a subject could end the header.
  subject: textInput()
    .min(1, "is required")
    .max(SUBJECT_MAX, `is too long (${SUBJECT_MAX} characters at most)`)
    .regex(/^[^\r\n]*$/, "must be one line"),
  intro: textInput().max(INTRO_MAX, `is too long (${INTRO_MAX} characters at most)`),
});
// The story list's buttons send an object, not a form: the version is a number there, never
// converted (true, "1" or [1] would otherwise count as version 1).
const ButtonEditionRef = { editionId: idInput(), version: z.number({ error: "is missing: reload the page" }).int().min(1, "is missing: reload the page") };
export const MoveItemInput = z.object({ ...ButtonEditionRef, articleId: idInput(), direction: z.enum(["up", "down"], { error: "must be up or down" }) });
export const RemoveItemInput = z.object({ ...ButtonEditionRef, articleId: idInput() });
export const ItemInput = z.object({ ...EditionRef, articleId: idInput() });
export const CancelInput = z.object(EditionRef);
