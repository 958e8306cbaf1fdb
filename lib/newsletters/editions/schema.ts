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
export const MoveItemInput = z.object({ ...EditionRef, articleId: idInput(), direction: z.enum(["up", "down"], { error: "must be up or down" }) });
export const ItemInput = z.object({ ...EditionRef, articleId: idInput() });
export const CancelInput = z.object(EditionRef);
