import { auditActionLabel, auditAreaLabel, auditTypeLabel } from "./audit-details";

type Choices = { actions: string[]; entityTypes: string[]; actors: { id: string; name: string }[] };
type Values = { action?: string; actorId?: string; entityType?: string; entityId?: string; from: string; to: string };

// The audit log's filters: a plain GET form, so a filtered view is a link that can be shared.
export function AuditFilterForm({ values, choices }: { values: Values; choices: Choices }) {
  const prefixes = [...new Set(choices.actions.map((action) => `${action.split(".")[0]}.`))];
  return (
    <form className="filter-form" method="get" action="/newsroom/admin/audit">
      <label>
        Action
        <select name="action" defaultValue={values.action ?? ""}>
          <option value="">Any</option>
          {prefixes.map((prefix) => (
            <option key={prefix} value={prefix}>{`All about ${auditAreaLabel(prefix)}`}</option>
          ))}
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {`${auditAreaLabel(action.split(".")[0])}: ${auditActionLabel(action)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Who
        <select name="actorId" defaultValue={values.actorId ?? ""}>
          <option value="">Anyone</option>
          {choices.actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Record type
        <select name="entityType" defaultValue={values.entityType ?? ""}>
          <option value="">Any</option>
          {choices.entityTypes.map((type) => (
            <option key={type} value={type}>
              {auditTypeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      {values.entityId && <input type="hidden" name="entityId" value={values.entityId} />}
      <label>
        From
        <input type="date" name="from" defaultValue={values.from} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={values.to} />
      </label>
      <button type="submit">Filter</button>
      <a href="/newsroom/admin/audit">Clear</a>
    </form>
  );
}
