// Calls a server action over HTTP the way the browser does: POST to the page with the action's
// id (from the production build's server-reference manifest) and the arguments as JSON. The
// action's return value is line "1:" of the RSC answer.
import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { exportedName: string; filename: string }> };

export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  // A build whose Turbopack root lies above the project names files from that root.
  const isFile = (name: string) => name === filename || name.endsWith(`/${filename}`);
  const found = Object.entries(manifest.node).find(([, action]) => isFile(action.filename) && action.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in the build`);
  return found[0];
}

export type ActionAnswer<T> = { httpStatus: number; result: T | null; text: string };

export async function callServerAction<T>(url: string, actionId: string, args: unknown[], cookie: string): Promise<ActionAnswer<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", cookie },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  return { httpStatus: response.status, result: line ? (JSON.parse(line.slice(2)) as T) : null, text };
}
