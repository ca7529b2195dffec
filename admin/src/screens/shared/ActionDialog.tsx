import type { FormEvent, ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ErrorAlert } from './states';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  error?: unknown;
  canSubmit?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A small form in a dialog for one step of a workflow (assign, resolve, close, record a call). */
export function ActionDialog({
  open,
  title,
  submitLabel,
  busy,
  error,
  canSubmit = true,
  onSubmit,
  onClose,
  children,
}: Props) {
  const translate = useTranslate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="action-dialog-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="action-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            <ErrorAlert error={error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('screens.common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !canSubmit}>
            {busy ? translate('screens.common.saving') : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
