import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from './enums';

type Props = Omit<TextFieldProps, 'onChange' | 'select' | 'value'> & {
  enumName: string;
  values: readonly string[];
  value: string;
  onChange: (value: string) => void;
  /** Offer an "all"/"none" choice with the empty value. */
  emptyLabelKey?: string;
};

/** A select over an API enum, labelled in the current language. */
export function EnumSelect({ enumName, values, value, onChange, emptyLabelKey, ...field }: Props) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  return (
    <TextField select size="small" value={value} onChange={(e) => onChange(e.target.value)} {...field}>
      {emptyLabelKey && <MenuItem value="">{translate(emptyLabelKey)}</MenuItem>}
      {values.map((v) => (
        <MenuItem key={v} value={v}>
          {enumLabel(enumName, v)}
        </MenuItem>
      ))}
    </TextField>
  );
}
