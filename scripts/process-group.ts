// Child processes that run in their own process group (spawned detached), so that stopping one
// stops everything it started in turn (tsx, next, a database server). Used by `npm test`
// (scripts/test.ts), the test servers (tests/setup/next-server.ts) and the benchmark (bench/run.ts).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

// A TCP port on 127.0.0.1 nothing listens on right now.
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

export function spawnGroup(command: string, args: string[], options: Omit<SpawnOptions, "detached"> = {}): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

// Sends `signal` to the child's whole group; a group already gone is not an error.
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// SIGTERM to the group, SIGKILL if the child has not exited after `graceMs`; resolves on its exit.
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

// This process exiting (or crashing) must not leave the group behind. Returns the undo.
export function killGroupOnExit(child: ChildProcess): () => void {
  const kill = () => signalGroup(child, "SIGKILL");
  process.once("exit", kill);
  return () => process.off("exit", kill);
}

// Polls `url` until it answers at all (any status), the child exits, or `timeoutMs` passes.
export async function waitUntilAnswering(url: string, child: ChildProcess, options: { name: string; logFile: string; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}): see ${options.logFile}`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${options.name} did not answer at ${url} within ${options.timeoutMs / 1000} s: see ${options.logFile}`);
}

// Running and not a zombie (a child its parent has not reaped yet counts as gone). Linux's /proc.
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z");
  } catch {
    return false;
  }
}
