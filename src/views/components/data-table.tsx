// The table printed beside every chart (its text twin, for screen readers and print): columns
// say how a row is shown; the column marked `rowHeader` gives each row its <th scope="row">.
import type { Child } from 'hono/jsx';

export interface Column<T> {
  header: Child;
  cell: (row: T) => Child;
  /** Right-aligned figures. */
  num?: boolean;
  rowHeader?: boolean;
}

/** A column heading: figures' columns are right-aligned like their cells. */
export type Heading = Pick<Column<unknown>, 'header' | 'num'>;

/** The <thead> of a table: one row of column headings (<th scope="col">), in order. */
export function TableHead({ columns }: { columns: readonly Heading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" class={c.num ? 'num' : undefined}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function ChartTable<T>(props: {
  /** Read to screen readers only: the chart above says it visually. */
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  testId?: string;
}) {
  const cls = (c: Column<T>) => (c.num ? 'num' : undefined);
  return (
    <table data-testid={props.testId}>
      <caption class="visually-hidden">{props.caption}</caption>
      <TableHead columns={props.columns} />
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.columns.map((c) =>
              c.rowHeader ? (
                <th scope="row" class={cls(c)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td class={cls(c)}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
