// Exactly once, with real processes: `npm run newsletters:send` (scripts/send-newsletters.ts, run
// with tsx) against this run's database and a test SMTP server. One is SIGKILLed after some
// messages have arrived and started again: every subscriber has the edition exactly once. Two run
// at once on one queue: together they send each message once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { queueEdition } from "../../lib/newsletters/sending/queue";
import { UNCERTAIN } from "../../lib/newsletters/sending/claim";
import type { Actor } from "../../lib/permissions";
import { createSendableEdition } from "../fixtures/newsletter-edition";
import { createStaff } from "../fixtures/staff";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

const LEASE_SECONDS = 2;
let smtp: TestSmtp;
let editor: Actor;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ||= "newsletter-crash-test-secret";
  smtp = await startTestSmtp();
  // Queueing (in this process) checks that email is configured; only the children send.
  process.env.SMTP_URL = smtp.url;
  editor = await createStaff("EDITOR", "Crash editor");
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  delete process.env.SMTP_URL;
  await smtp.stop();
});

beforeEach(() => smtp.clear());

type Sender = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

// Slow on purpose (10 a second, one at a time, small batches), so a kill lands between messages
// as it would in a real send, with the message under way the only one in doubt.
function startSender(rate: number): Sender {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/send-newsletters.ts"], {
    env: {
      ...process.env,
      SMTP_URL: smtp.url,
      NEWSLETTER_SEND_RATE: String(rate),
      NEWSLETTER_SEND_CONCURRENCY: "1",
      NEWSLETTER_SEND_BATCH: "5",
      NEWSLETTER_SEND_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => (children.delete(child), resolve(code))));
  return { child, exited, output: () => output };
}

function expectEachOnce(addresses: string[]): void {
  expect(smtp.received).toHaveLength(addresses.length);
  for (const address of addresses) expect(smtp.to(address), address).toHaveLength(1);
}

describe("sending with real sender processes", () => {
  it("a sender killed mid-send and started again leaves every subscriber with exactly one copy", async () => {
    const subscribers = 40;
    const edition = await createSendableEdition(subscribers);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const first = startSender(10);
    // The kill waits for a count of messages, not for one address: the queue sends in delivery-id
    // order, which need not be the fixture's, and waiting for `confirmed[0]` once let all 40 go out
    // before the kill (CI emulation of 2026-12-07).
    await smtp.waitForCount(10, 60_000).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${first.output()}`)));
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = smtp.received.length;
    expect(atKill).toBeLessThan(subscribers);
    // The killed sender's claims and its message under way lapse after the lease.
    await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 500));
    const second = startSender(10);
    expect(await second.exited, second.output()).toBe(0);
    expectEachOnce(edition.confirmed);
    const rows = await db.delivery.groupBy({ by: ["status", "lastError"], where: { editionId: edition.editionId }, _count: { _all: true } });
    const count = (status: string, lastError: string | null = null) => rows.find((row) => row.status === status && row.lastError === lastError)?._count._all ?? 0;
    // The one message the kill may have caught inside its SMTP transaction is settled, not resent.
    expect(count("FAILED", UNCERTAIN)).toBeLessThanOrEqual(1);
    expect(count("SENT") + count("FAILED", UNCERTAIN)).toBe(subscribers);
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).toMatchObject({ status: "SENT" });
  }, 90_000);

  it("a sender told to stop (SIGTERM) finishes the message under way and hands back the rest at once", async () => {
    const edition = await createSendableEdition(30);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const sender = startSender(10);
    // As above: a count of messages, not one address, says the send is under way.
    await smtp.waitForCount(5, 60_000).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${sender.output()}`)));
    sender.child.kill("SIGTERM");
    expect(await sender.exited, sender.output()).toBe(0);
    const sent = smtp.received.length;
    expect(sent).toBeLessThan(30);
    const rows = await db.delivery.findMany({ where: { editionId: edition.editionId }, select: { status: true, leaseUntil: true } });
    expect(rows.filter((row) => row.status === "SENT")).toHaveLength(sent);
    expect(rows.filter((row) => row.status === "SENDING")).toHaveLength(0);
    // Handed back: the next sender takes them without waiting out a lease.
    expect(rows.filter((row) => row.status === "QUEUED" && row.leaseUntil !== null)).toHaveLength(0);
    const next = startSender(100);
    expect(await next.exited, next.output()).toBe(0);
    expectEachOnce(edition.confirmed);
  }, 90_000);

  it("two senders on one queue at once send each message once between them", async () => {
    const edition = await createSendableEdition(40);
    await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const senders = [startSender(40), startSender(40)];
    const codes = await Promise.all(senders.map((sender) => sender.exited));
    expect(codes, senders.map((sender) => sender.output()).join("\n")).toEqual([0, 0]);
    expectEachOnce(edition.confirmed);
    const reported = senders.map((sender) => Number(/sent (\d+);/.exec(sender.output())?.[1] ?? NaN));
    expect(reported[0] + reported[1]).toBe(40);
    expect(await db.delivery.count({ where: { editionId: edition.editionId, status: "SENT" } })).toBe(40);
  }, 90_000);
});
