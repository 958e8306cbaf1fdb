// Where a system program the tests start (redis-server, varnishd) is installed, if anywhere:
// the PATH first, then the places Debian puts it (varnishd lives in /usr/sbin, which a normal
// user's PATH often lacks).
import { accessSync, constants } from "node:fs";
import path from "node:path";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// SCALE_TEST_WITHOUT=redis-server,varnishd hides them (from every test that looks here, not only
// the scale ones), to try the tests as a machine without them runs them (skips with the reasons).
export function findBinary(name: string, knownPlaces: string[]): string | null {
  if ((process.env.SCALE_TEST_WITHOUT ?? "").split(",").includes(name)) return null;
  const onPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name));
  return [...onPath, ...knownPlaces].find(isExecutable) ?? null;
}
