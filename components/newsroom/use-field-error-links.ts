import { useEffect, type RefObject } from "react";

// Ties each field a refused send names to its message: the control (found by its name in the
// form, whatever component rendered it) gets aria-invalid and aria-describedby pointing at the
// message's element; both are put back as they were on the next send. Done on the form's own
// controls so that every form bound to an action gets it, without each field opting in.
// A name that matches no control (a hidden version field) stays in the form's alert only.
export function useFieldErrorLinks(formRef: RefObject<HTMLFormElement | null>, errors: Record<string, string>, messageId: (name: string) => string): void {
  const key = Object.keys(errors).join("\n");
  useEffect(() => {
    const form = formRef.current;
    if (!form || !key) return;
    const undo = key.split("\n").flatMap((name) => {
      const control = controlOf(form, name);
      return control ? [markInvalid(control, messageId(name))] : [];
    });
    return () => undo.forEach((restore) => restore());
  }, [formRef, key, messageId]);
}

function controlOf(form: HTMLFormElement, name: string): HTMLElement | null {
  const found = form.elements.namedItem(name);
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
