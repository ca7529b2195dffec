import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { Box, Button, Stack, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { formatFen, yuanToFen } from '../../../format/money';
import { EnumSelect } from '../../shared/EnumSelect';
import { PAYMENT_METHODS } from '../../shared/enums';
import { YuanField, optional, optionalInt, useFieldErrors } from '../../shared/forms';
import { newIdempotencyKey } from '../../shared/ids';
import { ErrorAlert } from '../../shared/states';
import { CONSUME_CARD, RECHARGE_CARD, type CardSummary } from './cardQueries';

interface Props {
  mode: 'topUp' | 'spend';
  card: CardSummary;
  dealershipId: string;
  onDone: () => void;
}

/**
 * Top-up (充值: principal plus bonus, or uses) or spend (消费: an amount drawn pro rata from
 * principal and bonus, or uses). One idempotency key per intended move, renewed after success.
 */
export function CardMoveForm({ mode, card, dealershipId, onDone }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const counted = card.type === 'COUNT';
  const [amount, setAmount] = useState('');
  const [bonus, setBonus] = useState('');
  const [uses, setUses] = useState('');
  const [paymentMethod, setPaymentMethod] = useState('MOBILE_PAY');
  const [note, setNote] = useState('');
  const [key, setKey] = useState(() => newIdempotencyKey(mode));
  const errors = useFieldErrors();
  const [mutate, { loading, error }] = useMutation(mode === 'topUp' ? RECHARGE_CARD : CONSUME_CARD);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    const money = counted ? undefined : yuanToFen(amount);
    const bonusFen = counted || mode === 'spend' ? undefined : (yuanToFen(bonus) ?? undefined);
    if (!counted && (money === null || Number.isNaN(money)))
      return errors.flag('input.amount', translate('screens.common.invalidYuan'));
    if (bonusFen !== undefined && Number.isNaN(bonusFen))
      return errors.flag('input.bonusAmount', translate('screens.common.invalidYuan'));
    const input = {
      cardId: card.id,
      dealershipId,
      idempotencyKey: key,
      note: optional(note),
      ...(counted ? { uses: optionalInt(uses) } : { amount: money }),
      ...(mode === 'topUp' ? { bonusAmount: bonusFen || undefined, paymentMethod } : {}),
    };
    try {
      await mutate({ variables: { input } });
      notify(translate(mode === 'topUp' ? 'screens.cardDesk.toppedUp' : 'screens.cardDesk.spent'), {
        type: 'success',
      });
      setAmount('');
      setBonus('');
      setUses('');
      setNote('');
      setKey(newIdempotencyKey(mode));
      onDone();
    } catch (err) {
      errors.capture(err);
    }
  };

  const label = translate(mode === 'topUp' ? 'screens.cardDesk.topUp' : 'screens.cardDesk.spend');
  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={label}>
      <Stack spacing={1.5}>
        {counted ? (
          <TextField
            size="small"
            type="number"
            required
            label={translate('screens.cardDesk.usesField')}
            value={uses}
            onChange={(e) => setUses(e.target.value)}
            slotProps={{ htmlInput: { min: 1 } }}
            {...errors.props('input.uses')}
          />
        ) : (
          <YuanField
            required
            label={translate(
              mode === 'topUp' ? 'screens.cardDesk.principal' : 'screens.cardDesk.spendAmount',
            )}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            {...errors.props(
              'input.amount',
              mode === 'spend'
                ? translate('screens.cardDesk.available', { balance: formatFen(card.balance) })
                : undefined,
            )}
          />
        )}
        {mode === 'topUp' && !counted && (
          <YuanField
            label={translate('screens.cardDesk.bonus')}
            value={bonus}
            onChange={(e) => setBonus(e.target.value)}
            {...errors.props('input.bonusAmount', translate('screens.cardDesk.bonusHint'))}
          />
        )}
        {mode === 'topUp' && (
          <EnumSelect
            enumName="PaymentMethod"
            values={PAYMENT_METHODS}
            label={translate('screens.cardDesk.paymentMethod')}
            value={paymentMethod}
            onChange={setPaymentMethod}
          />
        )}
        <TextField
          size="small"
          label={translate('screens.fields.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...errors.props('input.note')}
        />
        <ErrorAlert error={error} fieldsShown />
        <Button
          type="submit"
          variant="contained"
          color={mode === 'spend' ? 'secondary' : 'primary'}
          disabled={loading || !dealershipId || (counted ? !uses : !amount)}
        >
          {loading ? translate('screens.common.saving') : label}
        </Button>
      </Stack>
    </Box>
  );
}
