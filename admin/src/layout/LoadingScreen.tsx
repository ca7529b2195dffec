import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Shown while a lazy screen's code or the API schema loads. */
export function LoadingScreen({ messageKey = 'app.loading' }: { messageKey?: string }) {
  const translate = useTranslate();
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 2, p: 6 }}
      role="progressbar"
    >
      <CircularProgress size={24} />
      <Typography color="text.secondary">{translate(messageKey)}</Typography>
    </Box>
  );
}
