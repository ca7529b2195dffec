import { useState } from 'react';
import { useMutation } from '@apollo/client';
import { Alert, Box, LinearProgress, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/ActionDialog';
import { useEnumLabel } from '../../shared/enums';
import { formatCount } from '../../../format/number';
import { localDateTimeToIso } from '../../shared/period';
import { useNow } from '../../shared/time';
import { RUN_JOB, type JobRun } from './jobQueries';

/**
 * Runs a job now after confirmation, as of now or a chosen instant. runJob answers when the run is
 * over, so the dialog shows progress (elapsed time) until then and the run's counts after.
 */
export function RunJobDialog({ job, onClose }: { job: string; onClose: () => void }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [asOf, setAsOf] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const now = useNow(1000);
  const [run, { data, loading, error }] = useMutation<{ runJob: JobRun }>(RUN_JOB, {
    refetchQueries: ['Jobs', 'JobRuns'],
  });
  const result = data?.runJob;
  const t = (key: string, options?: object) => translate(`screens.jobs.${key}`, options);

  const submit = async () => {
    setStartedAt(Date.now());
    try {
      await run({ variables: { input: { job, asOf: localDateTimeToIso(asOf) ?? undefined } } });
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <ActionDialog
      open
      title={t('runTitle', { job: enumLabel('JobName', job) })}
      submitLabel={t(result ? 'runAgain' : 'run')}
      busy={loading}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Alert severity="warning">{t('runWarning')}</Alert>
      <TextField
        size="small"
        type="datetime-local"
        label={t('asOf')}
        helperText={t('asOfHint')}
        value={asOf}
        onChange={(e) => setAsOf(e.target.value)}
        disabled={loading}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      {loading && (
        <Box role="status" aria-label={t('running')}>
          <LinearProgress />
          <Box sx={{ mt: 1, fontSize: 14 }}>
            {t('elapsed', { seconds: startedAt ? Math.max(0, Math.round((now - startedAt) / 1000)) : 0 })}
          </Box>
        </Box>
      )}
      {result && !loading && (
        <Alert
          severity={
            result.status === 'SUCCEEDED' ? 'success' : result.status === 'SKIPPED' ? 'info' : 'error'
          }
          role="status"
        >
          {t('result', {
            status: enumLabel('JobRunStatus', result.status),
            processed: formatCount(result.processed),
            affected: formatCount(result.affected),
          })}
          {result.error ? ` ${result.error}` : ''}
        </Alert>
      )}
    </ActionDialog>
  );
}
