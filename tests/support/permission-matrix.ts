// The permission matrix of a screen's server actions: every case called as anonymous, contributor,
// editor and admin. An allowed call succeeds; any other gets 401 (anonymous) or 403 (or the
// status `refusal` names) and leaves the database exactly as `snapshot` saw it before.
import { expect, it } from "vitest";
import type { Role } from "../../lib/permissions";
import { createTestUser, signInAs, type FakeRequest, type TestUser } from "../fixtures/accounts";

export const CALLERS = ["ANONYMOUS", "CONTRIBUTOR", "EDITOR", "ADMIN"] as const;
type Caller = (typeof CALLERS)[number];
type Callers = Record<Caller, TestUser | null>;

// One row: who may, what it needs made first (as nobody, before the snapshot), and the call.
export type MatrixCase<S> = { allowed: readonly Role[]; prepare: () => Promise<S>; call: (subject: S) => Promise<unknown> };

export type Matrix = { request: FakeRequest; callers: Callers; snapshot: () => Promise<unknown>; refusal?: (name: string, caller: Caller) => number };

// The callers, filled in by signUpCallers (in beforeAll); anonymous stays null.
export function noCallers(): Callers {
  return { ANONYMOUS: null, CONTRIBUTOR: null, EDITOR: null, ADMIN: null };
}

export async function signUpCallers(callers: Callers): Promise<void> {
  for (const role of ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const) callers[role] = await createTestUser(role);
}

// One test a case and caller; call inside a describe.
export function itChecksEveryCaller<S>(cases: Record<string, MatrixCase<S>>, matrix: Matrix): void {
  for (const [name, testCase] of Object.entries(cases)) {
    for (const caller of CALLERS) {
      const isAllowed = caller !== "ANONYMOUS" && testCase.allowed.includes(caller);
      it(`${name} as ${caller.toLowerCase()} ${isAllowed ? "succeeds" : "is refused and changes nothing"}`, async () => {
        const subject = await testCase.prepare();
        await signInAs(matrix.request, matrix.callers[caller]);
        const before = isAllowed ? null : await matrix.snapshot();
        const result = await testCase.call(subject);
        if (isAllowed) {
          expect(result).toMatchObject({ ok: true });
          return;
        }
        expect(result).toMatchObject({ ok: false, status: caller === "ANONYMOUS" ? 401 : (matrix.refusal?.(name, caller) ?? 403) });
        expect(await matrix.snapshot()).toEqual(before);
      });
    }
  }
}
