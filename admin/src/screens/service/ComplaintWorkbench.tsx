import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client';
import { Box, Button, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Loading, Empty } from '../shared/states';
import { EnumSelect } from '../shared/EnumSelect';
import { SearchForm } from '../shared/FilterBar';
import { COMPLAINT_PRIORITIES } from '../shared/enums';
import { DealershipSelect } from '../shared/dealerships';
import { useStaff } from '../shared/staff';
import { COMPLAINT_QUEUE } from './complaints/complaintQueries';
import { ComplaintQueue, type QueueGroups } from './complaints/ComplaintQueue';
import { ComplaintDetailPanel } from './complaints/ComplaintDetailPanel';

const PER_GROUP = 50;

/** The complaint workbench (投诉工作台): the queue, overdue first, beside the chosen complaint. */
export default function ComplaintWorkbench() {
  const translate = useTranslate();
  const { dealershipId: ownStore } = useStaff();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [priority, setPriority] = useState('');
  const [dealershipId, setDealershipId] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const variables = useMemo(() => {
    const common = {
      q: search || undefined,
      priority: priority || undefined,
      dealershipId: dealershipId || undefined,
    };
    return {
      overdue: { ...common, overdue: true },
      open: { ...common, overdue: false, status: 'OPEN' },
      acknowledged: { ...common, overdue: false, status: 'ACKNOWLEDGED' },
      inProgress: { ...common, overdue: false, status: 'IN_PROGRESS' },
      resolved: { ...common, status: 'RESOLVED' },
      page: { page: 1, perPage: PER_GROUP },
    };
  }, [search, priority, dealershipId]);
  const { data, loading, error, refetch } = useQuery<QueueGroups>(COMPLAINT_QUEUE, {
    variables,
    fetchPolicy: 'cache-and-network',
    pollInterval: 60_000,
  });

  return (
    <ScreenPage
      titleKey="screens.complaints.title"
      actions={
        <Button onClick={() => void refetch()} disabled={loading}>
          {translate('screens.common.refresh')}
        </Button>
      }
    >
      <SearchForm onSearch={() => setSearch(q.trim())}>
        <TextField
          size="small"
          label={translate('screens.complaints.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <EnumSelect
          enumName="ComplaintPriority"
          values={COMPLAINT_PRIORITIES}
          emptyLabelKey="screens.common.all"
          label={translate('screens.complaints.priority')}
          value={priority}
          onChange={setPriority}
          sx={{ minWidth: 120 }}
        />
        {!ownStore && <DealershipSelect allowAll value={dealershipId} onChange={setDealershipId} />}
        <Button type="submit" variant="outlined">
          {translate('screens.common.search')}
        </Button>
      </SearchForm>
      <ErrorAlert error={error} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(340px, 5fr) minmax(0, 7fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Section>
          {data ? (
            <ComplaintQueue groups={data} selectedId={selectedId} onSelect={setSelectedId} />
          ) : loading ? (
            <Loading />
          ) : null}
        </Section>
        {selectedId ? (
          <ComplaintDetailPanel id={selectedId} />
        ) : (
          <Section>
            <Empty messageKey="screens.complaints.pick" />
          </Section>
        )}
      </Box>
    </ScreenPage>
  );
}
