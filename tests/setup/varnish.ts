// varnishd with the shipped VCL (deploy/varnish/pressbox.vcl) for tests: on free ports, in a temp
// working directory, with a generated pressbox-backends.vcl naming one backend. As root, varnishd
// runs its workers and VCL compiler as an unprivileged user, so that directory is made readable.
import { spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort, killGroupOnExit, spawnGroup, stopGroup } from "../../scripts/process-group";

export const SHIPPED_VCL = path.resolve("deploy/varnish/pressbox.vcl");

// What an operator writes: one backend, the purge ACL (a documentation address: only localhost purges).
function backendsVcl(backendPort: number): string {
  return `backend origin { .host = "127.0.0.1"; .port = "${backendPort}"; }\nacl pressbox_purgers { "192.0.2.1"; }\nsub pressbox_backend { set req.backend_hint = origin; }\n`;
}

function workDirFor(backendPort: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-varnish-"));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, "pressbox-backends.vcl"), backendsVcl(backendPort));
  return dir;
}

const vclPath = (dir: string) => `vcl_path=${dir}:${path.dirname(SHIPPED_VCL)}:/usr/share/varnish/vcl`;

// Why Varnish tests cannot run here, or null when they can.
export function varnishMissing(): string | null {
  const version = spawnSync("varnishd", ["-V"], { encoding: "utf8" });
  if (version.error) return "varnishd is not installed (Debian: apt install varnish varnish-modules)";
  const dir = workDirFor(1);
  try {
    const compiled = spawnSync("varnishd", ["-C", "-n", path.join(dir, "n"), "-p", vclPath(dir), "-f", SHIPPED_VCL], { encoding: "utf8" });
    return compiled.status === 0 ? null : `the shipped VCL does not compile here (is vmod xkey from varnish-modules installed?): ${compiled.stderr.slice(0, 300)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Reply = { status: number; headers: IncomingMessage["headers"]; body: string };

// Any method and headers, from `localAddress` if given (127.0.0.2 is outside the purge ACL).
export function send(port: number, pathname: string, options: { method?: string; headers?: Record<string, string>; localAddress?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: pathname, method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

export type RunningVarnish = { port: number; stop: () => Promise<void> };

// On `port` if given (when the backend must know it first, to purge), else on a free one.
export async function startVarnish(backendPort: number, port?: number): Promise<RunningVarnish> {
  const dir = workDirFor(backendPort);
  port ??= await findFreePort();
  const admin = await findFreePort();
  const child: ChildProcess = spawnGroup("varnishd", ["-F", "-n", path.join(dir, "n"), "-a", `127.0.0.1:${port}`, "-T", `127.0.0.1:${admin}`, "-s", "malloc,64m", "-p", vclPath(dir), "-f", SHIPPED_VCL], {
    stdio: "ignore",
  });
  const forget = killGroupOnExit(child);
  const stop = async () => {
    forget();
    await stopGroup(child, 5_000);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await send(port, "/__pressbox/ready", { method: "HEAD" }).then(
      () => true,
      () => false,
    );
    if (ready) return { port: port as number, stop };
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error("varnishd did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
