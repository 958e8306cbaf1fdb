// Structured logs for the production server and the scheduler. LOG_FORMAT=json writes one JSON
// object a line ({ time, level, msg, requestId, ...fields }) for log collectors; LOG_FORMAT=text
// writes readable lines. Unset, production (NODE_ENV=production, as `npm start` and the test
// servers run) means json and anything else text. LOG_LEVEL (debug | info | warn | error, default
// info) hides the levels below it. The request id comes from the request being handled
// (lib/observability/request.ts), so a line written while rendering a page names its request.
// Kept on globalThis: the server script and the Next.js bundle load this module separately in one
// process, and must share the request context and the console they write through.
import { AsyncLocalStorage } from "node:async_hooks";
import { format, inspect } from "node:util";

export type Level = "debug" | "info" | "warn" | "error";
export type Fields = Record<string, unknown>;
type LogContext = { requestId: string };

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

declare global {
  var pressboxLogContext: AsyncLocalStorage<LogContext> | undefined;
  var pressboxConsoleRouted: boolean | undefined;
}
const context = (globalThis.pressboxLogContext ??= new AsyncLocalStorage<LogContext>());

export function logFormat(env: Record<string, string | undefined> = process.env): "json" | "text" {
  const chosen = env.LOG_FORMAT?.trim().toLowerCase();
  if (chosen === "json" || chosen === "text") return chosen;
  return env.NODE_ENV === "production" ? "json" : "text";
}

function minimumLevel(env: Record<string, string | undefined> = process.env): number {
  const chosen = env.LOG_LEVEL?.trim().toLowerCase() as Level | undefined;
  return LEVELS[chosen && chosen in LEVELS ? chosen : "info"];
}

// The rest of this request's handling (and everything it starts) logs with this id.
export function enterRequestContext(requestId: string): void {
  context.enterWith({ requestId });
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

// An Error as a field: its stack, which already starts with its message.
function plain(value: unknown): unknown {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return value;
}

export function formatLine(level: Level, msg: string, fields: Fields, logFormatName: "json" | "text", now: Date = new Date()): string {
  // Given explicitly where the context may be gone (a response's close event runs in its socket's).
  const requestId = typeof fields.requestId === "string" ? fields.requestId : currentRequestId();
  const entries = Object.entries(fields).filter(([name, value]) => value !== undefined && name !== "requestId");
  if (logFormatName === "json") {
    const line: Fields = { time: now.toISOString(), level, msg, ...(requestId ? { requestId } : {}) };
    // A field never overwrites the four every line has.
    for (const [name, value] of entries) if (!(name in line)) line[name] = plain(value);
    return JSON.stringify(line);
  }
  const prefix = level === "info" ? "" : `${level.toUpperCase()} `;
  const extra = entries.map(([name, value]) => {
    const shown = plain(value);
    return typeof shown === "string" && shown.includes("\n") ? `\n${shown}` : ` ${name}=${typeof shown === "string" ? shown : inspect(shown, { breakLength: Infinity })}`;
  });
  return `${prefix}${msg}${requestId ? ` [${requestId}]` : ""}${extra.join("")}`;
}

function write(level: Level, msg: string, fields: Fields = {}): void {
  if (LEVELS[level] < minimumLevel()) return;
  const stream = level === "warn" || level === "error" ? process.stderr : process.stdout;
  stream.write(`${formatLine(level, msg, fields, logFormat())}\n`);
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};

// console.log("could not", error) as a message and fields: the Errors among the arguments become
// the `error` field (with their stacks), the rest is the message, formatted as console would.
export function consoleArguments(args: unknown[]): { msg: string; fields: Fields } {
  const errors = args.filter((arg) => arg instanceof Error);
  const rest = args.filter((arg) => !(arg instanceof Error));
  const msg = rest.length ? format(...rest) : errors.length ? (errors[0] as Error).message : "";
  if (errors.length === 0) return { msg, fields: {} };
  return { msg, fields: { error: errors.length === 1 ? errors[0] : errors.map(plain).join("\n") } };
}

// The production server's own console (and so Next.js's, the scheduler's and the app's console
// calls in that process) writes through this log, in its format and with the request id.
export function routeConsoleThroughLog(): void {
  if (globalThis.pressboxConsoleRouted) return;
  globalThis.pressboxConsoleRouted = true;
  const through =
    (level: Level) =>
    (...args: unknown[]) => {
      const { msg, fields } = consoleArguments(args);
      write(level, msg, fields);
    };
  console.debug = through("debug");
  console.log = through("info");
  console.info = through("info");
  console.warn = through("warn");
  console.error = through("error");
}
