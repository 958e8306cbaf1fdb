// Six test projects (`npx vitest run --project <name>`):
//   unit                  pure code beside its source, no database
//   integration-sqlite    tests/integration against a fresh, migrated SQLite file
//   integration-postgres  the same files against a fresh PostgreSQL database (POSTGRES_TEST_URL when
//                         a server answers there, else an embedded one: tests/setup/ensure-postgres.ts)
//   e2e                   real Chromium (scripts/chromium.ts) against the production server on a
//                         seeded SQLite database
//   hostile               tests/hostile (`npm run test:hostile`): XSS corpus, malformed input,
//                         permissions over HTTP, concurrency, crashes, contention, hostile uploads;
//                         each file makes its own databases and servers
//   scale                 tests/scale: three instances on one PostgreSQL database, with Redis and
//                         Varnish when present (skipped, with the reason, when absent outside CI)
// Global setups live in tests/setup/ and hand each run's database and URLs to tests via inject().
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { SeedFirstSequencer } from "./tests/setup/seed-first-sequencer";

const INTEGRATION_TESTS = ["tests/integration/**/*.test.ts"];
// The PostgreSQL backup and SQLite -> PostgreSQL copy tests make their own databases on the
// integration-postgres run's server (found or embedded): run once, there.
const POSTGRES_ONLY_TESTS = ["tests/integration/backup-postgres.test.ts", "tests/integration/backup-copy-to-postgres.test.ts"];
// The drift checks read schema files and build their own database, the SQLite transaction tests
// make their own SQLite file, the ensure-postgres tests start their own server, and the SQLite
// backup test and the test-database test make their own SQLite files: provider-independent, run once (in the SQLite run).
const PROVIDER_INDEPENDENT_TESTS = [
  "tests/integration/schema-drift.test.ts",
  "tests/integration/sqlite-transactions.test.ts",
  "tests/integration/ensure-postgres.test.ts",
  "tests/integration/backup-sqlite.test.ts",
  "tests/integration/varnish-http-cache.test.ts",
  "tests/integration/smtp-test-server.test.ts",
  "tests/integration/test-databases.test.ts",
  // The permission matrices: who may call which action or route is decided in lib/permissions.ts
  // before any query, the same on both databases; what an allowed call writes is covered on
  // PostgreSQL by each entity's own tests. (About 70 s of the PostgreSQL run, 2026-12-07.)
  "tests/integration/*-permission-matrix.test.ts",
];

// Every project resolves the tsconfig "@/..." paths. (Projects list their options instead of
// `extends: true`, which would load this file once more per project.) The data layer's
// `import "server-only"` is for Next.js's bundler, which refuses it in client code; tests load
// that layer on purpose, so it is the package's empty module here (as in Next.js's own Jest
// preset; tsconfig.json maps it the same way for tsx and esbuild).
const SERVER_ONLY_EMPTY = fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url));
const shared = { resolve: { tsconfigPaths: true, alias: [{ find: /^server-only$/, replacement: SERVER_ONLY_EMPTY }] } } as const;

// One database per run, shared by every file of the project, so files run one at a time
// (fileParallelism false): one `migrate deploy` per run instead of one per file, no SQLite writer
// contention, and tests may count rows without another file adding some meanwhile.
// Worker threads rather than processes for the unit and integration files: Vitest starts a fresh
// worker for every file, and a thread costs less than a process (2026-12-07: unit 47 -> 38 CPU
// seconds, integration-sqlite 198 -> 182, the same tests passing). e2e, hostile and scale keep
// processes: they start servers and browsers and send signals to process groups.
const POOL = "threads";

const integration: TestProjectInlineConfiguration["test"] = {
  include: INTEGRATION_TESTS,
  pool: POOL,
  setupFiles: ["tests/setup/database-env.ts"],
  environment: "node",
  fileParallelism: false,
  sequence: { sequencer: SeedFirstSequencer },
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  ...shared,
  test: {
    teardownTimeout: 30_000,
    // Vitest reads the sequencer from the root config only (a project's own is ignored).
    sequence: { sequencer: SeedFirstSequencer },
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          pool: POOL,
          // Unit files are pure code: they share their workers and modules instead of loading
          // everything again for each of 105 files (2026-12-07: 63 -> 25 CPU seconds, 52 -> 21 s).
          // A unit file that changes the environment, a global or a module's state puts it back
          // in afterAll (lib/cache/cache-byte-limits.test.ts, lib/internal-refresh*.test.ts).
          isolate: false,
          include: ["lib/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
        },
      },
      {
        ...shared,
        test: { ...integration, name: "integration-sqlite", exclude: [...configDefaults.exclude, ...POSTGRES_ONLY_TESTS], globalSetup: ["tests/setup/sqlite-database.ts"] },
      },
      {
        ...shared,
        test: {
          ...integration,
          name: "integration-postgres",
          exclude: [...configDefaults.exclude, ...PROVIDER_INDEPENDENT_TESTS],
          globalSetup: ["tests/setup/postgres-database.ts"],
        },
      },
      {
        ...shared,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // The e2e files share one worker process and its modules rather than starting a process
          // and loading Playwright, the harness and lib/ again for each (2026-12-07: 273 -> 205-219 CPU
          // seconds, 414 -> 376-385 s). Each file launches and closes its own browser; a file that needs
          // a database of its own opens its own client (newsletter-flow) and leaves process.env be.
          isolate: false,
          setupFiles: ["tests/setup/database-env.ts"],
          globalSetup: ["tests/setup/next-server.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // expect.poll() waits 1 s by default: what the browser shows after an autosave, a refresh or
          // a presence beat can take longer than that on a loaded 2-core machine (the CI run of
          // 2026-12-06 failed in e2e while the whole run took twice its usual time). A poll still
          // fails when the page never gets there, and a call that names its own timeout keeps it.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        ...shared,
        test: {
          name: "hostile",
          include: ["tests/hostile/**/*.test.ts"],
          globalSetup: ["tests/setup/production-build.ts", "tests/setup/postgres-server.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        ...shared,
        // Run in the e2e line's Vitest process (scripts/test.ts: the shortest of the three), after the
        // e2e files (groupOrder), not beside them: four more servers would slow the browser tests on
        // two cores. Its global setups make the production build (current by then) and find or start
        // a PostgreSQL server; each file starts its own cluster (three instances, Redis, Varnish:
        // tests/scale/support) on its own database.
        test: {
          name: "scale",
          sequence: { groupOrder: 1 },
          include: ["tests/scale/**/*.test.ts"],
          globalSetup: ["tests/setup/production-build.ts", "tests/setup/postgres-server.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
