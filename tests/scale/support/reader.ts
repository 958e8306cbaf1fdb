// What a reader (or a sign-in form) gets from one address: the cluster test's requests.

// varnishHit: Varnish answered from its store (X-Cache from the shipped VCL, or Age > 0);
// pageCacheHit: the instance answered from its page cache (x-pressbox-cache), which Varnish passes
// on when it fetched the page.
export type Answer = { status: number; text: string; cache: string; varnishHit: boolean; pageCacheHit: boolean };

// A GET as a browser without cookies sends it.
export async function answers(baseUrl: string, pagePath: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}${pagePath}`, { redirect: "manual" });
  const text = await response.text();
  const xCache = response.headers.get("x-cache");
  const age = Number(response.headers.get("age") ?? 0);
  const pressbox = response.headers.get("x-pressbox-cache");
  return {
    status: response.status,
    text,
    cache: `x-cache ${xCache ?? "-"}, age ${age}, x-pressbox-cache ${pressbox ?? "-"}`,
    varnishHit: /\bhit\b/i.test(xCache ?? "") || age > 0,
    pageCacheHit: pressbox === "hit",
  };
}

export function showsStory(answer: Answer, headline: string): boolean {
  return answer.status === 200 && answer.text.includes(headline);
}

// The sign-in form posted to next-auth's credentials callback: signed in (a session cookie),
// refused (wrong password) or throttled (the sign-in page is given ?error=TooManyAttempts).
export async function signIn(baseUrl: string, email: string, password: string): Promise<"signed in" | "refused" | "throttled"> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookie = /next-auth\.csrf-token=([^;]+)/.exec(csrf.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: `next-auth.csrf-token=${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/newsroom` }),
  });
  await response.arrayBuffer();
  if (/next-auth\.session-token=[^;]+/.test(response.headers.get("set-cookie") ?? "")) return "signed in";
  const location = decodeURIComponent(response.headers.get("location") ?? "");
  if (location.includes("TooManyAttempts")) return "throttled";
  if (response.status >= 300 && response.status < 400 && /error=/.test(location)) return "refused";
  throw new Error(`sign-in at ${baseUrl} answered ${response.status} ${location}`);
}
