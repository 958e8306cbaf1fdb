import type { ReactNode } from "react";

// isHeaderHidden: a column whose cells say what they are (a Restore button) is still named for
// screen readers, but shows no header text.
export type AdminColumn<Row> = { header: string; isHeaderHidden?: boolean; isNumeric?: boolean; cellClassName?: string; cell: (row: Row) => ReactNode };

type Props<Row> = {
  rows: readonly Row[];
  columns: readonly AdminColumn<Row>[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
  // The id of the heading that names the table (its section's), read out when a screen reader enters it.
  labelledBy: string;
  className?: string;
  // Shown instead of the table when there are no rows (say what to do about it).
  empty?: ReactNode;
};

// The newsroom's list of records (people, credits, sections, stories, the trash, the audit log):
// one header cell per column (scope="col"), numbers aligned right, scrolling sideways inside its
// wrapper on a narrow screen instead of widening the page.
export function AdminTable<Row>({ rows, columns, rowKey, rowClassName, labelledBy, className, empty }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const align = (column: AdminColumn<Row>) => (column.isNumeric ? "numeric" : undefined);
  return (
    <div className="admin-table-wrap">
      <table className={className ? `admin-table ${className}` : "admin-table"} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={align(column)}>
                {column.isHeaderHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.cellClassName ?? align(column)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
