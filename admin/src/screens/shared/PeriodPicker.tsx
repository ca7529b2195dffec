import { Button, ButtonGroup, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lastDays, type Period } from './period';

const PRESETS = [7, 30, 90] as const;

/** First and last day of a report period (inclusive calendar days), with quick presets. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
      <TextField
        type="date"
        size="small"
        label={translate('screens.period.from')}
        value={value.from}
        onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: value.to } }}
      />
      <TextField
        type="date"
        size="small"
        label={translate('screens.period.to')}
        value={value.to}
        onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: value.from } }}
      />
      <ButtonGroup size="small" aria-label={translate('screens.period.presets')}>
        {PRESETS.map((days) => (
          <Button key={days} onClick={() => onChange(lastDays(days))}>
            {translate('screens.period.lastDays', { days })}
          </Button>
        ))}
      </ButtonGroup>
    </Stack>
  );
}
