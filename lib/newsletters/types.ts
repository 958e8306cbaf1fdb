// What the parts of lib/newsletters/ hand each other: an edition's email is composed once per
// edition (editions/compose.ts loads the stories and renders the shared parts) and then per
// recipient (their own unsubscribe and preferences links), which the sender (sending/) calls for
// each delivery.

export type EmailRecipient = {
  subscriberId: string;
  email: string;
  // The preferences page (signed link).
  manageUrl: string;
  // The unsubscribe page linked from the body.
  unsubscribeUrl: string;
  // The RFC 8058 List-Unsubscribe target (POST "List-Unsubscribe=One-Click").
  oneClickUnsubscribeUrl: string;
};

export type ComposedEmail = { subject: string; html: string; text: string };

export type EditionSender = { newsletterId: string; slug: string; name: string; senderName: string; senderAddress: string };

export type PreparedEdition = {
  editionId: string;
  newsletter: EditionSender;
  compose: (recipient: EmailRecipient) => ComposedEmail;
};
