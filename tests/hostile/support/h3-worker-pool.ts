// Child processes that the hostile tests drive over IPC: `node --import tsx script.ts` or
// `node bundle.mjs` (one process either way, so a signal reaches the code itself, not a wrapper).
// A worker answers each request { id, ...op } with { id, result } or { id, error }, and says
// { ready: true } once it is loaded.
import { spawn, type ChildProcess } from "node:child_process";

const STARTUP_TIMEOUT_MS = 60_000;

export type Worker = { pid: number; child: ChildProcess; call: <T>(op: Record<string, unknown>) => Promise<T>; stop: () => Promise<void> };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

// stdout is ignored unless onStdout is given.
export async function startWorker(script: string, env: Record<string, string>, onStdout?: (chunk: string) => void): Promise<Worker> {
  const child = spawn(process.execPath, script.endsWith(".ts") ? ["--import", "tsx", script] : [script], {
    stdio: ["ignore", onStdout ? "pipe" : "ignore", "pipe", "ipc"],
    env: { ...process.env, ...env },
  });
  if (onStdout) child.stdout!.on("data", (chunk: Buffer) => onStdout(chunk.toString()));
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${script} did not start within ${STARTUP_TIMEOUT_MS / 1000} s: ${stderr.trim()}`));
      child.kill("SIGKILL");
    }, STARTUP_TIMEOUT_MS);
    child.on("message", (message: { id?: number; ready?: boolean; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve();
      }
      const waiting = message.id ? pending.get(message.id) : undefined;
      if (!waiting) return;
      pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const error = new Error(`${script} exited (${code ?? signal}): ${stderr.trim()}`);
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  });
  await ready;
  const call = <T>(op: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, ...op });
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { pid: child.pid!, child, call, stop };
}

// The worker side: serves requests with `handle` once `warmUp` has run.
export async function serveRequests(handle: (op: Record<string, unknown>) => Promise<unknown>, warmUp: () => Promise<unknown>): Promise<void> {
  await warmUp();
  process.on("message", async (message: { id: number } & Record<string, unknown>) => {
    try {
      process.send!({ id: message.id, result: await handle(message) });
    } catch (error) {
      process.send!({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ ready: true });
}
