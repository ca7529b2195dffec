import { gql, useLazyQuery } from '@apollo/client';
import { Alert, Box, Button, CircularProgress, LinearProgress, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { StatCard, StatRow } from '../shared/StatCard';
import { DataTable, type Column } from '../shared/DataTable';
import { formatDateTime } from '../../format/date';
import { formatCount } from '../../format/number';
import { downloadText } from '../shared/download';
import { toCsv } from '../shared/csv';

const LEDGER_INTEGRITY = gql`
  query LedgerIntegrity {
    ledgerIntegrity {
      checkedAt
      membersChecked
      pointsMismatches
      cardsChecked
      cardMismatches
      mismatches {
        kind
        entityId
        expected
        actual
      }
    }
  }
`;

interface Mismatch {
  kind: string;
  entityId: string;
  expected: number;
  actual: number;
}

interface Report {
  checkedAt: string;
  membersChecked: number;
  pointsMismatches: number;
  cardsChecked: number;
  cardMismatches: number;
  mismatches: Mismatch[];
}

/**
 * The ledger-integrity check (账实核对): every points and card balance recomputed from its ledger.
 * It reads every ledger, so it runs when asked rather than on opening the page.
 */
export default function LedgerIntegrity() {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`screens.ledgerIntegrity.${key}`, options);
  const [check, { data, loading, error }] = useLazyQuery<{ ledgerIntegrity: Report }>(LEDGER_INTEGRITY, {
    fetchPolicy: 'network-only',
  });
  const report = data?.ledgerIntegrity;
  const clean = report && report.pointsMismatches === 0 && report.cardMismatches === 0;

  const columns: Column<Mismatch>[] = [
    {
      key: 'kind',
      label: t('kind'),
      render: (m) => translate(`screens.ledgerIntegrity.kinds.${m.kind}`, { _: m.kind }),
    },
    { key: 'id', label: t('entity'), render: (m) => <code>{m.entityId}</code> },
    { key: 'expected', label: t('expected'), align: 'right', render: (m) => m.expected },
    { key: 'actual', label: t('actual'), align: 'right', render: (m) => m.actual },
  ];
  const exportMismatches = () =>
    report &&
    downloadText(
      `ledger-mismatches-${report.checkedAt.slice(0, 10)}.csv`,
      toCsv(
        [t('kind'), t('entity'), t('expected'), t('actual')],
        report.mismatches.map((m) => [m.kind, m.entityId, m.expected, m.actual]),
      ),
    );

  return (
    <ScreenPage
      titleKey="screens.ledgerIntegrity.title"
      actions={
        <Button
          variant="contained"
          onClick={() => void check()}
          disabled={loading}
          startIcon={loading ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {t(loading ? 'running' : report ? 'again' : 'run')}
        </Button>
      }
    >
      {loading && (
        <Box role="status" aria-label={t('running')}>
          <LinearProgress />
        </Box>
      )}
      <ErrorAlert error={error} />
      {!report && !loading && <Alert severity="info">{t('intro')}</Alert>}
      {report && (
        <>
          <Alert severity={clean ? 'success' : 'error'} role="status">
            {clean
              ? t('clean', { at: formatDateTime(report.checkedAt) })
              : t('broken', {
                  at: formatDateTime(report.checkedAt),
                  count: report.pointsMismatches + report.cardMismatches,
                })}
          </Alert>
          <StatRow>
            <StatCard label={t('membersChecked')} value={formatCount(report.membersChecked)} />
            <StatCard
              label={t('pointsMismatches')}
              value={formatCount(report.pointsMismatches)}
              tone={report.pointsMismatches ? 'error' : 'success'}
            />
            <StatCard label={t('cardsChecked')} value={formatCount(report.cardsChecked)} />
            <StatCard
              label={t('cardMismatches')}
              value={formatCount(report.cardMismatches)}
              tone={report.cardMismatches ? 'error' : 'success'}
            />
          </StatRow>
          {!clean && (
            <Section
              title={t('mismatches')}
              actions={
                <Stack direction="row">
                  <Button variant="outlined" onClick={exportMismatches}>
                    {translate('screens.common.exportCsv')}
                  </Button>
                </Stack>
              }
            >
              <DataTable
                label={t('mismatches')}
                columns={columns}
                rows={report.mismatches}
                rowKey={(m) => `${m.kind}-${m.entityId}`}
              />
            </Section>
          )}
        </>
      )}
    </ScreenPage>
  );
}
