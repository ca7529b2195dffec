import { useEffect } from 'react';
import { gql, useQuery } from '@apollo/client';
import { useTranslate } from 'react-admin';
import { DataTable, type Column } from '../shared/DataTable';
import { ConfirmButton } from '../shared/ConfirmButton';
import { ErrorAlert } from '../shared/states';
import { formatDate } from '../../format/date';

const MEMBER_BENEFITS = gql`
  query MemberBenefits($filter: MemberBenefitFilter, $sort: [MemberBenefitSort!], $page: PageInput) {
    memberBenefits(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        memberId
        benefitId
        benefit {
          code
          name
          type
        }
        quota
        used
        remaining
        periodStart
        periodEnd
        status
      }
      total
    }
  }
`;

interface Entitlement {
  id: string;
  benefit: { code: string; name: string };
  quota: number;
  used: number;
  remaining: number;
  periodEnd: string;
}

interface Props {
  memberId: string;
  /** Changes after each redemption so the counts reload. */
  refreshKey?: string;
  disabled: boolean;
  onRedeem: (memberBenefitId: string) => Promise<unknown>;
}

/** A member's active entitlements with a redeem button each (asks first: a use cannot be undone here). */
export function MemberEntitlements({ memberId, refreshKey, disabled, onRedeem }: Props) {
  const translate = useTranslate();
  const { data, loading, error, refetch } = useQuery<{ memberBenefits: { items: Entitlement[] } }>(
    MEMBER_BENEFITS,
    {
      variables: {
        filter: { memberId, status: 'ACTIVE' },
        sort: [{ field: 'PERIOD_END', order: 'ASC' }],
        page: { page: 1, perPage: 50 },
      },
      fetchPolicy: 'cache-and-network',
    },
  );
  useEffect(() => {
    if (refreshKey) void refetch();
  }, [refreshKey, refetch]);

  const columns: Column<Entitlement>[] = [
    {
      key: 'name',
      wrap: true,
      label: translate('screens.redeemBenefit.benefit'),
      render: (b) => b.benefit.name,
    },
    {
      key: 'quota',
      label: translate('screens.redeemBenefit.usage'),
      align: 'right',
      render: (b) => `${b.used} / ${b.quota}`,
    },
    {
      key: 'remaining',
      label: translate('screens.redeemBenefit.remaining'),
      align: 'right',
      render: (b) => b.remaining,
    },
    {
      key: 'end',
      label: translate('screens.redeemBenefit.periodEnd'),
      render: (b) => formatDate(b.periodEnd),
    },
    {
      key: 'action',
      label: translate('screens.common.actions'),
      render: (b) => (
        <ConfirmButton
          size="small"
          variant="outlined"
          disabled={disabled || b.remaining <= 0}
          aria-label={translate('screens.redeemBenefit.redeemOne', { name: b.benefit.name })}
          titleKey="screens.redeemBenefit.confirmTitle"
          contentKey="screens.redeemBenefit.confirmContent"
          translateOptions={{ name: b.benefit.name }}
          onConfirm={() => onRedeem(b.id)}
        >
          {translate('screens.redeemBenefit.redeem')}
        </ConfirmButton>
      ),
    },
  ];
  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        label={translate('screens.redeemBenefit.entitlements')}
        columns={columns}
        rows={data?.memberBenefits.items ?? []}
        rowKey={(b) => b.id}
        loading={loading}
        emptyKey="screens.redeemBenefit.noEntitlements"
      />
    </>
  );
}
