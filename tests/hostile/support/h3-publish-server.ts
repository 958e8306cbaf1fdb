// The server that tests/hostile/crash.test.ts kills: a small HTTP server that publishes through
// the same lib function the newsroom's publish action calls (lib/articles/workflow.ts
// publishArticle, with its permission check, version check and single transaction) and answers
// 200 only after that transaction has committed. POST /publish {articleId, expectedVersion}, as
// the user whose id is in x-editor-id. (Starting the whole Next.js server a hundred times would
// take minutes; this is the same write path without the page rendering.)
// Started as a warm standby: it loads, touches the database once, lets go of it, listens, and says
// { ready: true }; { op: "port" } answers where it listens. It writes "start <id>" and "end <id>"
// to stdout around each publish (synchronous on a pipe, so a kill cannot lose a line already
// written): the test learns which publishes a kill interrupted.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { runAction, type ActionResult } from "../../../lib/action-result";
import { publishArticle, type TransitionResult } from "../../../lib/articles/workflow";
import { db } from "../../../lib/db";
import { serveRequests } from "./h3-worker-pool";

async function publishAs(editorId: string, input: unknown): Promise<ActionResult<TransitionResult>> {
  const actor = await db.user.findUnique({ where: { id: editorId }, select: { id: true, role: true, name: true, isDisabled: true } });
  return runAction(() => publishArticle(actor && !actor.isDisabled ? actor : null, input));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function publish(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const input = (await readJson(req)) as { articleId?: unknown };
  process.stdout.write(`start ${String(input.articleId)}\n`);
  const result = await publishAs(String(req.headers["x-editor-id"]), input);
  process.stdout.write(`end ${String(input.articleId)}\n`);
  res.writeHead(result.ok ? 200 : result.status, { "content-type": "application/json" });
  res.end(JSON.stringify(result));
}

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/publish") {
    res.writeHead(404).end();
    return;
  }
  publish(req, res).catch(() => res.writeHead(500).end());
});

async function warmUp(): Promise<void> {
  await db.user.count();
  // Opened again by the first publish, after the previous server's crash, as a restart would.
  await db.$disconnect();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}

serveRequests(async (op) => {
  if (op.op === "port") return (server.address() as AddressInfo).port;
  throw new Error(`unknown op ${String(op.op)}`);
}, warmUp).catch((error) => {
  console.error(error);
  process.exit(1);
});
