// PRESSBOX_COUNT_QUERIES=1 (the benchmark, and tests that count statements) counts every query the
// process sends. The count lives on globalThis so the production server's stats hook can read it
// whichever bundle made the client.
import "server-only";
const isCounting = process.env.PRESSBOX_COUNT_QUERIES === "1";
const counter = globalThis as typeof globalThis & { pressboxQueryCount?: number };

type QueryEvents = { $on: (event: "query", listener: () => void) => void };

// The client option that makes Prisma emit the query events counted below.
export const queryLogOption: { log?: { emit: "event"; level: "query" }[] } = isCounting ? { log: [{ emit: "event", level: "query" }] } : {};

export function queryCount(): number {
  return counter.pressboxQueryCount ?? 0;
}

export function countQueriesOf<Client>(client: Client): Client {
  // Prisma types $on only for a client whose type names the "query" log level; ours is made once,
  // for both providers, so the seam is typed here by hand.
  if (isCounting)
    (client as Client & QueryEvents).$on("query", () => {
      counter.pressboxQueryCount = queryCount() + 1;
    });
  return client;
}
