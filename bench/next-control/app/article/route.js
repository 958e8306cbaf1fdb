// Prerendered (force-static): `next build` runs GET once and serves the stored bytes afterwards.
import { readFileSync } from "node:fs";
import path from "node:path";

export const dynamic = "force-static";

export function GET() {
  const body = readFileSync(path.join(process.cwd(), "..", "out", "control-page.html"));
  return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } });
}
