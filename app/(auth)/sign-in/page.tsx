import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type SearchParams = { callbackUrl?: string | string[]; error?: string | string[]; signedOut?: string | string[] };
type Props = { searchParams: Promise<SearchParams> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl), (await headers()).get("host"));
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <section className="auth-card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      <p className="auth-lead">For newsroom staff. Readers do not need an account.</p>
      {first(params.signedOut) && (
        <p className="auth-notice" role="status">
          You have signed out.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(first(params.error))} />
    </section>
  );
}
