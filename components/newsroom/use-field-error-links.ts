import { useEffect, type RefObject } from "react";

// Ties each field a refusal names to the message about it: the control gets aria-invalid and
// aria-describedby pointing at the message's element; both are put back as they were when the
// refusal goes (the next send, a new notice). Done on the page's own controls, found by `find`,
// so that every form gets it without each field opting in.
// `messageIds`: field name → id of the element holding its message. A field `find` does not
// turn up (a hidden version field) is left to the refusal's alert.
export function useFieldErrorLinks(messageIds: Record<string, string>, find: (name: string) => HTMLElement | null): void {
  const key = JSON.stringify(messageIds);
  useEffect(() => {
    const undo = Object.entries(JSON.parse(key) as Record<string, string>).flatMap(([name, messageId]) => {
      const control = find(name);
      return control ? [markInvalid(control, messageId)] : [];
    });
    return () => undo.forEach((restore) => restore());
  }, [key, find]);
}

// The control named `name` in a form (the first of a radio group), unless it is hidden.
export function namedControl(form: RefObject<HTMLFormElement | null>, name: string): HTMLElement | null {
  const found = form.current?.elements.namedItem(name);
  const control = found && "length" in found && !(found instanceof HTMLSelectElement) ? (found as RadioNodeList)[0] : found;
  return control instanceof HTMLElement && control.getAttribute("type") !== "hidden" ? control : null;
}

function markInvalid(control: HTMLElement, messageId: string): () => void {
  const before = { invalid: control.getAttribute("aria-invalid"), describedBy: control.getAttribute("aria-describedby") };
  control.setAttribute("aria-invalid", "true");
  control.setAttribute("aria-describedby", [messageId, before.describedBy].filter(Boolean).join(" "));
  return () => {
    for (const [attribute, value] of [
      ["aria-invalid", before.invalid],
      ["aria-describedby", before.describedBy],
    ] as const) {
      if (value === null) control.removeAttribute(attribute);
      else control.setAttribute(attribute, value);
    }
  };
}
