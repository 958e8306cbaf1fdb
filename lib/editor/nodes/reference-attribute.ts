// Custom nodes point at database records by id. An id attribute round-trips through a data-*
// attribute so pasted editor HTML keeps its references, and is checked by lib/editor/validate.ts.
export const RECORD_ID = /^[a-z0-9]{20,32}$/;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

// Tiptap hands renderHTML the node's whole attribute set, so each attribute reads its own name.
export function referenceAttribute(name: string, dataName: string) {
  return {
    default: null as string | null,
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${dataName}`);
      return isRecordId(value) ? value : null;
    },
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[name];
      return isRecordId(value) ? { [`data-${dataName}`]: value } : {};
    },
  };
}
