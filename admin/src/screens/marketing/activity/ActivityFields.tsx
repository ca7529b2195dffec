import { useQuery } from '@apollo/client';
import { Box, Chip, MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EnumSelect } from '../../shared/EnumSelect';
import { ACTIVITY_TYPES, TRANSACTION_TYPES, useEnumLabel } from '../../shared/enums';
import { YuanField } from '../../shared/forms';
import { useDealerships } from '../../shared/dealerships';
import { EDITABLE_WHILE_ACTIVE, TYPE_FIELDS, type ActivityDraft } from './activityDraft';
import { TIERS } from './activityQueries';

interface Props {
  draft: ActivityDraft;
  onChange: (d: ActivityDraft) => void;
  /** Null for a new activity. */
  status: string | null;
  errorProps: (path: string, hint?: string) => Pick<TextFieldProps, 'error' | 'helperText'>;
}

interface Option {
  id: string;
  label: string;
}

/** A multi-select whose empty value means "all" (tiers, dealerships, transaction types). */
function MultiSelect({
  label,
  options,
  value,
  onChange,
  hint,
  disabled,
  errorProps,
}: {
  label: string;
  options: Option[];
  value: string[];
  onChange: (v: string[]) => void;
  hint: string;
  disabled: boolean;
  errorProps: Pick<TextFieldProps, 'error' | 'helperText'>;
}) {
  const names = new Map(options.map((o) => [o.id, o.label]));
  return (
    <TextField
      select
      size="small"
      fullWidth
      label={label}
      value={value}
      disabled={disabled}
      onChange={(e) =>
        onChange(
          typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]),
        )
      }
      helperText={errorProps.helperText ?? hint}
      error={errorProps.error}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {(selected as string[]).map((id) => (
                <Chip key={id} size="small" label={names.get(id) ?? id} />
              ))}
            </Box>
          ),
        },
      }}
    >
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The settings of an activity; only those its type has, and only those its status still allows. */
export function ActivityFields({ draft, onChange, status, errorProps }: Props) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const tiers = useQuery<{ tiers: { items: { id: string; name: string }[] } }>(TIERS, {
    variables: { sort: [{ field: 'RANK', order: 'ASC' }], page: { page: 1, perPage: 100 } },
  });
  const { dealerships } = useDealerships();
  const has = (field: keyof ActivityDraft) => TYPE_FIELDS[draft.type]?.includes(field) ?? false;
  const locked = (field: keyof ActivityDraft) =>
    status === 'ACTIVE' && !EDITABLE_WHILE_ACTIVE.includes(field);
  const label = (field: string) => translate(`screens.activityEditor.fields.${field}`);
  const field = (key: keyof ActivityDraft, extra: Partial<TextFieldProps> = {}): TextFieldProps => ({
    size: 'small',
    fullWidth: true,
    label: label(key),
    value: draft[key],
    disabled: locked(key),
    onChange: (e) => onChange({ ...draft, [key]: e.target.value }),
    ...errorProps(`input.${key}`),
    ...extra,
  });
  const dateTime = { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } } as const;
  const whole = { type: 'number', slotProps: { htmlInput: { min: 0, step: 1 } } } as const;
  const all = translate('screens.activityEditor.emptyMeansAll');

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 2 }}>
      <TextField {...field('name')} required />
      <EnumSelect
        size="small"
        fullWidth
        enumName="ActivityType"
        values={ACTIVITY_TYPES}
        label={label('type')}
        value={draft.type}
        onChange={(type) => onChange({ ...draft, type })}
        disabled={status !== null}
        helperText={status !== null ? translate('screens.activityEditor.typeFixed') : undefined}
      />
      <TextField {...field('announceAt', dateTime)} />
      <TextField {...field('startsAt', dateTime)} required />
      <TextField {...field('endsAt', dateTime)} required />
      <MultiSelect
        label={label('eligibleTierIds')}
        options={(tiers.data?.tiers.items ?? []).map((t) => ({ id: t.id, label: t.name }))}
        value={draft.eligibleTierIds}
        onChange={(eligibleTierIds) => onChange({ ...draft, eligibleTierIds })}
        hint={all}
        disabled={locked('eligibleTierIds')}
        errorProps={errorProps('input.eligibleTierIds')}
      />
      <MultiSelect
        label={label('dealershipIds')}
        options={dealerships.map((d) => ({ id: d.id, label: d.name }))}
        value={draft.dealershipIds}
        onChange={(dealershipIds) => onChange({ ...draft, dealershipIds })}
        hint={all}
        disabled={locked('dealershipIds')}
        errorProps={errorProps('input.dealershipIds')}
      />
      {has('transactionTypes') && (
        <MultiSelect
          label={label('transactionTypes')}
          options={TRANSACTION_TYPES.map((t) => ({ id: t, label: enumLabel('TransactionType', t) }))}
          value={draft.transactionTypes}
          onChange={(transactionTypes) => onChange({ ...draft, transactionTypes })}
          hint={all}
          disabled={locked('transactionTypes')}
          errorProps={errorProps('input.transactionTypes')}
        />
      )}
      {has('minAmount') && <YuanField {...field('minAmount')} />}
      {has('multiplier') && (
        <TextField
          {...field('multiplier', { type: 'number', slotProps: { htmlInput: { min: 1, step: 0.1 } } })}
          required
        />
      )}
      {has('bonusPoints') && <TextField {...field('bonusPoints', whole)} required />}
      {has('rewardPoints') && <TextField {...field('rewardPoints', whole)} required />}
      {has('capacity') && <TextField {...field('capacity', whole)} required />}
      <TextField {...field('budgetPoints', whole)} />
      <YuanField {...field('fixedCost')} />
      <TextField {...field('description')} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
    </Box>
  );
}
