import { Button, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Previous/next paging under a list, with where the reader is. */
export function Pager({
  page,
  perPage,
  total,
  onPage,
}: {
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const translate = useTranslate();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (total <= perPage && page === 1) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" justifyContent="flex-end" sx={{ mt: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('screens.common.pageOf', { page, pages, total })}
      </Typography>
      <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {translate('screens.common.prev')}
      </Button>
      <Button size="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {translate('screens.common.next')}
      </Button>
    </Stack>
  );
}
