import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../../format/date';

type Json = Record<string, unknown> | null;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A recorded value as text; instants in the programme time zone like the rest of the admin. */
function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Before and after of an audited change side by side, changed fields first and highlighted. */
export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const translate = useTranslate();
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]));
  const changed = (key: string) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]);
  const rows = [...keys.filter(changed), ...keys.filter((k) => !changed(k))];
  const t = (key: string) => translate(`screens.audit.${key}`);
  if (rows.length === 0) return <Box sx={{ color: 'text.secondary', p: 1 }}>{t('noData')}</Box>;
  return (
    <Table size="small" aria-label={t('diff')}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ fontWeight: 600 }}>{t('field')}</TableCell>
          <TableCell sx={{ fontWeight: 600 }}>{t('before')}</TableCell>
          <TableCell sx={{ fontWeight: 600 }}>{t('after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((key) => {
          const isChanged = changed(key);
          return (
            <TableRow
              key={key}
              data-changed={isChanged || undefined}
              sx={
                isChanged ? { bgcolor: 'rgba(255, 167, 38, 0.14)', '& td': { fontWeight: 600 } } : undefined
              }
            >
              <TableCell>
                <code>{key}</code>
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-all', color: isChanged ? 'error.main' : undefined }}>
                {show(before?.[key])}
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-all', color: isChanged ? 'success.main' : undefined }}>
                {show(after?.[key])}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
