import { DataTable, type DataTableProps } from './DataTable';
import { Pager } from './Pager';
import type { PagedList } from './usePagedQuery';

/** A page of a list query as a table, with the pager under it. */
export function PagedTable<T>({
  list,
  ...table
}: Omit<DataTableProps<T>, 'rows' | 'loading'> & { list: PagedList<T> }) {
  return (
    <>
      <DataTable {...table} rows={list.rows} loading={list.loading} />
      <Pager page={list.page} perPage={list.perPage} total={list.total} onPage={list.setPage} />
    </>
  );
}
