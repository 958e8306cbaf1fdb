import type { Metadata } from "next";
import Link from "next/link";
import { isEmailConfigured } from "@/lib/newsletters/mailer";
import { newsletterById } from "@/lib/newsletters/queries";
import { signUpMessage } from "@/lib/newsletters/subscribers/sign-up";
import { isRecordId } from "@/lib/editor/record-id";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

type Props = { searchParams: Promise<{ n?: string | string[] }> };

// Where a sign-up sent without JavaScript lands: the same words the inline answer shows, for
// every address.
export default async function NewsletterThanksPage({ searchParams }: Props) {
  const { n } = await searchParams;
  const newsletter = isRecordId(n) ? await newsletterById(n) : null;
  return (
    <section className="listing prose">
      <h1 className="listing-title">Thank you</h1>
      <p role="status">{signUpMessage({ name: newsletter?.name ?? "our newsletter" }, isEmailConfigured())}</p>
      <p>
        <Link href="/">Back to the front page</Link>
      </p>
    </section>
  );
}
