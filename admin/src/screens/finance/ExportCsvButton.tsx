import { gql, useLazyQuery } from '@apollo/client';
import { Button, CircularProgress } from '@mui/material';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { useNotify, useTranslate } from 'react-admin';
import { useApiErrorText } from '../shared/apiError';
import { downloadText } from '../shared/download';

export const FINANCE_EXPORT = gql`
  query FinanceExport($input: FinanceExportInput!) {
    financeExport(input: $input) {
      filename
      contentType
      content
      rows
    }
  }
`;

export interface FinanceExportInput {
  kind: string;
  from?: string;
  to?: string;
  dealershipId?: string;
}

export interface CsvFile {
  filename: string;
  contentType: string;
  content: string;
  rows: number;
}

/** Runs financeExport and downloads the CSV; the button shows progress while the server builds it. */
export function useFinanceExport(): [(input: FinanceExportInput) => Promise<CsvFile | null>, boolean] {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const [run, { loading }] = useLazyQuery<{ financeExport: CsvFile }>(FINANCE_EXPORT, {
    fetchPolicy: 'no-cache',
  });
  const exportCsv = async (input: FinanceExportInput) => {
    try {
      const { data, error } = await run({ variables: { input } });
      if (error || !data) throw error ?? new Error('no data');
      const file = data.financeExport;
      downloadText(file.filename, file.content, file.contentType);
      notify(translate('screens.common.exported', { rows: file.rows, filename: file.filename }), {
        type: 'success',
      });
      return file;
    } catch (err) {
      notify(errorText(err), { type: 'error' });
      return null;
    }
  };
  return [exportCsv, loading];
}

/** "Export CSV" for a finance report as currently filtered. */
export function ExportCsvButton({ input, disabled }: { input: FinanceExportInput; disabled?: boolean }) {
  const translate = useTranslate();
  const [exportCsv, loading] = useFinanceExport();
  return (
    <Button
      variant="outlined"
      startIcon={loading ? <CircularProgress size={16} /> : <FileDownloadIcon />}
      disabled={disabled || loading}
      onClick={() => void exportCsv(input)}
      aria-busy={loading || undefined}
    >
      {translate(loading ? 'screens.common.exporting' : 'screens.common.exportCsv')}
    </Button>
  );
}
