import { ROLES, type Role } from "@/lib/permissions";

const ROLE_LABELS: Record<Role, string> = {
  CONTRIBUTOR: "Contributor: writes drafts, uploads media",
  EDITOR: "Editor: edits and publishes every story",
  ADMIN: "Admin: everything, plus people and settings",
};

export function RoleSelect({ defaultValue = "CONTRIBUTOR" }: { defaultValue?: Role }) {
  return (
    <select name="role" defaultValue={defaultValue}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
