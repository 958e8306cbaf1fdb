// After a write's invalidateTags has dropped this process's cached entries, the same invalidation
// goes to the other Pressbox instances (lib/cluster/peers.ts, over Redis when REDIS_URL is set) and
// to the HTTP cache in front of them (lib/cache/purge/purge.ts, e.g. Varnish xkey purges). A
// request that wrote keeps its response open until both have answered (scripts/server.ts calls
// trackPropagation around every request it does not serve from the page cache), so when an
// editor's publish returns, no instance and no proxy still serves the old page.
import { AsyncLocalStorage } from "node:async_hooks";
import { tellPeers } from "../cluster/peers";
import { purgeProxy } from "./purge/purge";

export type Invalidation = { tags: readonly string[] } | { all: true };

type Scope = { pending: Promise<void>[] };

declare global {
  var pressboxPropagationScope: AsyncLocalStorage<Scope> | undefined;
}
// On globalThis: the server script and the Next.js bundles load this module separately.
const scopes = (globalThis.pressboxPropagationScope ??= new AsyncLocalStorage<Scope>());

// Sends one invalidation on; never rejects (a failure is logged: the peers and the proxy have
// their own fallbacks, a short TTL and a full drop on reconnect).
export function propagateInvalidation(invalidation: Invalidation): Promise<void> {
  if ("tags" in invalidation && invalidation.tags.length === 0) return Promise.resolve();
  // Peers first, then the proxy: once the purge is done, a proxy's fetch from any instance that
  // acknowledged gets a fresh render, never the page that instance still held.
  const done = tellPeers(invalidation)
    .catch((error) => console.error("[cache] the other instances could not be told of an invalidation", error))
    .then(() => purgeProxy(invalidation))
    .catch((error) => console.error("[cache] the HTTP cache could not be purged", error));
  scopes.getStore()?.pending.push(done);
  return done;
}

// Runs a request's handling in a scope that collects the invalidations it propagates; the
// returned `settled()` resolves once all of them (including ones started later in the scope)
// have been sent on.
export function trackPropagation<T>(run: () => T): { result: T; settled: () => Promise<void> } {
  const scope: Scope = { pending: [] };
  const result = scopes.run(scope, run);
  const settled = async () => {
    while (scope.pending.length > 0) await Promise.all(scope.pending.splice(0));
  };
  return { result, settled };
}
