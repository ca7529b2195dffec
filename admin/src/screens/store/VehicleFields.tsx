import { Box, TextField, type TextFieldProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { yuanToFen } from '../../format/money';
import { YuanField, optional, optionalInt } from '../shared/forms';

export const emptyVehicle = {
  vin: '',
  plateNumber: '',
  brand: '',
  model: '',
  color: '',
  purchaseDate: '',
  purchasePrice: '',
  mileage: '',
  inspectionDueDate: '',
  insuranceExpiryDate: '',
};
export type VehicleDraft = typeof emptyVehicle;

/** The VehicleDetailsInput of a registration; the server validates VIN and plate. */
export function vehicleInput(v: VehicleDraft) {
  return {
    vin: v.vin.trim().toUpperCase(),
    plateNumber: optional(v.plateNumber)?.toUpperCase(),
    brand: optional(v.brand),
    model: optional(v.model),
    color: optional(v.color),
    purchaseDate: optional(v.purchaseDate),
    purchasePrice: v.purchasePrice.trim() ? (yuanToFen(v.purchasePrice) ?? undefined) : undefined,
    mileage: optionalInt(v.mileage),
    inspectionDueDate: optional(v.inspectionDueDate),
    insuranceExpiryDate: optional(v.insuranceExpiryDate),
  };
}

interface Props {
  value: VehicleDraft;
  onChange: (v: VehicleDraft) => void;
  errorProps: (path: string) => Pick<TextFieldProps, 'error' | 'helperText'>;
}

/** The first vehicle's fields; server errors arrive under input.vehicle.<field>. */
export function VehicleFields({ value, onChange, errorProps }: Props) {
  const translate = useTranslate();
  const field = (key: keyof VehicleDraft, extra: Partial<TextFieldProps> = {}) => ({
    size: 'small' as const,
    fullWidth: true,
    label: translate(`screens.fields.vehicle.${key}`),
    value: value[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value }),
    ...errorProps(`input.vehicle.${key}`),
    ...extra,
  });
  const date = { type: 'date', slotProps: { inputLabel: { shrink: true } } } as const;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
      <TextField {...field('vin')} required slotProps={{ htmlInput: { maxLength: 17 } }} />
      <TextField {...field('plateNumber')} placeholder="沪A12345" />
      <TextField {...field('brand')} />
      <TextField {...field('model')} />
      <TextField {...field('color')} />
      <TextField {...field('purchaseDate', date)} />
      <YuanField {...field('purchasePrice')} />
      <TextField {...field('mileage')} type="number" slotProps={{ htmlInput: { min: 0 } }} />
      <TextField {...field('inspectionDueDate', date)} />
      <TextField {...field('insuranceExpiryDate', date)} />
    </Box>
  );
}
