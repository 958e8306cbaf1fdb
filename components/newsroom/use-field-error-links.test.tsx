// @vitest-environment happy-dom
// A refused send marks the fields it names (aria-invalid, aria-describedby to the field's own
// message) and leaves the rest alone; the next send puts every field back as it was.
import { act, useCallback, useRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { namedControl, useFieldErrorLinks } from "./use-field-error-links";
import { fieldErrorsOf } from "@/lib/field-errors";

function Form({ errors }: { errors: Record<string, string> }) {
  const ref = useRef<HTMLFormElement>(null);
  const find = useCallback((name: string) => namedControl(ref, name), []);
  useFieldErrorLinks(Object.fromEntries(Object.keys(errors).map((name) => [name, `problem-${name}`])), find);
  return (
    <form ref={ref}>
      <input type="hidden" name="version" defaultValue="3" />
      <input name="name" aria-describedby="name-hint" />
      <select name="role" defaultValue="EDITOR">
        <option value="EDITOR">Editor</option>
      </select>
      <textarea name="bio" />
    </form>
  );
}

let root: Root | null = null;
const container = () => document.body;
const control = (name: string) => container().querySelector(`[name="${name}"]`)!;

async function render(errors: Record<string, string>) {
  root ??= createRoot(container().appendChild(document.createElement("div")));
  await act(async () => root!.render(<Form errors={errors} />));
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

describe("field problems of a refused send", () => {
  it("mark the named controls and point each at its message, keeping a description they had", async () => {
    await render({ name: "must be at most 60 characters", role: "is not a role", version: "stale" });
    expect(control("name").getAttribute("aria-invalid")).toBe("true");
    expect(control("name").getAttribute("aria-describedby")).toBe("problem-name name-hint");
    expect(control("role").getAttribute("aria-describedby")).toBe("problem-role");
    expect(control("bio").hasAttribute("aria-invalid")).toBe(false);
    expect(control("version").hasAttribute("aria-invalid")).toBe(false);
  });

  it("are taken back when the next send has none", async () => {
    await render({ name: "must be at most 60 characters" });
    await render({});
    expect(control("name").hasAttribute("aria-invalid")).toBe(false);
    expect(control("name").getAttribute("aria-describedby")).toBe("name-hint");
  });

  it("come from a zod refusal's fields or from an error naming its field", () => {
    expect(fieldErrorsOf({ message: "Please fix: name: too long", details: { problems: ["name: too long"], fields: { name: "too long" } } })).toEqual({ name: "too long" });
    expect(fieldErrorsOf({ message: "That address is taken.", details: { field: "slug" } })).toEqual({ slug: "That address is taken." });
    expect(fieldErrorsOf({ message: "Someone saved first." })).toEqual({});
  });
});
