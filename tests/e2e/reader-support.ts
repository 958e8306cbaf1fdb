// What the reader-site e2e tests share: telling the running server that stories changed (as the
// cron job does: a signed notice to /api/internal/refresh), and reading pages as text.
import { expect } from "vitest";
import { REFRESH_PATH, signRefresh, SIGNATURE_HEADER } from "@/lib/internal-refresh";
import { urlFor } from "./harness";

// The secret tests/setup/next-server.ts gives the server.
const SERVER_SECRET = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";

// Writes made by the test process do not reach the server's in-process cache by themselves.
export async function notifyServer(articleIds: string[]): Promise<void> {
  const body = JSON.stringify({ articleIds });
  const response = await fetch(urlFor(REFRESH_PATH), {
    method: "POST",
    body,
    headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signRefresh(body, SERVER_SECRET) },
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

export async function getText(pathname: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(urlFor(pathname), { redirect: "manual" });
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") ?? "" };
}
