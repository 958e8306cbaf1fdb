import { describe, expect, it, vi } from "vitest";
import { InProcessLiveBus } from "./bus";

describe("the in-process live bus", () => {
  it("tells each listener of a story, and only of that story, until it stops listening", () => {
    const bus = new InProcessLiveBus();
    const heard: string[] = [];
    const stopA = bus.subscribe("a", (seq) => heard.push(`a1:${seq}`));
    bus.subscribe("a", (seq) => heard.push(`a2:${seq}`));
    bus.subscribe("b", (seq) => heard.push(`b:${seq}`));
    bus.publish("a", 7);
    stopA();
    bus.publish("a", 8);
    expect(heard).toEqual(["a1:7", "a2:7", "a2:8"]);
    expect(bus.listenerCount("a")).toBe(1);
  });

  it("keeps telling the others when one listener throws, and forgets a story nobody follows", () => {
    const bus = new InProcessLiveBus();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const heard: number[] = [];
    const stopBroken = bus.subscribe("a", () => {
      throw new Error("broken");
    });
    const stopGood = bus.subscribe("a", (seq) => heard.push(seq));
    expect(() => bus.publish("a", 3)).not.toThrow();
    expect(heard).toEqual([3]);
    stopBroken();
    stopGood();
    expect(bus.listenerCount("a")).toBe(0);
    error.mockRestore();
  });
});
