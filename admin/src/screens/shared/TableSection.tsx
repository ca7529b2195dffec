import type { ReactNode } from 'react';
import { Section } from './ScreenPage';
import { DataTable, type DataTableProps } from './DataTable';

/** A titled section holding one table named by the same title. */
export function TableSection<T>({
  title,
  actions,
  ...table
}: Omit<DataTableProps<T>, 'label'> & { title: string; actions?: ReactNode }) {
  return (
    <Section title={title} actions={actions}>
      <DataTable {...table} label={title} />
    </Section>
  );
}
