// The wire inbox process (scripts/wire-inbox.ts) beside the server: started when WIRE_INBOX_DIR is
// set, at a lower CPU priority (nice 19, WIRE_INBOX_NICE) so readers' requests come first, restarted with back-off
// if it dies (each exit logged), and stopped when the server stops. Used by scripts/server.ts
// (production) and scripts/start.ts (`npm run dev`).
import { spawn, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import path from "node:path";

// The inbox process's exit code for an unusable configuration (sysexits' EX_CONFIG): not restarted.
export const EXIT_CONFIGURATION = 78;
const DEFAULT_NICE = 19;
const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 60_000;
// A process that ran this long before dying starts the back-off afresh.
const STEADY_MS = 60_000;

export type WireInboxProcess = { pid: () => number | undefined; stop: (timeoutMs: number) => Promise<void> };

// The address the inbox process sends its refresh notices to: this server, on this machine.
export function localServerUrl(hostname: string, port: number | string): string {
  const host = hostname === "0.0.0.0" || hostname === "::" || hostname === "" ? "127.0.0.1" : hostname;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

// WIRE_INBOX_NICE: 0 (the server's own priority) to 19 (the lowest), default 19.
export function inboxNice(env: NodeJS.ProcessEnv): number {
  const nice = Number(env.WIRE_INBOX_NICE ?? DEFAULT_NICE);
  return Number.isInteger(nice) && nice >= 0 && nice <= 19 ? nice : DEFAULT_NICE;
}

function lowerPriority(child: ChildProcess, nice: number): void {
  try {
    if (child.pid && nice > 0) setPriority(child.pid, nice);
  } catch (error) {
    console.warn(`[wire-inbox] could not lower the inbox process's priority: ${(error as Error).message}`);
  }
}

// Null when WIRE_INBOX_DIR is not set (nothing to watch).
export function startWireInboxProcess(env: NodeJS.ProcessEnv, serverUrl: string): WireInboxProcess | null {
  if (!env.WIRE_INBOX_DIR) return null;
  const script = path.join(process.cwd(), "scripts", "wire-inbox.ts");
  let child: ChildProcess | null = null;
  let isStopping = false;
  let delay = FIRST_RESTART_MS;
  let restart: ReturnType<typeof setTimeout> | undefined;
  const scheduleRestart = (why: string) => {
    console.error(`[wire-inbox] the inbox process ${why}; starting it again in ${delay / 1000} s`);
    restart = setTimeout(launch, delay);
    delay = Math.min(delay * 2, LONGEST_RESTART_MS);
  };
  function launch(): void {
    const startedAt = Date.now();
    // An IPC channel, so the inbox process notices this one is gone even when it was killed.
    const nice = inboxNice(env);
    const started = spawn(process.execPath, ["--import", "tsx", script], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...env, PRESSBOX_URL: serverUrl, WIRE_INBOX_NICE: String(nice) },
    });
    child = started;
    lowerPriority(started, nice);
    started.once("error", (error) => {
      if (started.pid !== undefined) return;
      child = null;
      if (!isStopping) scheduleRestart(`could not start (${error.message})`);
    });
    started.once("exit", (code, signal) => {
      child = null;
      if (isStopping) return;
      if (code === EXIT_CONFIGURATION) return void console.error("[wire-inbox] the inbox process refused its configuration (see above); not started again");
      if (Date.now() - startedAt >= STEADY_MS) delay = FIRST_RESTART_MS;
      scheduleRestart(`exited (${signal ?? `code ${code}`})`);
    });
  }
  launch();
  // This process ending any other way still stops the inbox process (it finishes its file first).
  process.once("exit", () => child?.kill("SIGTERM"));
  return {
    pid: () => child?.pid,
    // SIGTERM, then SIGKILL after timeoutMs: a file cut off stays in processing/ until its lease runs out.
    stop: async (timeoutMs) => {
      isStopping = true;
      clearTimeout(restart);
      const running = child;
      if (!running) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      const deadline = setTimeout(() => {
        console.error(`[wire-inbox] the inbox process did not stop within ${timeoutMs / 1000} s; killing it (its file is taken again after WIRE_INBOX_LEASE_SECONDS)`);
        running.kill("SIGKILL");
      }, timeoutMs);
      await exited;
      clearTimeout(deadline);
    },
  };
}
