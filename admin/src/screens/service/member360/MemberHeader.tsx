import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../../format/money';
import { Section } from '../../shared/ScreenPage';
import { StatCard, StatRow } from '../../shared/StatCard';
import { useEnumLabel } from '../../shared/enums';
import { formatDate, formatDateTime } from '../../../format/date';
import { formatCount } from '../../../format/number';
import type { Member360Data } from './member360Query';

/** Who the member is and where they stand: tier, points, spend, segment. */
export function MemberHeader({ member }: { member: NonNullable<Member360Data['member']> }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const t = (key: string) => translate(`screens.member360.${key}`);
  return (
    <Section title={`${member.name} · ${member.memberNo}`}>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 1.5 }}>
        <Chip color="primary" label={member.tier.name} />
        <Chip
          variant="outlined"
          label={enumLabel('MemberStatus', member.status)}
          color={member.status === 'ACTIVE' ? 'success' : 'warning'}
        />
        {member.segment && <Chip variant="outlined" label={enumLabel('MemberSegment', member.segment)} />}
        <Chip variant="outlined" label={member.marketingConsent ? t('consentYes') : t('consentNo')} />
      </Stack>
      <StatRow>
        <StatCard
          label={translate('screens.fields.phone')}
          value={member.phone}
          hint={[
            enumLabel('Gender', member.gender),
            member.birthday ? formatDate(member.birthday) : null,
            member.city,
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        <StatCard
          label={t('pointsBalance')}
          value={formatCount(member.pointsBalance)}
          hint={
            member.expiringPoints > 0
              ? translate('screens.member360.expiring', { points: formatCount(member.expiringPoints) })
              : undefined
          }
        />
        <StatCard
          label={t('qualifyingPoints')}
          value={formatCount(member.qualifyingPoints)}
          hint={
            member.tierReviewAt
              ? translate('screens.member360.review', { date: formatDate(member.tierReviewAt) })
              : undefined
          }
        />
        <StatCard label={t('totalSpend')} value={formatFen(member.totalSpend)} />
        <StatCard
          label={translate('screens.fields.homeDealership')}
          value={member.homeDealership?.name ?? '—'}
          hint={translate('screens.member360.since', { date: formatDate(member.createdAt) })}
        />
        <StatCard
          label={t('lastVisit')}
          value={member.lastTransactionAt ? formatDateTime(member.lastTransactionAt) : '—'}
        />
      </StatRow>
    </Section>
  );
}
