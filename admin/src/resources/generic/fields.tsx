/** Display components by field type (money, instants, dates, enums, JSON, embedded objects). */
import { Box, Typography } from '@mui/material';
import { cloneElement, type ReactElement } from 'react';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  Labeled,
  NumberField,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { FieldDef } from '../../data/registry';
import { formatDate, formatDateTime } from '../../format/date';
import { formatFen } from '../../format/money';
import { displayKind } from '../field-mapping';
import type { RenderContext } from '../render-context';

interface ValueFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  textAlign?: 'left' | 'right';
}

function useValue(source: string): unknown {
  return useRecordContext<Record<string, unknown>>()?.[source];
}

const Plain = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/** Integer fen → ¥1,234.56. */
export function MoneyField({ source }: ValueFieldProps) {
  const value = useValue(source);
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {typeof value === 'number' ? formatFen(value) : ''}
    </Typography>
  );
}

/** UTC instant → 2026-11-22 14:05 (programme time zone). */
export function DateTimeField({ source }: ValueFieldProps) {
  return <Plain>{formatDateTime(useValue(source) as string | null)}</Plain>;
}

export function BusinessDateField({ source }: ValueFieldProps) {
  return <Plain>{formatDate(useValue(source) as string | null)}</Plain>;
}

/** An enum value (or list of them) in the current language. */
export function EnumField({ source, enumType }: ValueFieldProps & { enumType: string }) {
  const translate = useTranslate();
  const value = useValue(source);
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <Plain>
      {values.map((v) => translate(`enums.${enumType}.${String(v)}`, { _: String(v) })).join('、')}
    </Plain>
  );
}

export function TextListField({ source }: ValueFieldProps) {
  const value = useValue(source);
  return <Plain>{Array.isArray(value) ? value.join('、') : ''}</Plain>;
}

/** JSON, read-only and pretty-printed (one line in lists). */
export function JsonField({ source, compact }: ValueFieldProps & { compact?: boolean }) {
  const translate = useTranslate();
  const value = useValue(source);
  if (value === null || value === undefined) return <Plain>{translate('app.jsonEmpty')}</Plain>;
  const text = JSON.stringify(value, null, compact ? undefined : 2);
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        fontSize: 12,
        maxHeight: compact ? undefined : 320,
        maxWidth: compact ? 280 : undefined,
        overflow: 'auto',
        whiteSpace: compact ? 'nowrap' : 'pre-wrap',
        textOverflow: 'ellipsis',
      }}
    >
      {text}
    </Box>
  );
}

/** An embedded value object (e.g. an activity's stats), each of its fields labelled. */
export function ObjectField({
  source,
  fields,
  ctx,
}: ValueFieldProps & { fields: FieldDef[]; ctx: RenderContext }) {
  const value = useValue(source) as Record<string, unknown> | null | undefined;
  if (!value) return null;
  return (
    <RecordContextProvider value={{ id: source, ...value }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3, rowGap: 1 }}>
        {fields.map((field) => (
          <Labeled key={field.name} source={field.name}>
            {renderField(field, ctx)}
          </Labeled>
        ))}
      </Box>
    </RecordContextProvider>
  );
}

type FieldOptions = { sortable?: boolean; inList?: boolean; label?: string };

/** The display component of one field, by its type (keyed by the field's name). */
export function renderField(field: FieldDef, ctx: RenderContext, options: FieldOptions = {}): ReactElement {
  return cloneElement(fieldElement(field, ctx, options), { key: field.name });
}

function fieldElement(field: FieldDef, ctx: RenderContext, options: FieldOptions): ReactElement {
  const common = { source: field.name, sortable: options.sortable ?? false, label: options.label };
  switch (displayKind(field, ctx)) {
    case 'money':
      return <MoneyField {...common} textAlign="right" />;
    case 'number':
      return <NumberField {...common} locales="zh-CN" textAlign="right" />;
    case 'datetime':
      return <DateTimeField {...common} />;
    case 'date':
      return <BusinessDateField {...common} />;
    case 'boolean':
      return <BooleanField {...common} />;
    case 'enum':
    case 'enumList':
      return <EnumField {...common} enumType={field.typeName} />;
    case 'reference':
      return <ReferenceField {...common} reference={field.reference!} link="show" />;
    case 'referenceArray':
      return <ReferenceArrayField {...common} reference={field.reference!} />;
    case 'textList':
      return <TextListField {...common} />;
    case 'json':
      return <JsonField {...common} compact={options.inList} />;
    case 'object':
      return <ObjectField {...common} fields={field.fields ?? []} ctx={ctx} />;
    case 'objectList':
      return (
        <ArrayField {...common}>
          <Datagrid bulkActionButtons={false} rowClick={false} size="small">
            {(field.fields ?? []).map((nested) => renderField(nested, ctx))}
          </Datagrid>
        </ArrayField>
      );
    default:
      return <TextField {...common} />;
  }
}
