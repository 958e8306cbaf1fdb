type Props = { agencies: readonly { id: string; name: string }[]; defaultValue?: string | null; label?: string };

export function AgencySelect({ agencies, defaultValue, label = "Agency" }: Props) {
  return (
    <label>
      {label}
      <select name="agencyId" defaultValue={defaultValue ?? ""}>
        <option value="">No agency (freelance)</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
    </label>
  );
}
