import type { ReactNode } from 'react';
import {
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { Empty } from './states';

export interface Column<T> {
  key: string;
  /** Already translated header. */
  label: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
  /** Free text (notes, reasons) may wrap; everything else stays on one line. */
  wrap?: boolean;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  loading?: boolean;
  /** Accessible name of the table. */
  label: string;
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  emptyKey?: string;
  maxHeight?: number | string;
}

/** A compact read-only table with loading and empty states, the one the screens share. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  loading,
  label,
  onRowClick,
  selectedKey,
  emptyKey,
  maxHeight,
}: DataTableProps<T>) {
  return (
    <TableContainer sx={{ maxHeight }}>
      {loading && <LinearProgress aria-hidden />}
      <Table size="small" stickyHeader aria-label={label} aria-busy={loading || undefined}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell
                key={c.key}
                align={c.align}
                sx={{ width: c.width, whiteSpace: 'nowrap', fontWeight: 600 }}
              >
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <TableRow
                key={key}
                hover={Boolean(onRowClick)}
                selected={selectedKey === key}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                sx={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((c) => (
                  <TableCell
                    key={c.key}
                    align={c.align}
                    sx={c.wrap ? { minWidth: 160 } : { whiteSpace: 'nowrap' }}
                  >
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {!loading && rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>
                <Empty messageKey={emptyKey} />
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
