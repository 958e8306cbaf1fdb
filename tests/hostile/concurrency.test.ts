// Concurrent saves of one story. 2, 5 and 20 editors each append their own marker paragraph to
// the same version and save at the same moment, two rounds each: every save must be kept (still
// in the story and in the revision history) or refused with 409 having written nothing; none is
// lost (answered ok, then silently overwritten by a save that never saw it). Runs in one process
// through the story server action, in 3 processes on one SQLite file, and on PostgreSQL. The same
// races against the save with its version check removed (support/h3-unguarded-save.ts) must
// lose updates, which proves the audit can fail.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startWorker, type Worker } from "./support/h3-worker-pool";
import { asCaller } from "./support/h3-session";
import { createPostgresDatabase, type PostgresDatabase } from "./support/h3-postgres";
import type { FakeRequest } from "../fixtures/accounts";
import type { Attempt, Outcome, Race, RaceAudit, RoundStart, Variant } from "./support/h3-race";

vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock((await import("./support/h3-session")).perCallRequest));

const ROUNDS = 2;
const EDITOR_COUNTS = [2, 5, 20];
const PROCESSES = 3;
const WORKER = "tests/hostile/support/h3-save-worker.ts";

type Driver = {
  setup: (editors: number) => Promise<Race>;
  start: (articleId: string) => Promise<RoundStart>;
  saveAll: (variant: Variant, start: RoundStart, attempts: Attempt[]) => Promise<Outcome[]>;
  audit: (articleId: string, rounds: Outcome[][]) => Promise<RaceAudit>;
};

let sqlite: TestDatabase;
let race: typeof import("./support/h3-race");
let actions: typeof import("../../app/(newsroom)/newsroom/stories/actions");
let accounts: typeof import("../fixtures/accounts");
const workers: Worker[] = [];
let postgres: PostgresDatabase | undefined;
// Started at once, used later: worker processes take a second of CPU each to load, and
// PostgreSQL seconds to create and migrate a database, while the first races run.
let sqliteWorkers: Promise<Worker[]>;
let postgresWorkers: Promise<Worker[]>;

beforeAll(async () => {
  sqlite = await createSqliteDatabase("concurrency");
  process.env.DATABASE_URL = sqlite.databaseUrl;
  process.env.MEDIA_DIR = sqlite.mediaDir;
  sqliteWorkers = inBackground(startWorkers(PROCESSES, { DATABASE_URL: sqlite.databaseUrl, MEDIA_DIR: sqlite.mediaDir }));
  postgresWorkers = inBackground(setUpPostgres());
  accounts = await import("../fixtures/accounts");
  process.env.NEXTAUTH_SECRET = accounts.TEST_AUTH_SECRET;
  race = await import("./support/h3-race");
  actions = await import("../../app/(newsroom)/newsroom/stories/actions");
});

afterAll(async () => {
  await Promise.allSettled([sqliteWorkers, postgresWorkers]);
  await Promise.all(workers.map((w) => w.stop()));
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  await postgres?.drop();
  if (sqlite) removeDir(sqlite.dir);
});

async function runRace(driver: Driver, variant: Variant, editors: number): Promise<RaceAudit> {
  const { articleId, editorIds } = await driver.setup(editors);
  const rounds: Outcome[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = await driver.start(articleId);
    rounds.push(await driver.saveAll(variant, start, race.attemptsFor(editorIds)));
  }
  return driver.audit(articleId, rounds);
}

function report(label: string, editors: number, audit: RaceAudit): void {
  console.log(
    `concurrency ${label}, ${editors} editors x ${ROUNDS} rounds: ${audit.answered} saves, ${audit.kept} kept, ${audit.refused} refused (409), ` +
      `${audit.lost.length} lost, ${audit.missingFromHistory.length} not in history, ${audit.otherAnswers.length} other answers` +
      (audit.otherAnswers.length ? ` (${[...new Set(audit.otherAnswers)].join(" | ")})` : ""),
  );
}

function expectNoLostUpdate(audit: RaceAudit, editors: number): void {
  expect(audit.otherAnswers).toEqual([]);
  expect(audit.lost).toEqual([]);
  expect(audit.missingFromHistory).toEqual([]);
  expect(audit.refusedButWritten).toEqual([]);
  expect(audit.answered).toBe(editors * ROUNDS);
  // Everyone started from the same version, so exactly one save per round can be accepted.
  expect(audit.winnersPerRound).toEqual(Array(ROUNDS).fill(1));
}

