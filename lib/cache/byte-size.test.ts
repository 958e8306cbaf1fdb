import { describe, expect, it } from "vitest";
import { estimateBytes, headerBytes, retainedBytes } from "./byte-size";

describe("estimateBytes", () => {
  it("counts a string by its characters, two bytes each once one is past Latin-1", () => {
    expect(estimateBytes("a".repeat(1000))).toBeGreaterThanOrEqual(1000);
    expect(estimateBytes("a".repeat(1000))).toBeLessThan(1100);
    expect(estimateBytes("€".repeat(1000))).toBeGreaterThanOrEqual(2000);
  });

  it("counts everything an object holds, in arrays, Maps, Sets and buffers", () => {
    const text = () => "x".repeat(10_000);
    expect(estimateBytes({ a: text(), b: [text(), text()] })).toBeGreaterThanOrEqual(30_000);
    expect(estimateBytes(new Map([["k", { body: text() }]]))).toBeGreaterThanOrEqual(10_000);
    expect(estimateBytes(new Set([text(), text() + "y"]))).toBeGreaterThanOrEqual(20_000);
    expect(estimateBytes({ image: Buffer.alloc(50_000) })).toBeGreaterThanOrEqual(50_000);
  });

  it("counts an object referenced twice once, and ends on a cycle", () => {
    const shared = { text: "x".repeat(10_000) };
    const twice = estimateBytes([shared, shared]);
    expect(twice).toBeLessThan(estimateBytes([shared, { text: "x".repeat(10_000) }]));
    expect(twice).toBeLessThan(11_000);
    const node: { name: string; self?: unknown } = { name: "loop" };
    node.self = node;
    expect(estimateBytes(node)).toBeLessThan(200);
  });
});

describe("retainedBytes", () => {
  it("counts the whole backing store a slice keeps alive", () => {
    expect(retainedBytes(Buffer.alloc(100_000).subarray(0, 10))).toBeGreaterThanOrEqual(100_000);
  });

  it("counts a small pooled buffer by its own length, not the shared pool", () => {
    expect(retainedBytes(Buffer.from("abc"))).toBeLessThan(Buffer.poolSize);
  });
});

describe("headerBytes", () => {
  it("counts every header name and value", () => {
    const csp = "default-src 'self'; ".repeat(100);
    expect(headerBytes({ "content-security-policy": csp, "set-cookie": ["a=1", "b=2"] })).toBeGreaterThan(csp.length + "content-security-policy".length);
  });
});
