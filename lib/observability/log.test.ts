import { describe, expect, it } from "vitest";
import { consoleArguments, currentRequestId, enterRequestContext, formatLine, logFormat } from "./log";

const at = new Date("2026-12-07T05:00:00.000Z");

describe("log lines", () => {
  it("are JSON in production unless LOG_FORMAT says otherwise, text elsewhere", () => {
    expect(logFormat({ NODE_ENV: "production" })).toBe("json");
    expect(logFormat({ NODE_ENV: "production", LOG_FORMAT: "text" })).toBe("text");
    expect(logFormat({ NODE_ENV: "development" })).toBe("text");
    expect(logFormat({ NODE_ENV: "development", LOG_FORMAT: " JSON " })).toBe("json");
    expect(logFormat({ LOG_FORMAT: "yaml" })).toBe("text");
  });

  it("in JSON hold time, level, msg, the request id and the fields, which cannot overwrite the first four", async () => {
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        enterRequestContext("req-1");
        const line = JSON.parse(formatLine("info", "GET / 200", { status: 200, level: "forged", note: undefined }, "json", at));
        expect(line).toEqual({ time: "2026-12-07T05:00:00.000Z", level: "info", msg: "GET / 200", requestId: "req-1", status: 200 });
        resolve();
      }),
    );
  });

  it("name the request given in the fields over the context's", () => {
    expect(JSON.parse(formatLine("info", "GET / 200", { requestId: "given" }, "json", at))).toMatchObject({ requestId: "given" });
  });

  it("keep one request's id to that request", async () => {
    const seen = await Promise.all(
      ["a", "b"].map(
        (id) =>
          new Promise<string | undefined>((resolve) =>
            setImmediate(() => {
              enterRequestContext(id);
              setTimeout(() => resolve(currentRequestId()), id === "a" ? 20 : 0);
            }),
          ),
      ),
    );
    expect(seen).toEqual(["a", "b"]);
  });

  it("keep a message with a newline on one JSON line, and put an Error's stack in the error field", () => {
    const error = new Error("disk full");
    const { msg, fields } = consoleArguments(["Pressbox: request failed\nsecond line", error]);
    const text = formatLine("error", msg, fields, "json", at);
    expect(text.split("\n")).toHaveLength(1);
    const line = JSON.parse(text);
    expect(line.msg).toBe("Pressbox: request failed\nsecond line");
    expect(line.error).toMatch(/^Error: disk full\n\s+at /);
  });

  it("in text read like the console did, with the level when it is not info", () => {
    expect(formatLine("info", "published 2", {}, "text", at)).toBe("published 2");
    expect(formatLine("warn", "kept", { id: "x1", ms: 3 }, "text", at)).toBe("WARN kept id=x1 ms=3");
    expect(consoleArguments(["%d stories", 3])).toEqual({ msg: "3 stories", fields: {} });
  });
});
