// Where the browser posts each server action of the production build: its id and a page that uses
// it, read from .next's server-reference manifest, keyed "<folder>/<exportedName>" (for example
// "stories/reloadStoryAction"). Read once per test file.
import { readFileSync } from "node:fs";
import path from "node:path";

export type ActionTarget = { id: string; page: string };

type Manifest = Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;

let targets: Map<string, ActionTarget> | undefined;

// "app/(newsroom)/newsroom/stories/[id]/page" → "/newsroom/stories/[id]"; a page without a
// dynamic segment is preferred.
const pageOf = (worker: string) =>
  `/${worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/")}`;

export function actionTargets(): Map<string, ActionTarget> {
  targets ??= (() => {
    const manifest = (JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Manifest }).node;
    return new Map(
      Object.entries(manifest).map(([id, entry]) => {
        const worker = Object.keys(entry.workers).find((name) => !name.includes("[")) ?? Object.keys(entry.workers)[0];
        return [`${path.basename(path.dirname(entry.filename))}/${entry.exportedName}`, { id, page: pageOf(worker) }];
      }),
    );
  })();
  return targets;
}

export function actionTarget(name: string): ActionTarget {
  const found = actionTargets().get(name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}
