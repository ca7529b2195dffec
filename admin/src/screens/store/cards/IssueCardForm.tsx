import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { Box, Button, Stack, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { EnumSelect } from '../../shared/EnumSelect';
import { CARD_TYPES } from '../../shared/enums';
import { optional, optionalInt, useFieldErrors } from '../../shared/forms';
import { newIdempotencyKey } from '../../shared/ids';
import { addDays, dayStart } from '../../shared/period';
import { ErrorAlert } from '../../shared/states';
import { CREATE_CARD, type CardSummary } from './cardQueries';

/** Issues (开卡) a stored-value, count or membership card to the chosen member at this store. */
export function IssueCardForm({
  memberId,
  dealershipId,
  onIssued,
}: {
  memberId: string;
  dealershipId: string;
  onIssued: (card: CardSummary) => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [type, setType] = useState('STORED_VALUE');
  const [serviceName, setServiceName] = useState('');
  const [uses, setUses] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [key, setKey] = useState(() => newIdempotencyKey('card'));
  const errors = useFieldErrors();
  const [createCard, { loading, error }] = useMutation<{ createCard: CardSummary }>(CREATE_CARD);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    const counted = type === 'COUNT';
    const input = {
      memberId,
      dealershipId,
      type,
      serviceName: counted ? optional(serviceName) : undefined,
      uses: counted ? optionalInt(uses) : undefined,
      // Valid through the chosen day: it expires as the next day begins (programme time zone).
      expiresAt: expiresOn ? dayStart(addDays(expiresOn, 1)) : undefined,
      idempotencyKey: key,
    };
    try {
      const result = await createCard({ variables: { input } });
      if (result.data) {
        notify(translate('screens.cardDesk.issued', { cardNo: result.data.createCard.cardNo }), {
          type: 'success',
        });
        setKey(newIdempotencyKey('card'));
        onIssued(result.data.createCard);
      }
    } catch (err) {
      errors.capture(err);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={translate('screens.cardDesk.issue')}>
      <Stack direction="row" spacing={1.5} flexWrap="wrap" useFlexGap alignItems="flex-start">
        <EnumSelect
          enumName="CardType"
          values={CARD_TYPES}
          label={translate('screens.cardDesk.type')}
          value={type}
          onChange={setType}
          sx={{ minWidth: 160 }}
          {...errors.props('input.type')}
        />
        {type === 'COUNT' && (
          <>
            <TextField
              size="small"
              required
              label={translate('screens.cardDesk.serviceName')}
              placeholder="精致洗车"
              value={serviceName}
              onChange={(e) => setServiceName(e.target.value)}
              {...errors.props('input.serviceName')}
            />
            <TextField
              size="small"
              required
              type="number"
              label={translate('screens.cardDesk.usesField')}
              value={uses}
              onChange={(e) => setUses(e.target.value)}
              slotProps={{ htmlInput: { min: 1 } }}
              sx={{ width: 120 }}
              {...errors.props('input.uses')}
            />
          </>
        )}
        <TextField
          size="small"
          type="date"
          label={translate('screens.cardDesk.expiresOn')}
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          {...errors.props('input.expiresAt')}
        />
        <Button type="submit" variant="contained" disabled={loading || !dealershipId}>
          {translate(loading ? 'screens.common.saving' : 'screens.cardDesk.issue')}
        </Button>
      </Stack>
      <Box sx={{ mt: 1 }}>
        <ErrorAlert error={error} fieldsShown />
      </Box>
    </Box>
  );
}
