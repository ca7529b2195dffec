import { Alert, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../../format/money';
import { StatCard, StatRow } from '../../shared/StatCard';
import { formatCount } from '../../../format/number';
import type { ActivityPreview } from './activityQueries';

/** Reach and expected cost from the last 90 days, as previewActivity reports them. */
export function PreviewPanel({ preview, stale }: { preview: ActivityPreview; stale: boolean }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`screens.activityEditor.preview.${key}`);
  return (
    <Stack spacing={1.5} aria-live="polite">
      {stale && <Alert severity="info">{t('stale')}</Alert>}
      {preview.exceedsBudget && <Alert severity="warning">{t('exceedsBudget')}</Alert>}
      <StatRow>
        <StatCard label={t('eligibleMembers')} value={formatCount(preview.eligibleMembers)} />
        <StatCard label={t('matchingTransactions')} value={formatCount(preview.matchingTransactions)} />
        <StatCard label={t('expectedPoints')} value={formatCount(preview.expectedPoints)} />
        <StatCard label={t('expectedCost')} value={formatFen(preview.expectedCost)} />
      </StatRow>
    </Stack>
  );
}
