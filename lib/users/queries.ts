// Reads for the user screens (admins only).
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  isDisabled: true,
  lastSignInAt: true,
  version: true,
  createdAt: true,
  bylineProfile: { select: { id: true, name: true, slug: true } },
} as const;

export async function listUsers(actor: Actor | null) {
  assertCan(actor, "user.manage");
  return db.user.findMany({ orderBy: [{ isDisabled: "asc" }, { name: "asc" }], select: userSelect });
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function getUser(actor: Actor | null, id: string) {
  assertCan(actor, "user.manage");
  return db.user.findUnique({ where: { id }, select: userSelect });
}

// For pickers (linking a byline profile to an account): active accounts only.
export async function listUserChoices(actor: Actor | null) {
  assertCan(actor, "byline.manage");
  return db.user.findMany({ where: { isDisabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
