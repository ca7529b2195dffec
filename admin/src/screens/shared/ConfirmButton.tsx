import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import { Confirm } from 'react-admin';

type Props = Omit<ButtonProps, 'onClick'> & {
  /** i18n keys of the dialog. */
  titleKey: string;
  contentKey: string;
  translateOptions?: Record<string, unknown>;
  onConfirm: () => Promise<unknown> | void;
  confirmColor?: 'primary' | 'warning';
  children: ReactNode;
};

/** A button that asks first: for destructive or irreversible actions (publish, run a job, refund). */
export function ConfirmButton({
  titleKey,
  contentKey,
  translateOptions,
  onConfirm,
  confirmColor = 'primary',
  children,
  ...button
}: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={titleKey}
        content={contentKey}
        titleTranslateOptions={translateOptions}
        contentTranslateOptions={translateOptions}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        confirm="screens.common.confirm"
        confirmColor={confirmColor}
        cancel="screens.common.cancel"
      />
    </>
  );
}
