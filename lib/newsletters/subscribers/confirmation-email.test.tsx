import { describe, expect, it } from "vitest";
import { renderConfirmationEmail } from "./confirmation-email";

const link = "https://sport.example.org/newsletter/confirm?token=abc.def";

describe("the confirmation email", () => {
  it("has an HTML and a plain-text part, both with the link", async () => {
    const mail = await renderConfirmationEmail({ siteName: "Pressbox Sport", newsletterName: "Morning briefing", link, isAlreadySubscribed: false });
    expect(mail.subject).toBe("Confirm your subscription to Morning briefing");
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain(link);
    expect(mail.text).toMatch(/stops working after 48 hours/);
  });

  it("tells a subscriber who already gets it so, with their preferences link instead", async () => {
    const mail = await renderConfirmationEmail({ siteName: "Pressbox Sport", newsletterName: "Morning briefing", link: "https://x.example/newsletter/preferences?token=t", isAlreadySubscribed: true });
    expect(mail.subject).toBe("You already get Morning briefing");
    expect(mail.text).toContain("You are already subscribed");
  });

  it("escapes a newsletter name that looks like markup", async () => {
    const mail = await renderConfirmationEmail({ siteName: "S", newsletterName: "<script>alert(1)</script>", link, isAlreadySubscribed: false });
    expect(mail.html).not.toContain("<script>alert(1)</script>");
  });
});
