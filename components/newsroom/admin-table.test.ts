import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminTable, type AdminColumn } from "./admin-table";

type Row = { id: string; name: string; stories: number; isOff: boolean };
const rows: Row[] = [
  { id: "a", name: "Aiko", stories: 3, isOff: false },
  { id: "b", name: "Ben", stories: 12, isOff: true },
];
const columns: AdminColumn<Row>[] = [
  { header: "Name", cell: (row) => row.name },
  { header: "Stories", isNumeric: true, cell: (row) => row.stories },
];

function render(): string {
  return renderToStaticMarkup(createElement(AdminTable<Row>, { rows, columns, rowKey: (row) => row.id, rowClassName: (row) => (row.isOff ? "is-disabled" : undefined), labelledBy: "people-heading" }));
}

describe("the admin table", () => {
  it("is named by its section's heading and heads every column for screen readers", () => {
    const html = render();
    expect(html).toContain('<table class="admin-table" aria-labelledby="people-heading">');
    expect(html).toContain('<th scope="col">Name</th><th scope="col" class="numeric">Stories</th>');
  });

  it("renders one row per record, cells in column order, numbers aligned as their header", () => {
    const html = render();
    expect(html).toContain('<tr><td>Aiko</td><td class="numeric">3</td></tr>');
    expect(html).toContain('<tr class="is-disabled"><td>Ben</td><td class="numeric">12</td></tr>');
  });
});

describe("the admin table's empty state and unlabelled columns", () => {
  it("says what to do instead of drawing an empty table", () => {
    const html = renderToStaticMarkup(createElement(AdminTable<Row>, { rows: [], columns, rowKey: (row) => row.id, labelledBy: "people-heading", empty: "Nobody yet: add someone." }));
    expect(html).toBe('<p class="muted">Nobody yet: add someone.</p>');
  });

  it("names a column whose header is hidden for screen readers", () => {
    const withAction: AdminColumn<Row>[] = [...columns, { header: "Restore", isHeaderHidden: true, cell: () => "restore" }];
    const html = renderToStaticMarkup(createElement(AdminTable<Row>, { rows, columns: withAction, rowKey: (row) => row.id, labelledBy: "people-heading" }));
    expect(html).toContain('<th scope="col"><span class="visually-hidden">Restore</span></th>');
  });
});
