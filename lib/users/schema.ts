// What the user screens may send. Checked here, so commands.ts only sees clean values.
import { z } from "zod";
import { textInput } from "../text-input";
import { isRecordId } from "../editor/record-id";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "../auth/password";
import { ROLES } from "../permissions";

export const RecordId = z.string().refine(isRecordId, "is not a valid record id");
export const Version = z.coerce.number({ error: "is missing: reload the page" }).int().min(1, "is missing: reload the page");

export const Email = z.string().trim().toLowerCase().max(320).pipe(z.email("is not a valid email address"));
export const PersonName = textInput().min(1, "is required").max(120, "is too long (120 characters at most)");
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((value) => Buffer.byteLength(value, "utf8") <= PASSWORD_MAX_BYTES, `is too long (${PASSWORD_MAX_BYTES} bytes at most)`);
const RoleInput = z.enum(ROLES, { error: "must be contributor, editor or admin" });

export const CreateUserInput = z.object({ name: PersonName, email: Email, role: RoleInput, password: Password });
export const UpdateUserInput = z.object({ id: RecordId, version: Version, name: PersonName, email: Email });
export const ChangeRoleInput = z.object({ id: RecordId, version: Version, role: RoleInput });
export const SetDisabledInput = z.object({
  id: RecordId,
  version: Version,
  isDisabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});
export const ResetPasswordInput = z.object({ id: RecordId, version: Version, password: Password });

export type CreateUserInput = z.input<typeof CreateUserInput>;
