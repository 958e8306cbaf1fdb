// The environment every benchmark starts the production server with (scripts/server.ts on
// 127.0.0.1 at `port`, the bench-only stats hooks on), plus what one benchmark adds.
export function benchServerEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    BIND_ADDRESS: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    PRESSBOX_BENCH_HOOKS: "1",
    ...extra,
  } as NodeJS.ProcessEnv;
}

// What bench/run.ts hands a benchmark that runs alone (wire import, live coverage, sports blocks,
// Varnish, newsletters): its own output folder and log prefix, a free port, a current production
// build and a way to start the server.
export type SoloBenchTools = {
  root: string;
  out: string;
  log: (line: string) => void;
  freePort: () => Promise<number>;
  ensureBuild: () => Promise<void>;
  startServer: (env: NodeJS.ProcessEnv, port: number) => Promise<{ url: string; stop: () => Promise<void> }>;
};
