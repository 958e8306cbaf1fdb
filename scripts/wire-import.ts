// `npm run wire:import -- <files…> [--json] [--agency <name>] [--as <email>]` (lib/wire/cli.ts).
import { resolveDatabaseUrl } from "../lib/database-url";

async function main(): Promise<void> {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  const { runWireImport } = await import("../lib/wire/cli");
  const { db } = await import("../lib/db");
  const code = await runWireImport(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
  await db.$disconnect();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
