import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** A long text value (a store name, a date-time) rather than a figure. */
const isWords = (value: ReactNode) => typeof value === 'string' && value.length > 10;

/** One figure with its label (KPIs, report totals). */
export function StatCard({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'error' | 'success';
}) {
  return (
    <Box
      role="group"
      aria-label={label}
      sx={{
        p: 1.5,
        bgcolor: 'background.paper',
        borderRadius: 1,
        boxShadow: 1,
        minWidth: 150,
        flex: '1 1 150px',
      }}
    >
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography
        variant={isWords(value) ? 'subtitle1' : 'h6'}
        component="div"
        color={tone ? `${tone}.main` : undefined}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary" component="div">
          {hint}
        </Typography>
      )}
    </Box>
  );
}

/** A wrapping row of stat cards. */
export function StatRow({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>{children}</Box>;
}
