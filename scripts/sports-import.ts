// `npm run sports:import -- <files…> [--json] [--as <email>]` (lib/sports/cli.ts).
import { resolveDatabaseUrl } from "../lib/database-url";

async function main(): Promise<void> {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  const { runSportsImport } = await import("../lib/sports/cli");
  const { db } = await import("../lib/db");
  const code = await runSportsImport(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
  await db.$disconnect();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
