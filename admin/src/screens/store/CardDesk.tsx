import { useState } from 'react';
import { Box, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { MemberPicker, type PickedMember } from '../shared/MemberPicker';
import { CardFinder } from './cards/CardFinder';
import { CardPanel } from './cards/CardPanel';
import { IssueCardForm } from './cards/IssueCardForm';

/** The card desk: find a card by number or a member's cards; issue, top up, spend; read the card's ledger. */
export default function CardDesk() {
  const translate = useTranslate();
  const [dealershipId, setDealershipId] = useWorkingDealership();
  const [member, setMember] = useState<PickedMember | null>(null);
  const [cardId, setCardId] = useState<string | null>(null);
  const [issuedId, setIssuedId] = useState<string | undefined>();

  return (
    <ScreenPage
      titleKey="screens.cardDesk.title"
      actions={<DealershipSelect required value={dealershipId} onChange={setDealershipId} />}
    >
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} alignItems="stretch">
        <Box sx={{ flex: 2 }}>
          <Section title={translate('screens.cardDesk.byNumber')}>
            <CardFinder selectedId={cardId} onSelect={(c) => setCardId(c.id)} />
          </Section>
        </Box>
        <Box sx={{ flex: 3 }}>
          <Section title={translate('screens.cardDesk.byMember')}>
            <MemberPicker
              value={member}
              onChange={(m) => {
                setMember(m);
                setCardId(null);
              }}
            />
            {member && (
              <Stack spacing={2} sx={{ mt: 2 }}>
                <CardFinder
                  memberId={member.id}
                  refreshKey={issuedId}
                  selectedId={cardId}
                  onSelect={(c) => setCardId(c.id)}
                />
                <IssueCardForm
                  memberId={member.id}
                  dealershipId={dealershipId}
                  onIssued={(card) => {
                    setIssuedId(card.id);
                    setCardId(card.id);
                  }}
                />
              </Stack>
            )}
          </Section>
        </Box>
      </Stack>
      {cardId && <CardPanel key={cardId} cardId={cardId} dealershipId={dealershipId} />}
    </ScreenPage>
  );
}
