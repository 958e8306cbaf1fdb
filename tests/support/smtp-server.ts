// A real SMTP server for the newsletter tests (the `smtp-server` package on 127.0.0.1, a free
// port): it records every message it accepts, parsed as a mail client would (`mailparser`), and
// can be told to refuse some recipients permanently (550) or for a while (451).
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { findFreePort } from "../../scripts/process-group";

export type ReceivedMail = {
  // The envelope, as the server saw it.
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
  // Header lookup by lower-case name (first value, as text).
  header: (name: string) => string | undefined;
};

export type TestSmtp = {
  url: string;
  port: number;
  received: ReceivedMail[];
  // Messages whose envelope names this address.
  to: (address: string) => ReceivedMail[];
  // Resolves with the first message to `address` that arrives (or has arrived) within timeoutMs.
  waitFor: (address: string, timeoutMs?: number, predicate?: (mail: ReceivedMail) => boolean) => Promise<ReceivedMail>;
  // "permanent": 550 for that recipient; "temporary": 451 the next `times` attempts (default 1).
  // Resolves as soon as `count` messages in all have arrived (checked at each arrival).
  waitForCount: (count: number, timeoutMs?: number) => Promise<void>;
  refuse: (address: string, kind: "permanent" | "temporary", times?: number) => void;
  clear: () => void;
  stop: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const permanent = new Set<string>();
  const temporary = new Map<string, number>();
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (permanent.has(to)) return callback(Object.assign(new Error(`5.1.1 <${to}>: no such user`), { responseCode: 550 }));
      const left = temporary.get(to) ?? 0;
      if (left > 0) {
        temporary.set(to, left - 1);
        return callback(Object.assign(new Error("4.7.1 try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              raw,
              parsed,
              header: (name) => {
                const value = parsed.headerLines.find((line) => line.key === name.toLowerCase());
                return value ? value.line.slice(value.line.indexOf(":") + 1).trim() : undefined;
              },
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  const port = await findFreePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  const to = (address: string) => received.filter((mail) => mail.to.includes(address.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    to,
    waitFor(address, timeoutMs = 10_000, predicate = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = to(address).find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no message to ${address} within ${timeoutMs} ms (${received.length} received in all)`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    waitForCount(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`${received.length} of ${count} messages arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        wake();
      });
    },
    refuse(address, kind, times = 1) {
      const key = address.toLowerCase();
      if (kind === "permanent") permanent.add(key);
      else temporary.set(key, times);
    },
    clear() {
      received.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
