import { useState, type FormEvent } from 'react';
import { gql, useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { Alert, Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { yuanToFen, formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { EnumSelect } from '../shared/EnumSelect';
import { TRANSACTION_TYPES } from '../shared/enums';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { MemberPicker, type PickedMember } from '../shared/MemberPicker';
import { YuanField, optional, optionalInt, useFieldErrors } from '../shared/forms';
import { newIdempotencyKey } from '../shared/ids';
import { isoToLocalDateTime, localDateTimeToIso } from '../shared/period';
import { formatCount } from '../../format/number';

const MEMBER_VEHICLES = gql`
  query MemberVehicles($id: ID!) {
    member(id: $id) {
      id
      vehicles {
        id
        plateNumber
        brand
        model
      }
    }
  }
`;

const RECORD_TRANSACTION = gql`
  mutation RecordTransaction($input: RecordTransactionInput!) {
    recordTransaction(input: $input) {
      id
      externalRef
      dealershipId
      memberId
      vehicleId
      plateNumber
      type
      amount
      occurredAt
      mileage
      pointsEarned
      status
      appliedActivities {
        id
        name
      }
    }
  }
`;

const MEMBER_BALANCE = gql`
  query MemberBalance($id: ID!) {
    member(id: $id) {
      id
      pointsBalance
      qualifyingPoints
      tier {
        id
        name
      }
    }
  }
`;

interface Recorded {
  id: string;
  externalRef: string;
  amount: number;
  pointsEarned: number;
  appliedActivities: { id: string; name: string }[];
}

const blank = () => ({
  type: 'MAINTENANCE',
  amount: '',
  occurredAt: isoToLocalDateTime(new Date().toISOString()),
  mileage: '',
  plateNumber: '',
  description: '',
  externalRef: '',
});

/** A sale or service the DMS did not push, entered at the desk; then the points earned and the new balance. */
export default function RecordTransaction() {
  const translate = useTranslate();
  const [member, setMember] = useState<PickedMember | null>(null);
  const [vehicleId, setVehicleId] = useState('');
  const [form, setForm] = useState(blank);
  const [dealershipId, setDealershipId] = useWorkingDealership();
  // One key per intended sale: a retry after a network error cannot record it twice.
  const [generatedRef, setGeneratedRef] = useState(() => newIdempotencyKey('DESK', 6));
  const errors = useFieldErrors();
  const vehicles = useQuery<{
    member: {
      vehicles: { id: string; plateNumber: string | null; brand: string | null; model: string | null }[];
    } | null;
  }>(MEMBER_VEHICLES, { variables: { id: member?.id }, skip: !member });
  const [record, { data, loading, error, reset }] = useMutation<{ recordTransaction: Recorded }>(
    RECORD_TRANSACTION,
  );
  const [loadBalance, balance] = useLazyQuery<{ member: { pointsBalance: number; tier: { name: string } } }>(
    MEMBER_BALANCE,
    {
      fetchPolicy: 'network-only',
    },
  );
  const set = (key: keyof ReturnType<typeof blank>) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    const amount = yuanToFen(form.amount);
    if (amount === null || Number.isNaN(amount)) {
      errors.flag('input.amount', translate('screens.common.invalidYuan'));
      return;
    }
    const occurredAt = localDateTimeToIso(form.occurredAt);
    const input = {
      externalRef: optional(form.externalRef) ?? generatedRef,
      dealershipId,
      memberId: member?.id,
      vehicleId: optional(vehicleId),
      plateNumber: vehicleId ? undefined : optional(form.plateNumber)?.toUpperCase(),
      type: form.type,
      amount,
      occurredAt: occurredAt ?? new Date().toISOString(),
      mileage: optionalInt(form.mileage),
      description: optional(form.description),
    };
    try {
      const result = await record({ variables: { input } });
      if (member && result.data) await loadBalance({ variables: { id: member.id } });
    } catch (err) {
      errors.capture(err);
    }
  };

  const next = () => {
    reset();
    errors.clear();
    setForm(blank());
    setVehicleId('');
    setMember(null);
    setGeneratedRef(newIdempotencyKey('DESK', 6));
  };

  const recorded = data?.recordTransaction;
  if (recorded) {
    return (
      <ScreenPage titleKey="screens.recordTransaction.title">
        <Alert severity="success" role="status">
          {translate('screens.recordTransaction.done', {
            amount: formatFen(recorded.amount),
            ref: recorded.externalRef,
          })}
        </Alert>
        <Section title={translate('screens.recordTransaction.result')}>
          <Stack spacing={1} aria-live="polite">
            <Box>
              {translate('screens.recordTransaction.pointsEarned', {
                points: formatCount(recorded.pointsEarned),
              })}
            </Box>
            {recorded.appliedActivities.length > 0 && (
              <Box>
                {translate('screens.recordTransaction.activities', {
                  names: recorded.appliedActivities.map((a) => a.name).join('、'),
                })}
              </Box>
            )}
            {balance.data?.member && (
              <Box>
                {translate('screens.recordTransaction.newBalance', {
                  points: formatCount(balance.data.member.pointsBalance),
                  tier: balance.data.member.tier.name,
                })}
              </Box>
            )}
            {!member && <Box>{translate('screens.recordTransaction.walkIn')}</Box>}
          </Stack>
        </Section>
        <Box>
          <Button variant="contained" onClick={next}>
            {translate('screens.recordTransaction.another')}
          </Button>
        </Box>
      </ScreenPage>
    );
  }

  const memberVehicles = vehicles.data?.member?.vehicles ?? [];
  const field = { size: 'small' as const, fullWidth: true };
  return (
    <ScreenPage titleKey="screens.recordTransaction.title">
      <Section title={translate('screens.recordTransaction.memberSection')}>
        <MemberPicker
          value={member}
          onChange={(m) => {
            setMember(m);
            setVehicleId('');
          }}
        />
        {!member && (
          <Box sx={{ mt: 1, color: 'text.secondary', fontSize: 14 }}>
            {translate('screens.recordTransaction.walkInHint')}
          </Box>
        )}
      </Section>
      <Box
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={translate('screens.recordTransaction.title')}
      >
        <Section title={translate('screens.recordTransaction.saleSection')}>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
            <DealershipSelect
              {...field}
              required
              value={dealershipId}
              onChange={setDealershipId}
              {...errors.props('input.dealershipId')}
            />
            <EnumSelect
              {...field}
              required
              enumName="TransactionType"
              values={TRANSACTION_TYPES}
              label={translate('screens.fields.transactionType')}
              value={form.type}
              onChange={(v) => setForm({ ...form, type: v })}
            />
            <YuanField
              {...field}
              required
              label={translate('screens.fields.amount')}
              value={form.amount}
              onChange={set('amount')}
              {...errors.props('input.amount')}
            />
            <TextField
              {...field}
              type="datetime-local"
              label={translate('screens.fields.occurredAt')}
              value={form.occurredAt}
              onChange={set('occurredAt')}
              slotProps={{ inputLabel: { shrink: true } }}
              {...errors.props('input.occurredAt')}
            />
            {member && memberVehicles.length > 0 ? (
              <TextField
                {...field}
                select
                label={translate('screens.fields.vehicle.choose')}
                value={vehicleId}
                onChange={(e) => setVehicleId(e.target.value)}
              >
                <MenuItem value="">{translate('screens.common.notGiven')}</MenuItem>
                {memberVehicles.map((v) => (
                  <MenuItem key={v.id} value={v.id}>
                    {[v.plateNumber, v.brand, v.model].filter(Boolean).join(' ')}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <TextField
                {...field}
                label={translate('screens.fields.vehicle.plateNumber')}
                value={form.plateNumber}
                onChange={set('plateNumber')}
                {...errors.props('input.plateNumber')}
              />
            )}
            <TextField
              {...field}
              type="number"
              label={translate('screens.fields.vehicle.mileage')}
              value={form.mileage}
              onChange={set('mileage')}
              slotProps={{ htmlInput: { min: 0 } }}
              {...errors.props('input.mileage')}
            />
            <TextField
              {...field}
              label={translate('screens.fields.externalRef')}
              placeholder={translate('screens.recordTransaction.refPlaceholder')}
              value={form.externalRef}
              onChange={set('externalRef')}
              {...errors.props('input.externalRef')}
            />
            <TextField
              {...field}
              label={translate('screens.fields.description')}
              value={form.description}
              onChange={set('description')}
              {...errors.props('input.description')}
            />
          </Box>
        </Section>
        {error && (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={error} fieldsShown />
          </Box>
        )}
        <Box sx={{ mt: 2 }}>
          <Button
            type="submit"
            variant="contained"
            disabled={loading || !dealershipId || !form.amount.trim()}
          >
            {translate(loading ? 'screens.common.saving' : 'screens.recordTransaction.submit')}
          </Button>
        </Box>
      </Box>
    </ScreenPage>
  );
}
