import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client';
import { Button, MenuItem, Rating, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/ActionDialog';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { EnumSelect } from '../../shared/EnumSelect';
import { COMPLAINT_OUTCOMES } from '../../shared/enums';
import { useApiErrorText } from '../../shared/apiError';
import {
  ACKNOWLEDGE,
  ADD_NOTE,
  AFTER_STEP,
  ASSIGN,
  CLOSE,
  HANDLERS,
  REOPEN,
  RESOLVE,
  type ComplaintDetail,
} from './complaintQueries';

type Step = 'assign' | 'note' | 'resolve' | 'close' | 'reopen';

/** Which steps the API allows from each status (complaint-rules STEP_FROM). */
const ALLOWED: Record<Step | 'acknowledge', string[]> = {
  acknowledge: ['OPEN'],
  assign: ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS'],
  note: ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'],
  resolve: ['ACKNOWLEDGED', 'IN_PROGRESS'],
  close: ['RESOLVED'],
  reopen: ['RESOLVED'],
};

const HANDLER_ROLES = ['CUSTOMER_SERVICE', 'ADMIN', 'STORE_STAFF'];

interface Handler {
  id: string;
  name: string;
  role: string;
  dealershipId: string | null;
  dealership: { name: string } | null;
}

/** Who may take a complaint (as assignComplaint checks): a handling role, group-wide or of its dealership. */
function canHandle(staff: Handler, complaint: ComplaintDetail): boolean {
  return (
    HANDLER_ROLES.includes(staff.role) &&
    (!staff.dealershipId || staff.dealershipId === complaint.dealership?.id)
  );
}

/** The steps of a complaint as buttons; each asks what it needs in a dialog (or a confirmation). */
export function ComplaintActions({ complaint }: { complaint: ComplaintDetail }) {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [outcome, setOutcome] = useState('RESOLVED_EXPLAINED');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const options = { refetchQueries: AFTER_STEP, awaitRefetchQueries: true };
  const [acknowledge] = useMutation(ACKNOWLEDGE, options);
  const [assign, assignState] = useMutation(ASSIGN, options);
  const [addNote, noteState] = useMutation(ADD_NOTE, options);
  const [resolve, resolveState] = useMutation(RESOLVE, options);
  const [close, closeState] = useMutation(CLOSE, options);
  const [reopen, reopenState] = useMutation(REOPEN, options);
  const handlers = useQuery<{
    staffUsers: { items: Handler[] };
  }>(HANDLERS, {
    variables: {
      filter: { active: true },
      sort: [{ field: 'NAME', order: 'ASC' }],
      page: { page: 1, perPage: 200 },
    },
    skip: open !== 'assign',
  });

  const can = (step: Step | 'acknowledge') => ALLOWED[step].includes(complaint.status);
  const start = (step: Step) => {
    setText('');
    setAssigneeId(complaint.assigneeId ?? '');
    setSatisfaction(null);
    for (const state of [assignState, noteState, resolveState, closeState, reopenState]) state.reset();
    setOpen(step);
  };
  const done = (messageKey: string) => {
    notify(translate(messageKey, { ticketNo: complaint.ticketNo }), { type: 'success' });
    setOpen(null);
  };
  const run = async (mutate: () => Promise<unknown>, messageKey: string) => {
    try {
      await mutate();
      done(messageKey);
    } catch {
      // The dialog shows the error from the mutation state.
    }
  };
  const complaintId = complaint.id;

  const dialogs: Record<
    Step,
    {
      title: string;
      submit: () => void;
      state: { loading: boolean; error?: unknown };
      canSubmit: boolean;
      body: ReactNode;
    }
  > = {
    assign: {
      title: translate('screens.complaints.assign'),
      state: assignState,
      canSubmit: Boolean(assigneeId),
      submit: () =>
        run(
          () => assign({ variables: { input: { complaintId, assigneeId } } }),
          'screens.complaints.assigned',
        ),
      body: (
        <TextField
          select
          size="small"
          label={translate('screens.complaints.assignee')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
        >
          {(handlers.data?.staffUsers.items ?? [])
            .filter((s) => canHandle(s, complaint))
            .map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {[s.name, translate(`enums.StaffRole.${s.role}`), s.dealership?.name]
                  .filter(Boolean)
                  .join(' · ')}
              </MenuItem>
            ))}
        </TextField>
      ),
    },
    note: {
      title: translate('screens.complaints.addNote'),
      state: noteState,
      canSubmit: text.trim().length >= 2,
      submit: () =>
        run(
          () => addNote({ variables: { input: { complaintId, note: text.trim() } } }),
          'screens.complaints.noted',
        ),
      body: (
        <TextField
          multiline
          minRows={3}
          label={translate('screens.complaints.note')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ),
    },
    resolve: {
      title: translate('screens.complaints.resolve'),
      state: resolveState,
      canSubmit: text.trim().length >= 2,
      submit: () =>
        run(
          () => resolve({ variables: { input: { complaintId, outcome, resolution: text.trim() } } }),
          'screens.complaints.resolved',
        ),
      body: (
        <>
          <EnumSelect
            enumName="ComplaintOutcome"
            values={COMPLAINT_OUTCOMES}
            label={translate('screens.complaints.outcome')}
            value={outcome}
            onChange={setOutcome}
          />
          <TextField
            multiline
            minRows={3}
            label={translate('screens.complaints.resolution')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </>
      ),
    },
    close: {
      title: translate('screens.complaints.close'),
      state: closeState,
      canSubmit: true,
      submit: () =>
        run(
          () =>
            close({
              variables: {
                input: {
                  complaintId,
                  satisfaction: satisfaction ?? undefined,
                  feedback: text.trim() || undefined,
                },
              },
            }),
          'screens.complaints.closed',
        ),
      body: (
        <>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography component="legend" id="satisfaction-label">
              {translate('screens.complaints.satisfaction')}
            </Typography>
            <Rating
              name="satisfaction"
              value={satisfaction}
              onChange={(_, v) => setSatisfaction(v)}
              aria-labelledby="satisfaction-label"
            />
          </Stack>
          <TextField
            multiline
            minRows={2}
            label={translate('screens.complaints.feedback')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </>
      ),
    },
    reopen: {
      title: translate('screens.complaints.reopen'),
      state: reopenState,
      canSubmit: text.trim().length >= 2,
      submit: () =>
        run(
          () => reopen({ variables: { input: { complaintId, reason: text.trim() } } }),
          'screens.complaints.reopened',
        ),
      body: (
        <TextField
          multiline
          minRows={2}
          label={translate('screens.complaints.reopenReason')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ),
    },
  };

  const current = open ? dialogs[open] : null;
  return (
    <Stack
      direction="row"
      spacing={1}
      flexWrap="wrap"
      useFlexGap
      aria-label={translate('screens.common.actions')}
    >
      {can('acknowledge') && (
        <ConfirmButton
          variant="contained"
          titleKey="screens.complaints.acknowledge"
          contentKey="screens.complaints.acknowledgeConfirm"
          translateOptions={{ ticketNo: complaint.ticketNo }}
          onConfirm={async () => {
            try {
              await acknowledge({ variables: { id: complaintId } });
              done('screens.complaints.acknowledged');
            } catch (err) {
              notify(errorText(err), { type: 'error' });
            }
          }}
        >
          {translate('screens.complaints.acknowledge')}
        </ConfirmButton>
      )}
      {can('assign') && (
        <Button variant="outlined" onClick={() => start('assign')}>
          {translate('screens.complaints.assign')}
        </Button>
      )}
      {can('resolve') && (
        <Button variant="contained" color="success" onClick={() => start('resolve')}>
          {translate('screens.complaints.resolve')}
        </Button>
      )}
      {can('close') && (
        <Button variant="contained" onClick={() => start('close')}>
          {translate('screens.complaints.close')}
        </Button>
      )}
      {can('reopen') && (
        <Button variant="outlined" color="warning" onClick={() => start('reopen')}>
          {translate('screens.complaints.reopen')}
        </Button>
      )}
      {can('note') && (
        <Button onClick={() => start('note')}>{translate('screens.complaints.addNote')}</Button>
      )}
      {current && (
        <ActionDialog
          open
          title={current.title}
          submitLabel={current.title}
          busy={current.state.loading}
          error={current.state.error}
          canSubmit={current.canSubmit}
          onSubmit={current.submit}
          onClose={() => setOpen(null)}
        >
          {current.body}
        </ActionDialog>
      )}
    </Stack>
  );
}
