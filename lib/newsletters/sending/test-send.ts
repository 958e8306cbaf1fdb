// "Send a test to me": the composed edition, to the signed-in staff member's own address, marked
// [Test] in the subject. Not a delivery: the queue, the counts and the subscribers are untouched.
// Its links are made for a subscriber that does not exist, so they lead nowhere harmful.
import "server-only";
import { recordAudit } from "../../audit/record";
import { notFound, type WriteContext } from "../../concurrency";
import { db } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { prepareEdition } from "../editions/compose";
import { isEmailConfigured, MailSendError, sendMail } from "../mailer";
import { editionMail, mailProblem, recipientOf } from "./message";
import { EMAIL_NOT_CONFIGURED } from "./queue";
import { EditionIdInput } from "./schema";

export async function sendTestEdition(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ to: string }> {
  assertCan(actor, "edition.send");
  const { editionId } = EditionIdInput.parse(input);
  if (!isEmailConfigured()) throw new AppError("CONFLICT", EMAIL_NOT_CONFIGURED);
  const [user, exists] = await Promise.all([db.user.findUnique({ where: { id: actor.id }, select: { email: true } }), db.edition.count({ where: { id: editionId } })]);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in again to send a test.");
  if (!exists) throw notFound("That edition");
  const edition = await prepareEdition(editionId);
  const recipient = recipientOf({ id: `test-${actor.id}`, email: user.email, tokenVersion: 0 }, edition.newsletter.newsletterId);
  const mail = editionMail(edition, recipient, { subjectPrefix: "[Test] " });
  const problem = mailProblem(mail);
  if (problem) throw new AppError("INVALID", `The test was not sent: ${problem}`);
  try {
    await sendMail(mail);
  } catch (error) {
    if (!(error instanceof MailSendError)) throw error;
    throw new AppError("CONFLICT", `The mail server did not take the test (${error.kind === "permanent" ? "it refused your address" : "try again in a moment"}): ${error.message}`);
  }
  await db.$transaction((tx) => recordAudit(tx, { actorId: actor.id, action: "edition.test-send", entityType: "Edition", entityId: editionId, details: { to: user.email }, ip: context.ip }));
  return { to: user.email };
}
