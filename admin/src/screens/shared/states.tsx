import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiErrorText } from './apiError';

/** A spinner with a readable label while data loads. */
export function Loading() {
  const translate = useTranslate();
  const label = translate('screens.common.loading');
  return (
    <Box
      role="status"
      aria-label={label}
      sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 2, color: 'text.secondary' }}
    >
      <CircularProgress size={20} />
      <Typography variant="body2">{label}</Typography>
    </Box>
  );
}

/** What an empty list or report shows instead of a blank space. */
export function Empty({ messageKey = 'screens.common.empty' }: { messageKey?: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2, textAlign: 'center' }}>
      {translate(messageKey)}
    </Typography>
  );
}

/**
 * A failed query or mutation, in words. On a form that shows each field's problem under the field
 * (`fieldsShown`), an error with field problems only points at them.
 */
export function ErrorAlert({ error, fieldsShown }: { error: unknown; fieldsShown?: boolean }) {
  const errorText = useApiErrorText();
  if (!error) return null;
  return (
    <Alert severity="error" role="alert">
      {errorText(error, { fieldsShown })}
    </Alert>
  );
}
