"use client";
// A table of inputs for a standings or medal table's rows, inside an ActionForm: rows can be added
// and removed, each keeps its own inputs (uncontrolled, keyed by the row, not by its place), so a
// refused save leaves everything typed where it was. Inputs are named "rows.<index>.<field>" in
// the order shown, which is also how a refusal names the input it marks.
import { useState } from "react";

export type RowsColumn = {
  name: string;
  label: string;
  kind: "number" | "text" | "select";
  options?: { value: string; label: string }[];
  maxLength?: number;
  pattern?: string;
  isRequired?: boolean;
};

type Row = { key: string; values: Record<string, string> };

type Props = { caption: string; columns: RowsColumn[]; initialRows: Record<string, string>[]; rowNoun: string };

let nextKey = 0;
const newKey = () => `new-${(nextKey += 1)}`;

export function RowsEditor({ caption, columns, initialRows, rowNoun }: Props) {
  const [rows, setRows] = useState<Row[]>(() => initialRows.map((values, index) => ({ key: `saved-${index}`, values })));
  const add = () => setRows((current) => [...current, { key: newKey(), values: {} }]);
  const remove = (key: string) => setRows((current) => current.filter((row) => row.key !== key));
  return (
    <div className="rows-editor">
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((column) => (
                <th key={column.name} scope="col" className={column.kind === "number" ? "numeric" : undefined}>
                  {column.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                <th scope="row">{index + 1}</th>
                {columns.map((column) => (
                  <td key={column.name}>
                    <Cell column={column} name={`rows.${index}.${column.name}`} value={row.values[column.name] ?? ""} label={`${rowNoun} ${index + 1} ${column.label.toLowerCase()}`} />
                  </td>
                ))}
                <td>
                  <button type="button" onClick={() => remove(row.key)} aria-label={`Remove ${rowNoun} ${index + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">No rows yet.</p>}
      <button type="button" onClick={add}>
        Add a {rowNoun}
      </button>
    </div>
  );
}

function Cell({ column, name, value, label }: { column: RowsColumn; name: string; value: string; label: string }) {
  if (column.kind === "select") {
    return (
      <select name={name} defaultValue={value} aria-label={label} required={column.isRequired}>
        <option value="">Choose…</option>
        {column.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  if (column.kind === "number") return <input name={name} defaultValue={value} aria-label={label} inputMode="numeric" pattern="-?[0-9]*" size={4} />;
  return (
    <input
      name={name}
      defaultValue={value}
      aria-label={label}
      maxLength={column.maxLength}
      pattern={column.pattern}
      required={column.isRequired}
      size={column.maxLength && column.maxLength < 12 ? column.maxLength + 1 : undefined}
    />
  );
}
