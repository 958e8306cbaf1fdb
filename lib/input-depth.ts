// How deeply a value from outside nests, measured without recursion (an explicit stack), so a
// hostile body nested 10,000 levels is refused with a message before anything recursive walks it:
// JSON.stringify, React's reply decoder and the body validator all overflow the call stack on one.

// Levels of arrays and objects any request may hold. A story body may nest 24 node levels
// (lib/editor/validate.ts BODY_LIMITS.maxDepth), about two JSON levels each plus the wrapping of
// the action's arguments; React's decoder overflows somewhere above 400 levels.
export const MAX_REQUEST_JSON_DEPTH = 128;

// Values visited before giving up: only a value whose branches are shared (made in-process, never
// parsed from JSON) could be this large for its size.
const MAX_VISITS = 2_000_000;

// Whether `value` holds arrays or objects nested more than `maxDepth` levels (the value itself
// counts as level 1 when it is one). Cycles count as too deep.
export function isNestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  let visits = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > maxDepth || (visits += 1) > MAX_VISITS) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

// The deepest nesting of [ and { in JSON text, outside strings: one pass, no parsing.
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, (depth += 1));
    else if (char === 0x5d || char === 0x7d) depth = Math.max(0, depth - 1);
  }
  return deepest;
}
