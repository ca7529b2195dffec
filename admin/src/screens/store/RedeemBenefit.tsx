import { useState, type FormEvent } from 'react';
import { gql, useMutation } from '@apollo/client';
import { Alert, Box, Button, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { MemberPicker, type PickedMember } from '../shared/MemberPicker';
import { optional, useFieldErrors } from '../shared/forms';
import { newIdempotencyKey } from '../shared/ids';
import { MemberEntitlements } from './MemberEntitlements';

export const REDEEM_BENEFIT = gql`
  mutation RedeemBenefit($input: RedeemBenefitInput!) {
    redeemBenefit(input: $input) {
      id
      memberBenefitId
      memberId
      dealershipId
      operatorId
      note
      createdAt
      memberBenefit {
        id
        used
        remaining
        status
        benefit {
          id
          name
        }
        member {
          id
          name
          memberNo
        }
      }
    }
  }
`;

export interface Redemption {
  id: string;
  memberBenefit: {
    used: number;
    remaining: number;
    benefit: { name: string };
    member: { name: string; memberNo: string };
  };
}

/** Redemption (核销) of a benefit at the desk: by the member's one-time code, or from their entitlements. */
export default function RedeemBenefit() {
  const translate = useTranslate();
  const [dealershipId, setDealershipId] = useWorkingDealership();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [member, setMember] = useState<PickedMember | null>(null);
  const [last, setLast] = useState<Redemption | null>(null);
  const errors = useFieldErrors();
  const [redeem, { loading, error, reset }] = useMutation<{ redeemBenefit: Redemption }>(REDEEM_BENEFIT);

  const run = async (target: { code?: string; memberBenefitId?: string }) => {
    errors.clear();
    setLast(null);
    try {
      const result = await redeem({
        variables: {
          input: {
            ...target,
            dealershipId,
            note: optional(note),
            idempotencyKey: newIdempotencyKey('redeem'),
          },
        },
      });
      if (result.data) {
        setLast(result.data.redeemBenefit);
        setCode('');
      }
    } catch (err) {
      errors.capture(err);
    }
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) void run({ code: code.trim().toUpperCase() });
  };

  return (
    <ScreenPage titleKey="screens.redeemBenefit.title">
      <Section>
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
          <DealershipSelect
            required
            value={dealershipId}
            onChange={setDealershipId}
            {...errors.props('input.dealershipId')}
          />
          <TextField
            size="small"
            label={translate('screens.fields.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            sx={{ minWidth: 280 }}
            {...errors.props('input.note')}
          />
        </Stack>
      </Section>
      {last && (
        <Alert severity="success" role="status" onClose={() => setLast(null)}>
          {translate('screens.redeemBenefit.done', {
            benefit: last.memberBenefit.benefit.name,
            member: `${last.memberBenefit.member.name}（${last.memberBenefit.member.memberNo}）`,
            remaining: last.memberBenefit.remaining,
          })}
        </Alert>
      )}
      {error && (
        <Box onClick={() => reset()}>
          <ErrorAlert error={error} fieldsShown />
        </Box>
      )}
      <Section title={translate('screens.redeemBenefit.byCode')}>
        <Stack
          component="form"
          direction="row"
          spacing={1}
          onSubmit={submitCode}
          aria-label={translate('screens.redeemBenefit.byCode')}
        >
          <TextField
            size="small"
            label={translate('screens.redeemBenefit.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            slotProps={{
              htmlInput: { maxLength: 8, style: { letterSpacing: 2, textTransform: 'uppercase' } },
            }}
            {...errors.props('input.code', translate('screens.redeemBenefit.codeHint'))}
          />
          <Button
            type="submit"
            variant="contained"
            disabled={loading || !dealershipId || !code.trim()}
            sx={{ alignSelf: 'flex-start' }}
          >
            {translate('screens.redeemBenefit.redeem')}
          </Button>
        </Stack>
      </Section>
      <Section title={translate('screens.redeemBenefit.byMember')}>
        <MemberPicker value={member} onChange={setMember} />
        {member && (
          <MemberEntitlements
            memberId={member.id}
            refreshKey={last?.id}
            disabled={loading || !dealershipId}
            onRedeem={(memberBenefitId) => run({ memberBenefitId })}
          />
        )}
      </Section>
    </ScreenPage>
  );
}
