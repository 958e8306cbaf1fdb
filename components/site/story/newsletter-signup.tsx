import { siteConfig } from "@/lib/site-config";

// The newsletter call to action placed in a story body.
export function NewsletterSignup() {
  return (
    <aside className="newsletter-signup" aria-label="Newsletter">
      <p className="newsletter-signup-title">Never miss a result</p>
      <p>The day&apos;s biggest sports stories from here and around the world, in your inbox every morning.</p>
      <a className="button" href={siteConfig.newsletterUrl}>
        Sign up to our newsletter
      </a>
    </aside>
  );
}
