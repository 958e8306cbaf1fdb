// The production build `npm test` makes once, before its e2e and hostile Vitest processes start
// side by side (their global setups then find it current instead of both building at once).
import setup from "../tests/setup/production-build";

setup().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
