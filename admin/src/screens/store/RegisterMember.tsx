import { useState, type FormEvent } from 'react';
import { gql, useMutation } from '@apollo/client';
import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { EnumSelect } from '../shared/EnumSelect';
import { GENDERS } from '../shared/enums';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { optional, useFieldErrors } from '../shared/forms';
import { yuanToFen } from '../../format/money';
import { VehicleFields, emptyVehicle, vehicleInput, type VehicleDraft } from './VehicleFields';

const CREATE_MEMBER = gql`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) {
      id
      memberNo
      name
      status
      tier {
        id
        name
      }
      vehicles {
        id
        vin
        plateNumber
      }
    }
  }
`;

interface Created {
  id: string;
  memberNo: string;
  name: string;
  tier: { name: string };
  vehicles: { id: string; vin: string; plateNumber: string | null }[];
}

const emptyMember = {
  name: '',
  phone: '',
  gender: '',
  birthday: '',
  city: '',
  email: '',
  idNumber: '',
  referralCode: '',
};

/** Registration of a walk-in customer at the store (ACTIVE at once), with the first vehicle. */
export default function RegisterMember() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [member, setMember] = useState(emptyMember);
  const [consent, setConsent] = useState(false);
  const [withVehicle, setWithVehicle] = useState(true);
  const [vehicle, setVehicle] = useState<VehicleDraft>(emptyVehicle);
  const [homeDealershipId, setHomeDealershipId] = useWorkingDealership();
  const errors = useFieldErrors();
  const [createMember, { loading, error, data, reset }] = useMutation<{ createMember: Created }>(
    CREATE_MEMBER,
  );
  const set = (key: keyof typeof emptyMember) => (e: { target: { value: string } }) =>
    setMember({ ...member, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    if (withVehicle && vehicle.purchasePrice.trim() && Number.isNaN(yuanToFen(vehicle.purchasePrice))) {
      errors.flag('input.vehicle.purchasePrice', translate('screens.common.invalidYuan'));
      return;
    }
    const input = {
      name: member.name.trim(),
      phone: member.phone.trim(),
      gender: optional(member.gender),
      birthday: optional(member.birthday),
      city: optional(member.city),
      email: optional(member.email),
      idNumber: optional(member.idNumber),
      referralCode: optional(member.referralCode),
      homeDealershipId: optional(homeDealershipId),
      marketingConsent: consent,
      vehicle: withVehicle ? vehicleInput(vehicle) : undefined,
    };
    try {
      await createMember({ variables: { input } });
    } catch (err) {
      errors.capture(err);
    }
  };

  const startOver = () => {
    reset();
    errors.clear();
    setMember(emptyMember);
    setVehicle(emptyVehicle);
    setConsent(false);
  };

  const created = data?.createMember;
  if (created) {
    return (
      <ScreenPage titleKey="screens.registerMember.title">
        <Alert severity="success" role="status">
          {translate('screens.registerMember.done', {
            name: created.name,
            memberNo: created.memberNo,
            tier: created.tier.name,
          })}
          {created.vehicles.length > 0 &&
            ` ${translate('screens.registerMember.doneVehicle', { plate: created.vehicles[0].plateNumber ?? created.vehicles[0].vin })}`}
        </Alert>
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            onClick={() => navigate(`/member-360?id=${encodeURIComponent(created.id)}`)}
          >
            {translate('screens.registerMember.open360')}
          </Button>
          <Button onClick={startOver}>{translate('screens.registerMember.another')}</Button>
        </Stack>
      </ScreenPage>
    );
  }

  const field = { size: 'small' as const, fullWidth: true };
  return (
    <ScreenPage titleKey="screens.registerMember.title">
      <Box
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={translate('screens.registerMember.title')}
      >
        <Stack spacing={2}>
          <Section title={translate('screens.registerMember.memberSection')}>
            <Box
              sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}
            >
              <TextField
                {...field}
                required
                label={translate('screens.fields.name')}
                value={member.name}
                onChange={set('name')}
                {...errors.props('input.name')}
              />
              <TextField
                {...field}
                required
                label={translate('screens.fields.phone')}
                value={member.phone}
                onChange={set('phone')}
                slotProps={{ htmlInput: { inputMode: 'tel', maxLength: 11 } }}
                {...errors.props('input.phone')}
              />
              <EnumSelect
                {...field}
                enumName="Gender"
                values={GENDERS}
                emptyLabelKey="screens.common.notGiven"
                label={translate('screens.fields.gender')}
                value={member.gender}
                onChange={(v) => setMember({ ...member, gender: v })}
                {...errors.props('input.gender')}
              />
              <TextField
                {...field}
                type="date"
                label={translate('screens.fields.birthday')}
                value={member.birthday}
                onChange={set('birthday')}
                slotProps={{ inputLabel: { shrink: true } }}
                {...errors.props('input.birthday')}
              />
              <TextField
                {...field}
                label={translate('screens.fields.city')}
                value={member.city}
                onChange={set('city')}
                {...errors.props('input.city')}
              />
              <TextField
                {...field}
                label={translate('screens.fields.email')}
                value={member.email}
                onChange={set('email')}
                {...errors.props('input.email')}
              />
              <TextField
                {...field}
                label={translate('screens.fields.idNumber')}
                value={member.idNumber}
                onChange={set('idNumber')}
                {...errors.props('input.idNumber')}
              />
              <TextField
                {...field}
                label={translate('screens.fields.referralCode')}
                value={member.referralCode}
                onChange={set('referralCode')}
                {...errors.props('input.referralCode')}
              />
              <DealershipSelect
                {...field}
                label={translate('screens.fields.homeDealership')}
                value={homeDealershipId}
                onChange={setHomeDealershipId}
                {...errors.props('input.homeDealershipId')}
              />
            </Box>
            <FormControlLabel
              control={<Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} />}
              label={translate('screens.fields.marketingConsent')}
            />
          </Section>
          <Section
            title={translate('screens.registerMember.vehicleSection')}
            actions={
              <FormControlLabel
                control={
                  <Checkbox checked={withVehicle} onChange={(e) => setWithVehicle(e.target.checked)} />
                }
                label={translate('screens.registerMember.withVehicle')}
              />
            }
          >
            {withVehicle && <VehicleFields value={vehicle} onChange={setVehicle} errorProps={errors.props} />}
          </Section>
          {error && <ErrorAlert error={error} fieldsShown />}
          <Box>
            <Button
              type="submit"
              variant="contained"
              disabled={loading || !member.name.trim() || !member.phone.trim()}
            >
              {translate(loading ? 'screens.common.saving' : 'screens.registerMember.submit')}
            </Button>
          </Box>
        </Stack>
      </Box>
    </ScreenPage>
  );
}
