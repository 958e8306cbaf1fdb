// The first accounts, made by `npm start` (and `npm run db:seed`) after seeding:
// - PRESSBOX_ADMIN_EMAIL + PRESSBOX_ADMIN_PASSWORD: that admin (if no account has that email),
//   and no demo accounts;
// - otherwise, with demo content on: three demo accounts with fixed, published passwords.
// Idempotent: an account that exists is left exactly as it is.
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import type { Db } from "../db";
import type { Role } from "../permissions";
import { CreateUserInput } from "./schema";

type AccountSpec = { email: string; name: string; role: Role; password: string; bylineSlug?: string };

// Demo only: these passwords are in the README. Never use demo content on a public site.
export const DEMO_ACCOUNTS: readonly AccountSpec[] = [
  { email: "admin@pressbox.test", name: "Pressbox Admin", role: "ADMIN", password: "demo-admin-password" },
  { email: "editor@pressbox.test", name: "Jordan Ellis", role: "EDITOR", password: "demo-editor-password", bylineSlug: "jordan-ellis" },
  { email: "contributor@pressbox.test", name: "Sam Whitfield", role: "CONTRIBUTOR", password: "demo-contributor-password", bylineSlug: "sam-whitfield" },
];

type EnsureAccountsResult = { created: string[]; mode: "admin-from-environment" | "demo" | "none" };

async function createAccount(db: Db, spec: AccountSpec): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: spec.email }, select: { id: true } })) return false;
  const data = CreateUserInput.parse(spec);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: data.name, email: data.email, role: data.role, passwordHash } });
    // Link the byline profile of the same person, unless someone else has it already.
    if (spec.bylineSlug) await tx.bylineProfile.updateMany({ where: { slug: spec.bylineSlug, userId: null }, data: { userId: user.id } });
    await recordAudit(tx, { actorId: null, action: "user.create", entityType: "User", entityId: user.id, details: { email: data.email, role: data.role, source: "start" } });
  });
  return true;
}

function adminFromEnvironment(env: Record<string, string | undefined>): AccountSpec | null {
  const email = env.PRESSBOX_ADMIN_EMAIL?.trim();
  if (!email) return null;
  const password = env.PRESSBOX_ADMIN_PASSWORD ?? "";
  return { email, password, name: env.PRESSBOX_ADMIN_NAME?.trim() || "Administrator", role: "ADMIN" };
}

export async function ensureAccounts(db: Db, env: Record<string, string | undefined> = process.env, log: (message: string) => void = console.log): Promise<EnsureAccountsResult> {
  const admin = adminFromEnvironment(env);
  if (admin) {
    const exists = await db.user.findUnique({ where: { email: admin.email.toLowerCase() }, select: { id: true } });
    if (exists) return { created: [], mode: "admin-from-environment" };
    if (!env.PRESSBOX_ADMIN_PASSWORD) throw new Error("PRESSBOX_ADMIN_EMAIL is set but PRESSBOX_ADMIN_PASSWORD is not: set both to create the first admin.");
    const parsed = CreateUserInput.safeParse(admin);
    if (!parsed.success) throw new Error(`The first admin from PRESSBOX_ADMIN_EMAIL/PRESSBOX_ADMIN_PASSWORD is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    await createAccount(db, admin);
    log(`Created the admin account ${parsed.data.email} (from PRESSBOX_ADMIN_EMAIL).`);
    return { created: [parsed.data.email], mode: "admin-from-environment" };
  }
  if (env.PRESSBOX_DEMO_CONTENT === "false") {
    if ((await db.user.count()) === 0) log("No user accounts yet: set PRESSBOX_ADMIN_EMAIL and PRESSBOX_ADMIN_PASSWORD to create the first admin.");
    return { created: [], mode: "none" };
  }
  const created: string[] = [];
  for (const spec of DEMO_ACCOUNTS) if (await createAccount(db, spec)) created.push(spec.email);
  if (created.length) {
    log("Demo accounts created, for trying Pressbox out only (sign in at /sign-in):");
    for (const spec of DEMO_ACCOUNTS.filter((s) => created.includes(s.email))) log(`  ${spec.role.toLowerCase().padEnd(11)} ${spec.email}  password: ${spec.password}`);
  } else {
    log(`Demo accounts: ${DEMO_ACCOUNTS.map((s) => s.email).join(", ")} (demo passwords are in the README).`);
  }
  return { created, mode: "demo" };
}
