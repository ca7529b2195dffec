import { useState } from 'react';
import { gql, useMutation } from '@apollo/client';
import { FormControlLabel, Radio, RadioGroup, Rating, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/ActionDialog';
import { optional } from '../../shared/forms';

const RECORD_ATTEMPT = gql`
  mutation RecordFollowUpAttempt($input: RecordFollowUpAttemptInput!) {
    recordFollowUpAttempt(input: $input) {
      id
      status
      attempts
      satisfaction
      notes
      completedAt
    }
  }
`;

export interface CallTarget {
  id: string;
  member: { name: string; phone: string };
}

/** Records one call: reached (with satisfaction and outcome) or not; the third miss closes it as UNREACHABLE. */
export function RecordCallDialog({ target, onClose }: { target: CallTarget; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [reached, setReached] = useState('yes');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [record, { loading, error }] = useMutation(RECORD_ATTEMPT, {
    refetchQueries: ['FollowUps'],
    awaitRefetchQueries: true,
  });

  const submit = async () => {
    const wasReached = reached === 'yes';
    try {
      await record({
        variables: {
          input: {
            followUpId: target.id,
            reached: wasReached,
            satisfaction: wasReached ? (satisfaction ?? undefined) : undefined,
            outcome: wasReached ? optional(outcome) : undefined,
            notes: optional(notes),
          },
        },
      });
      notify(translate('screens.followUps.recorded'), { type: 'success' });
      onClose();
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <ActionDialog
      open
      title={translate('screens.followUps.dialogTitle', {
        name: target.member.name,
        phone: target.member.phone,
      })}
      submitLabel={translate('screens.followUps.record')}
      busy={loading}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <RadioGroup
        row
        value={reached}
        onChange={(e) => setReached(e.target.value)}
        aria-label={translate('screens.followUps.reached')}
      >
        <FormControlLabel value="yes" control={<Radio />} label={translate('screens.followUps.reachedYes')} />
        <FormControlLabel value="no" control={<Radio />} label={translate('screens.followUps.reachedNo')} />
      </RadioGroup>
      {reached === 'yes' && (
        <>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography id="follow-up-satisfaction">{translate('screens.followUps.satisfaction')}</Typography>
            <Rating
              name="follow-up-satisfaction"
              value={satisfaction}
              onChange={(_, v) => setSatisfaction(v)}
              aria-labelledby="follow-up-satisfaction"
            />
          </Stack>
          <TextField
            size="small"
            label={translate('screens.followUps.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
        </>
      )}
      <TextField
        multiline
        minRows={2}
        label={translate('screens.followUps.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
    </ActionDialog>
  );
}
