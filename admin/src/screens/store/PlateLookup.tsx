import { useState, type FormEvent } from 'react';
import { gql, useLazyQuery } from '@apollo/client';
import { Button, Chip, Stack, TextField } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { DataTable, type Column } from '../shared/DataTable';
import { formatDateTime } from '../../format/date';
import { formatCount } from '../../format/number';

const PLATE_LOOKUP = gql`
  query PlateLookup($plate: String!) {
    plateLookup(plate: $plate) {
      plateNumber
      vehicleId
      memberId
      member {
        id
        name
        memberNo
        tier {
          code
          name
        }
      }
      visitCount
      lastVisitAt
    }
  }
`;

interface Hit {
  plateNumber: string;
  vehicleId: string | null;
  memberId: string | null;
  member: { id: string; name: string; memberNo: string; tier: { code: string; name: string } } | null;
  visitCount: number;
  lastVisitAt: string | null;
}

/** Walk-in lookup by part of a plate: members' cars and non-members' visits alike. */
export default function PlateLookup() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [plate, setPlate] = useState('');
  const [lookup, { data, loading, error, called }] = useLazyQuery<{ plateLookup: Hit[] }>(PLATE_LOOKUP, {
    fetchPolicy: 'network-only',
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (plate.trim().length >= 2) void lookup({ variables: { plate: plate.trim().toUpperCase() } });
  };

  const columns: Column<Hit>[] = [
    {
      key: 'plate',
      label: translate('screens.plateLookup.plate'),
      render: (h) => <strong>{h.plateNumber}</strong>,
    },
    {
      key: 'member',
      label: translate('screens.plateLookup.member'),
      render: (h) =>
        h.member ? (
          `${h.member.name} · ${h.member.memberNo}`
        ) : (
          <Chip size="small" label={translate('screens.plateLookup.walkIn')} />
        ),
    },
    { key: 'tier', label: translate('screens.plateLookup.tier'), render: (h) => h.member?.tier.name ?? '' },
    {
      key: 'visits',
      label: translate('screens.plateLookup.visits'),
      align: 'right',
      render: (h) => formatCount(h.visitCount),
    },
    {
      key: 'last',
      label: translate('screens.plateLookup.lastVisit'),
      render: (h) => formatDateTime(h.lastVisitAt),
    },
    {
      key: 'actions',
      label: translate('screens.common.actions'),
      render: (h) =>
        h.memberId ? (
          <Button
            size="small"
            onClick={() => navigate(`/member-360?id=${encodeURIComponent(h.memberId ?? '')}`)}
          >
            {translate('screens.plateLookup.open360')}
          </Button>
        ) : (
          <Button size="small" onClick={() => navigate('/register-member')}>
            {translate('screens.plateLookup.register')}
          </Button>
        ),
    },
  ];

  return (
    <ScreenPage titleKey="screens.plateLookup.title">
      <Section>
        <Stack component="form" direction="row" spacing={1} onSubmit={submit} role="search">
          <TextField
            size="small"
            autoFocus
            label={translate('screens.plateLookup.query')}
            helperText={translate('screens.plateLookup.hint')}
            value={plate}
            onChange={(e) => setPlate(e.target.value)}
          />
          <Button
            type="submit"
            variant="contained"
            disabled={plate.trim().length < 2}
            sx={{ alignSelf: 'flex-start' }}
          >
            {translate('screens.plateLookup.search')}
          </Button>
        </Stack>
      </Section>
      <ErrorAlert error={error} />
      {called && (
        <Section title={translate('screens.plateLookup.results')}>
          <DataTable
            label={translate('screens.plateLookup.results')}
            columns={columns}
            rows={data?.plateLookup ?? []}
            rowKey={(h) => `${h.plateNumber}-${h.vehicleId ?? ''}`}
            loading={loading}
            emptyKey="screens.plateLookup.none"
          />
        </Section>
      )}
    </ScreenPage>
  );
}
