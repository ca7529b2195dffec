import { useCallback, useState } from 'react';
import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { readApiError } from './apiError';

/**
 * Server-side validation errors of a form: BAD_USER_INPUT carries `extensions.fields` keyed by
 * input path ("input.phone", "input.vehicle.vin"); each field shows its own under itself.
 */
export function useFieldErrors() {
  const [fields, setFields] = useState<Record<string, string>>({});
  /** Keeps the per-field problems of a failed mutation (none when it failed otherwise). */
  const capture = useCallback((error: unknown) => setFields(readApiError(error).fields), []);
  const clear = useCallback(() => setFields({}), []);
  /** A problem found before sending (e.g. an amount that is not a number of yuan). */
  const flag = useCallback(
    (path: string, message: string) => setFields((f) => ({ ...f, [path]: message })),
    [],
  );
  const props = useCallback(
    (path: string, hint?: string): Pick<TextFieldProps, 'error' | 'helperText'> => ({
      error: Boolean(fields[path]),
      helperText: fields[path] ?? hint,
    }),
    [fields],
  );
  return { fields, capture, clear, flag, props };
}

/** A money input in yuan (people type yuan; the API takes fen: convert with yuanToFen). */
export function YuanField(props: TextFieldProps) {
  return (
    <TextField
      size="small"
      {...props}
      slotProps={{
        ...props.slotProps,
        htmlInput: { inputMode: 'decimal', ...(props.slotProps?.htmlInput as object) },
        input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> },
      }}
    />
  );
}

/** Empty strings become undefined so optional inputs are left out of a mutation. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number typed in a field, or undefined when empty. */
export function optionalInt(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