async function expectRaces(driver: Driver, label: string): Promise<void> {
  for (const editors of EDITOR_COUNTS) {
    const audit = await runRace(driver, "guarded", editors);
    report(`${label}, version check on`, editors, audit);
    expectNoLostUpdate(audit, editors);
  }
}

async function expectLosses(driver: Driver, label: string): Promise<void> {
  for (const editors of EDITOR_COUNTS) {
    const audit = await runRace(driver, "unguarded", editors);
    report(`${label}, version check REMOVED`, editors, audit);
    expect(audit.lost.length, `${editors} editors without the version check`).toBeGreaterThan(0);
  }
}

// This process: the real story server action (session cookie, getCurrentUser, runAction) when
// guarded; the unguarded save through lib the same way the action calls it.
function inProcessDriver(): Driver {
  const sessions = new Map<string, FakeRequest>();
  return {
    setup: async (editors) => {
      const setUp = await race.setupRace(editors);
      for (const id of setUp.editorIds) {
        sessions.set(id, { cookies: [{ name: accounts.SESSION_COOKIE, value: await accounts.sessionTokenFor(id) }], headers: new Headers() });
      }
      return setUp;
    },
    start: (articleId) => race.roundStart(articleId),
    saveAll: async (variant, start, attempts) => {
      if (variant === "unguarded") {
        const editors = await Promise.all(attempts.map((a) => race.loadActor(a.editorId)));
        return Promise.all(attempts.map((a, i) => race.saveAs(variant, editors[i], start, a)));
      }
      return Promise.all(attempts.map(async (a) => race.toOutcome(a, await asCaller(sessions.get(a.editorId)!, () => actions.saveStoryAction(race.markedSave(start, a.marker))))));
    },
    audit: (articleId, rounds) => race.auditRace(articleId, rounds),
  };
}

// Worker processes on one database: each round's saves are spread over them, prepared, then
// released together, so transactions from different processes and connections interleave.
function processesDriver(pool: Worker[]): Driver {
  const [first] = pool;
  return {
    setup: (editors) => first.call<Race>({ op: "setup", editors }),
    start: (articleId) => first.call<RoundStart>({ op: "start", articleId }),
    saveAll: async (variant, start, attempts) => {
      const shares = pool.map((_, p) => attempts.filter((_, i) => i % pool.length === p));
      const busy = pool.filter((_, p) => shares[p].length > 0);
      await Promise.all(busy.map((worker) => worker.call({ op: "prepare", variant, start, attempts: shares[pool.indexOf(worker)] })));
      return (await Promise.all(busy.map((worker) => worker.call<Outcome[]>({ op: "go" })))).flat();
    },
    audit: (articleId, rounds) => first.call<RaceAudit>({ op: "audit", articleId, rounds }),
  };
}

async function startWorkers(count: number, env: Record<string, string>): Promise<Worker[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startWorker(WORKER, env)));
  workers.push(...started);
  return started;
}

async function setUpPostgres(): Promise<Worker[]> {
  postgres = await createPostgresDatabase("concurrency");
  return startWorkers(2, { DATABASE_URL: postgres.databaseUrl, MEDIA_DIR: sqlite.mediaDir });
}

// Awaited later; a failure then fails the tests that need it.
function inBackground<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

describe("SQLite, one server process, through the story server action", () => {
  it("keeps or refuses with 409 every save of 2, 5 and 20 editors at once: 0 lost updates", async () => {
    await expectRaces(inProcessDriver(), "sqlite in-process");
  });

  it("loses updates when the same races run against the save without its version check", async () => {
    await expectLosses(inProcessDriver(), "sqlite in-process");
  });
});

describe(`SQLite, editors spread over ${PROCESSES} processes writing one database file`, () => {
  let pool: Worker[];
  beforeAll(async () => {
    pool = await sqliteWorkers;
  });

  it("keeps or refuses with 409 every save of 2, 5 and 20 editors at once: 0 lost updates", async () => {
    await expectRaces(processesDriver(pool), `sqlite ${PROCESSES} processes`);
  });

  it("loses updates when the same races run against the save without its version check", async () => {
    await expectLosses(processesDriver(pool), `sqlite ${PROCESSES} processes`);
  });
});

describe("PostgreSQL, editors spread over 2 processes with a connection pool each", () => {
  let pool: Worker[];
  beforeAll(async () => {
    pool = await postgresWorkers;
  });

  it("keeps or refuses with 409 every save of 2, 5 and 20 editors at once: 0 lost updates", async () => {
    await expectRaces(processesDriver(pool), "postgresql 2 processes");
  });

  it("loses updates when the same races run against the save without its version check", async () => {
    await expectLosses(processesDriver(pool), "postgresql 2 processes");
  });
});
