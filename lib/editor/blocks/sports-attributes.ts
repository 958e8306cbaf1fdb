// Attributes the sports blocks (score box, results, standings, medal table, fixtures) share: a
// whole number or a choice among words, round-tripped through data-* attributes like a record id.
// A value outside its range reads as the default, so pasted HTML never carries one in.
import type { PublishProblem } from "../../articles/publish/publish-problems";
import { atomNode, mayHaveRecordId, type BlockAttrs, type GateInput } from "./block";

export function wholeNumberAttribute(name: string, dataName: string, fallback: number, min: number, max: number) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => {
      const text = element.getAttribute(`data-${dataName}`) ?? "";
      const value = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
      return value >= min && value <= max ? value : fallback;
    },
    renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${dataName}`]: String(attributes[name] ?? fallback) }),
  };
}

export function choiceAttribute<T extends string>(name: string, dataName: string, choices: readonly T[]) {
  return {
    default: choices[0],
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${dataName}`) as T;
      return choices.includes(value) ? value : choices[0];
    },
    renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${dataName}`]: String(attributes[name] ?? choices[0]) }),
  };
}

export function booleanAttribute(name: string, dataName: string, fallback: boolean) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => {
      const value = element.getAttribute(`data-${dataName}`);
      return value === "true" ? true : value === "false" ? false : fallback;
    },
    renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${dataName}`]: String(attributes[name] ?? fallback) }),
  };
}

// An atom block pointing at one sports record by `idAttr`, with extra plain attributes.
export function sportsNode(name: string, idAttr: string, idData: string, extra: Record<string, object> = {}) {
  return atomNode(name, "div", { [idAttr]: idData }).extend({
    addAttributes() {
      return { ...this.parent?.(), ...extra };
    },
  });
}

export function wholeNumberProblem(attrs: BlockAttrs, name: string, min: number, max: number, label: string): string[] {
  const value = attrs[name];
  if (value == null) return [];
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? [] : [`${label} must be a whole number from ${min} to ${max}`];
}

export function choiceProblem(attrs: BlockAttrs, name: string, choices: readonly string[], label: string): string[] {
  const value = attrs[name];
  return value == null || choices.includes(value as string) ? [] : [`${label} must be one of ${choices.join(", ")}`];
}

export function booleanProblem(attrs: BlockAttrs, name: string, label: string): string[] {
  const value = attrs[name];
  return value == null || typeof value === "boolean" ? [] : [`${label} must be true or false`];
}

export function recordProblem(attrs: BlockAttrs, type: string, idAttr: string): string[] {
  return mayHaveRecordId(attrs, idAttr, `"${type}" needs a valid ${idAttr}`);
}

// A draft may hold the block before its record is chosen; publishing refuses it.
export function unchosenGate(type: string, idAttr: string, message: string) {
  return ({ nodes }: GateInput): PublishProblem[] => (nodes.some((node) => typeof node.attrs?.[idAttr] !== "string") ? [{ message, target: { kind: "block", type, attr: idAttr, value: null } }] : []);
}
