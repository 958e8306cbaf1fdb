// Imported first by the processes that run the Next.js server (scripts/start.ts, scripts/server.ts).
// Next.js keeps each request's state in AsyncLocalStorage, which its server start-up puts on
// globalThis. But `npm start` seeds the demo newsroom and creates accounts in the same process
// before it starts the server, and that code may load next/headers (lib/auth/request-scope.ts reads
// a request's address for the audit log). Loaded before the start-up, Next.js's request storage
// would be made as a stand-in that throws "AsyncLocalStorage accessed in runtime where it is not
// available", and the server would die on its first request. Setting it here first, as Next.js's own
// start-up does, makes the order not matter.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
scope.AsyncLocalStorage ??= AsyncLocalStorage;
