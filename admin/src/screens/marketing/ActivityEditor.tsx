import { useEffect, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client';
import { Alert, Box, Button, Chip, MenuItem, Stack, TextField } from '@mui/material';
import { Confirm, useLocation, useNavigate, useNotify, useTranslate } from 'react-admin';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Loading } from '../shared/states';
import { useEnumLabel } from '../shared/enums';
import { useFieldErrors } from '../shared/forms';
import { useApiErrorText } from '../shared/apiError';
import { formatCount } from '../../format/number';
import { ActivityFields } from './activity/ActivityFields';
import { PreviewPanel } from './activity/PreviewPanel';
import {
  EDITABLE_STATUSES,
  createInput,
  draftOf,
  draftProblems,
  emptyDraft,
  updateInput,
  type ActivityDraft,
} from './activity/activityDraft';
import {
  ACTIVITIES,
  ACTIVITY,
  CREATE_ACTIVITY,
  PREVIEW_ACTIVITY,
  PUBLISH_ACTIVITY,
  UPDATE_ACTIVITY,
  type Activity,
  type ActivityPreview,
} from './activity/activityQueries';

/**
 * The activity editor: create or change an activity, preview its reach and cost from the last 90
 * days, then publish it after a confirmation that shows that preview.
 */
export default function ActivityEditor() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const client = useApolloClient();
  const id = new URLSearchParams(useLocation().search).get('id');
  const existing = useQuery<{ activity: Activity | null }>(ACTIVITY, {
    variables: { id },
    skip: !id,
    fetchPolicy: 'network-only',
  });
  const editable = useQuery<{ activities: { items: Activity[] } }>(ACTIVITIES, {
    variables: { sort: [{ field: 'STARTS_AT', order: 'DESC' }], page: { page: 1, perPage: 100 } },
    fetchPolicy: 'cache-and-network',
  });
  const activity = id ? (existing.data?.activity ?? null) : null;
  const [draft, setDraft] = useState<ActivityDraft>(emptyDraft);
  const [preview, setPreview] = useState<{ of: string; result: ActivityPreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const errors = useFieldErrors();
  const clearErrors = errors.clear;
  const [create, createState] = useMutation<{ createActivity: Activity }>(CREATE_ACTIVITY);
  const [update, updateState] = useMutation<{ updateActivity: Activity }>(UPDATE_ACTIVITY);
  const [publish, publishState] = useMutation(PUBLISH_ACTIVITY, {
    refetchQueries: ['Activities', 'Activity'],
  });

  useEffect(() => {
    setDraft(activity ? draftOf(activity) : emptyDraft());
    setPreview(null);
    clearErrors();
    // The form follows the stored activity: another one opened, or this one saved.
  }, [activity?.id, activity?.updatedAt, id]);

  const status = activity?.status ?? null;
  const canEdit = status === null || EDITABLE_STATUSES.includes(status);
  const canPublish = status === null || status === 'DRAFT';
  const fingerprint = JSON.stringify(createInput(draft));
  const busy = previewing || createState.loading || updateState.loading || publishState.loading;

  const check = () => {
    errors.clear();
    const problems = draftProblems(draft, translate('screens.common.invalidYuan'));
    for (const [path, message] of Object.entries(problems)) errors.flag(path, message);
    return Object.keys(problems).length === 0;
  };

  const runPreview = async (): Promise<ActivityPreview | null> => {
    if (!check()) return null;
    setPreviewing(true);
    try {
      const { data } = await client.query<{ previewActivity: ActivityPreview }>({
        query: PREVIEW_ACTIVITY,
        variables: { input: createInput(draft) },
        fetchPolicy: 'no-cache',
      });
      setPreview({ of: fingerprint, result: data.previewActivity });
      return data.previewActivity;
    } catch (err) {
      errors.capture(err);
      notify(errorText(err, { fieldsShown: true }), { type: 'error' });
      return null;
    } finally {
      setPreviewing(false);
    }
  };

  /** Saves the form; returns the activity's id (a new one is created as DRAFT). */
  const save = async (): Promise<string | null> => {
    if (!check()) return null;
    try {
      if (activity) {
        await update({ variables: { id: activity.id, input: updateInput(draft, activity.status) } });
        return activity.id;
      }
      const result = await create({ variables: { input: createInput(draft) } });
      return result.data?.createActivity.id ?? null;
    } catch (err) {
      errors.capture(err);
      notify(errorText(err, { fieldsShown: true }), { type: 'error' });
      return null;
    }
  };

  const saveOnly = async () => {
    const savedId = await save();
    if (!savedId) return;
    notify(translate('screens.activityEditor.saved'), { type: 'success' });
    if (!activity) navigate(`/activity-editor?id=${encodeURIComponent(savedId)}`);
    else void existing.refetch();
  };

  const askToPublish = async () => {
    if ((preview?.of === fingerprint ? preview.result : await runPreview()) !== null) setConfirming(true);
  };

  const saveAndPublish = async () => {
    const savedId = await save();
    if (!savedId) return setConfirming(false);
    try {
      await publish({ variables: { id: savedId } });
      notify(translate('screens.activityEditor.published'), { type: 'success' });
      navigate(`/activity-stats?id=${encodeURIComponent(savedId)}`);
    } catch (err) {
      notify(errorText(err), { type: 'error' });
      setConfirming(false);
      if (!activity) navigate(`/activity-editor?id=${encodeURIComponent(savedId)}`);
    }
  };

  if (id && existing.loading && !activity) return <Loading />;
  const choices = (editable.data?.activities.items ?? []).filter((a) => EDITABLE_STATUSES.includes(a.status));
  const current = preview?.of === fingerprint ? preview.result : null;

  return (
    <ScreenPage
      titleKey={activity ? 'screens.activityEditor.editTitle' : 'screens.activityEditor.newTitle'}
      actions={
        <TextField
          select
          size="small"
          label={translate('screens.activityEditor.open')}
          value={id ?? ''}
          onChange={(e) =>
            navigate(
              e.target.value
                ? `/activity-editor?id=${encodeURIComponent(e.target.value)}`
                : '/activity-editor',
            )
          }
          sx={{ minWidth: 280 }}
        >
          <MenuItem value="">{translate('screens.activityEditor.new')}</MenuItem>
          {choices.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {`${a.name}（${enumLabel('ActivityStatus', a.status)}）`}
            </MenuItem>
          ))}
        </TextField>
      }
    >
      <ErrorAlert error={existing.error} />
      {activity && (
        <Stack direction="row" spacing={1} alignItems="center">
          <Chip
            label={enumLabel('ActivityStatus', activity.status)}
            color={activity.status === 'DRAFT' ? 'default' : 'primary'}
          />
          {activity.status === 'ACTIVE' && (
            <Alert severity="info" sx={{ py: 0 }}>
              {translate('screens.activityEditor.activeLimits')}
            </Alert>
          )}
          {!canEdit && (
            <Alert severity="warning" sx={{ py: 0 }}>
              {translate('screens.activityEditor.closed')}
            </Alert>
          )}
        </Stack>
      )}
      <Section title={translate('screens.activityEditor.settings')}>
        <ActivityFields draft={draft} onChange={setDraft} status={status} errorProps={errors.props} />
      </Section>
      <Section
        title={translate('screens.activityEditor.previewTitle')}
        actions={
          <Button
            variant="outlined"
            onClick={() => void runPreview()}
            disabled={busy || !draft.name.trim() || !draft.startsAt || !draft.endsAt}
          >
            {translate(
              previewing ? 'screens.activityEditor.previewing' : 'screens.activityEditor.runPreview',
            )}
          </Button>
        }
      >
        {preview ? (
          <PreviewPanel preview={preview.result} stale={!current} />
        ) : (
          <Box sx={{ color: 'text.secondary', fontSize: 14 }}>
            {translate('screens.activityEditor.previewHint')}
          </Box>
        )}
      </Section>
      <Stack direction="row" spacing={1}>
        <Button
          variant="outlined"
          onClick={() => void saveOnly()}
          disabled={busy || !canEdit || !draft.name.trim()}
        >
          {translate(activity ? 'screens.activityEditor.save' : 'screens.activityEditor.saveDraft')}
        </Button>
        {canPublish && (
          <Button
            variant="contained"
            onClick={() => void askToPublish()}
            disabled={busy || !draft.name.trim() || !draft.startsAt || !draft.endsAt}
          >
            {translate('screens.activityEditor.publish')}
          </Button>
        )}
      </Stack>
      <Confirm
        isOpen={confirming && Boolean(current)}
        loading={busy}
        title="screens.activityEditor.confirmTitle"
        content="screens.activityEditor.confirmContent"
        contentTranslateOptions={{
          name: draft.name,
          members: formatCount(current?.eligibleMembers ?? 0),
          points: formatCount(current?.expectedPoints ?? 0),
          cost: formatFen(current?.expectedCost ?? 0),
        }}
        confirm="screens.activityEditor.publish"
        cancel="screens.common.cancel"
        onConfirm={() => void saveAndPublish()}
        onClose={() => setConfirming(false)}
      />
    </ScreenPage>
  );
}
