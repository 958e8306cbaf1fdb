import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { notifyServer } from "./internal-refresh-client";
import { acceptRefreshSignature, REFRESH_PATH, SIGNATURE_HEADER } from "./internal-refresh";

let server: Server | null = null;
let received: { path: string; ids: string[]; accepted: boolean }[];

// A stand-in for the server's refresh route: checks each notice's signature as the route does.
async function listen(status?: number): Promise<{ PRESSBOX_URL: string }> {
  server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const accepted = await acceptRefreshSignature(body, String(request.headers[SIGNATURE_HEADER] ?? ""));
    received.push({ path: request.url ?? "", ids: (JSON.parse(body) as { articleIds: string[] }).articleIds, accepted });
    response.writeHead(status ?? (accepted ? 200 : 403)).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { PRESSBOX_URL: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
}

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", "internal-refresh-client-unit-secret");
  received = [];
});

// The unit files share one worker (vitest.config.mts): leave the environment as it was found.
afterAll(() => {
  vi.unstubAllEnvs();
});

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe("the refresh notice sender", () => {
  it("sends the stories in signed notices the server accepts, at most 500 a notice", async () => {
    const env = await listen();
    const ids = Array.from({ length: 620 }, (_, i) => `article-${i}`);
    const lines: string[] = [];
    expect(await notifyServer(ids, (line) => lines.push(line), env)).toBe(true);
    expect(received.map((notice) => [notice.path, notice.ids.length, notice.accepted])).toEqual([
      [REFRESH_PATH, 500, true],
      [REFRESH_PATH, 120, true],
    ]);
    expect(received.flatMap((notice) => notice.ids)).toEqual(ids);
    expect(lines).toEqual([`told the server at ${env.PRESSBOX_URL}${REFRESH_PATH} to refresh`]);
  });

  it("reports a refusal, or no server at all, without throwing", async () => {
    const env = await listen(403);
    const lines: string[] = [];
    expect(await notifyServer(["a1"], (line) => lines.push(line), env)).toBe(false);
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    expect(await notifyServer(["a1"], (line) => lines.push(line), env)).toBe(false);
    expect(lines).toEqual([`the server at ${env.PRESSBOX_URL}${REFRESH_PATH} answered 403`, `no server answered at ${env.PRESSBOX_URL}${REFRESH_PATH}; its cached pages expire within PAGE_CACHE_TTL_SECONDS`]);
  });
});
