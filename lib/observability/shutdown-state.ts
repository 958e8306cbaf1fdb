// Whether this server is shutting down (scripts/server-shutdown.ts sets it when SIGTERM arrives),
// so /readyz answers 503 and load balancers stop sending while requests under way finish. On
// globalThis, like the rest of the server's shared state. No imports.
declare global {
  var pressboxShuttingDown: boolean | undefined;
}

export function markShuttingDown(): void {
  globalThis.pressboxShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return globalThis.pressboxShuttingDown === true;
}
