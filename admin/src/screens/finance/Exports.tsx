import { useState } from 'react';
import { Box, Button, CircularProgress, LinearProgress, Stack } from '@mui/material';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { EnumSelect } from '../shared/EnumSelect';
import { FINANCE_EXPORT_KINDS, useEnumLabel } from '../shared/enums';
import { PeriodPicker } from '../shared/PeriodPicker';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { DataTable, type Column } from '../shared/DataTable';
import { formatDateTime } from '../../format/date';
import { formatCount } from '../../format/number';
import { lastDays, periodRange } from '../shared/period';
import { useFinanceExport, type CsvFile } from './ExportCsvButton';

interface Done extends CsvFile {
  kind: string;
  at: string;
}

/** CSV exports of the finance reports and the card ledger for a period, with progress while they build. */
export default function Exports() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [kind, setKind] = useState<string>('STORED_VALUE_MOVEMENTS');
  const [period, setPeriod] = useState(() => lastDays(30));
  const [dealershipId, setDealershipId] = useWorkingDealership();
  const [done, setDone] = useState<Done[]>([]);
  const [exportCsv, loading] = useFinanceExport();
  const t = (key: string) => translate(`screens.exports.${key}`);

  const run = async () => {
    const range = periodRange(period);
    // The liability is a position at an instant: the end of the last day.
    const input = kind === 'STORED_VALUE_LIABILITY' ? { kind, to: range.to } : { kind, ...range };
    const file = await exportCsv({ ...input, dealershipId: dealershipId || undefined });
    if (file) setDone((list) => [{ ...file, kind, at: new Date().toISOString() }, ...list]);
  };

  const columns: Column<Done>[] = [
    { key: 'at', label: t('at'), render: (d) => formatDateTime(d.at) },
    { key: 'kind', label: t('kind'), render: (d) => enumLabel('FinanceExportKind', d.kind) },
    { key: 'file', label: t('file'), render: (d) => d.filename },
    { key: 'rows', label: t('rows'), align: 'right', render: (d) => formatCount(d.rows) },
  ];

  return (
    <ScreenPage titleKey="screens.exports.title">
      <Section>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            <EnumSelect
              enumName="FinanceExportKind"
              values={FINANCE_EXPORT_KINDS}
              label={t('kind')}
              value={kind}
              onChange={setKind}
              sx={{ minWidth: 220 }}
            />
            <DealershipSelect allowAll value={dealershipId} onChange={setDealershipId} />
          </Stack>
          <PeriodPicker value={period} onChange={setPeriod} />
          <Box sx={{ color: 'text.secondary', fontSize: 14 }}>
            {t(kind === 'STORED_VALUE_LIABILITY' ? 'liabilityHint' : 'periodHint')}
          </Box>
          <Box>
            <Button
              variant="contained"
              onClick={() => void run()}
              disabled={loading}
              startIcon={loading ? <CircularProgress size={16} color="inherit" /> : <FileDownloadIcon />}
            >
              {translate(loading ? 'screens.common.exporting' : 'screens.common.exportCsv')}
            </Button>
          </Box>
          {loading && <LinearProgress aria-label={translate('screens.common.exporting')} />}
        </Stack>
      </Section>
      <Section title={t('history')}>
        <DataTable
          label={t('history')}
          columns={columns}
          rows={done}
          rowKey={(d) => `${d.at}-${d.filename}`}
          emptyKey="screens.exports.none"
        />
      </Section>
    </ScreenPage>
  );
}
