// Per-call sessions for server actions called concurrently in one process: the mocked
// next/headers answers with the cookies of the call it runs in (AsyncLocalStorage), so twenty
// editors can call an action at the same moment, each signed in as themselves.
import { AsyncLocalStorage } from "node:async_hooks";
import type { FakeRequest } from "../../fixtures/accounts";

const current = new AsyncLocalStorage<FakeRequest>();

export const perCallRequest: FakeRequest = {
  get cookies() {
    return current.getStore()?.cookies ?? [];
  },
  get headers() {
    return current.getStore()?.headers ?? new Headers();
  },
};

export function asCaller<T>(request: FakeRequest, work: () => Promise<T>): Promise<T> {
  return current.run(request, work);
}
