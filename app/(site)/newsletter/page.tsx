import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "@/components/site/newsletter/signup-form";
import { SIGNUP_ERRORS, type SignUpErrorCode } from "@/lib/newsletters/form-fields";
import { getOfferedNewsletters } from "@/lib/newsletters/queries";

export const metadata: Metadata = { title: "Newsletters" };

type Props = { searchParams: Promise<{ error?: string | string[]; n?: string | string[] }> };

// The newsletters on offer, each with its sign-up form. A form sent without JavaScript that was
// refused comes back here with `error` (and `n`, the newsletter it was for).
export default async function NewsletterPage({ searchParams }: Props) {
  const { error, n } = await searchParams;
  const problem = typeof error === "string" && Object.hasOwn(SIGNUP_ERRORS, error) ? SIGNUP_ERRORS[error as SignUpErrorCode] : null;
  const newsletters = await getOfferedNewsletters();
  // Shown beside the newsletter the form was for, else above the list.
  const problemFor = problem && newsletters.some((newsletter) => newsletter.id === n) ? n : null;
  return (
    <section className="listing prose">
      <h1 className="listing-title">Newsletters</h1>
      {problem && !problemFor && (
        <p className="newsletter-problem" role="alert" id="sign-up">
          {problem}
        </p>
      )}
      {newsletters.length === 0 ? (
        <p>There are no newsletters to sign up to right now.</p>
      ) : (
        <ul className="newsletter-list">
          {newsletters.map((newsletter) => (
            <li key={newsletter.id} aria-labelledby={`newsletter-${newsletter.id}`}>
              <h2 id={`newsletter-${newsletter.id}`}>{newsletter.name}</h2>
              {newsletter.description && <p>{newsletter.description}</p>}
              {problemFor === newsletter.id && (
                <p className="newsletter-problem" role="alert" id="sign-up">
                  {problem}
                </p>
              )}
              <SignupForm newsletter={newsletter} idPrefix={`newsletter-${newsletter.id}`} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/newsletter/archive">Read past editions</Link>
      </p>
    </section>
  );
}
