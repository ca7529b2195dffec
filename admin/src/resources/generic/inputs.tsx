/** Input components by field type, for create/edit forms and list filters. */
import { Box, InputAdornment, Typography } from '@mui/material';
import { cloneElement, type ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NullableBooleanInput,
  NumberInput,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { FieldDef } from '../../data/registry';
import { fenToYuan, yuanToFen } from '../../format/money';
import { inputKind } from '../field-mapping';
import { isSearchable, type RenderContext } from '../render-context';

export type InputMode = 'create' | 'edit' | 'filter';

/** Money is typed in yuan (two decimals) and kept in fen. */
const formatMoney = (fen: unknown) => (typeof fen === 'number' ? String(fenToYuan(fen)) : '');
const parseMoney = (yuan: unknown) => yuanToFen(yuan as number | string | null);
const validMoney: Validator = (value) =>
  typeof value === 'number' && Number.isNaN(value) ? 'ra.validation.number' : undefined;
const yuanAdornment = { startAdornment: <InputAdornment position="start">¥</InputAdornment> };

const searchQuery = (q: string) => ({ q });

export function enumChoices(field: FieldDef) {
  return (field.enumValues ?? []).map((value) => ({ id: value, name: `enums.${field.typeName}.${value}` }));
}

function Fieldset({ source, children }: { source: string; children: ReactElement[] }) {
  const translate = useTranslate();
  const leaf = source.split('.').pop() ?? source;
  return (
    <Box
      component="fieldset"
      sx={{ gridColumn: '1 / -1', border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 1 }}
    >
      <Typography component="legend" variant="caption" sx={{ px: 0.5 }}>
        {translate(`fields.${leaf}`, { _: leaf })}
      </Typography>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2 }}
      >
        {children}
      </Box>
    </Box>
  );
}

type InputOptions = { prefix?: string; alwaysOn?: boolean; optional?: boolean };

/**
 * The input of one field, by its type; undefined for fields people do not type (idempotency keys).
 * `prefix` places a nested input object's fields (`vehicle.vin`).
 */
export function renderInput(
  field: FieldDef,
  ctx: RenderContext,
  mode: InputMode,
  options: InputOptions = {},
): ReactElement | undefined {
  const element = inputElement(field, ctx, mode, options);
  return (
    element && cloneElement(element, { key: options.prefix ? `${options.prefix}.${field.name}` : field.name })
  );
}

function inputElement(
  field: FieldDef,
  ctx: RenderContext,
  mode: InputMode,
  options: InputOptions,
): ReactElement | undefined {
  const kind = inputKind(field, ctx, mode === 'filter' ? 'filter' : 'form');
  if (!kind) return undefined;
  const source = options.prefix ? `${options.prefix}.${field.name}` : field.name;
  const validate =
    mode === 'create' && field.required && !options.optional && kind !== 'boolean' ? [required()] : [];
  const common = { source, ...(mode === 'filter' && options.alwaysOn ? { alwaysOn: true } : {}) };
  const wide = { ...common, sx: { gridColumn: '1 / -1' } };
  switch (kind) {
    case 'search':
      return <SearchInput {...common} alwaysOn />;
    case 'text':
      return <TextInput {...common} validate={validate} />;
    case 'multiline':
      return <TextInput {...wide} validate={validate} multiline minRows={2} />;
    case 'password':
      return <PasswordInput {...common} validate={validate} autoComplete="new-password" />;
    case 'integer':
      return <NumberInput {...common} validate={validate} step={1} />;
    case 'decimal':
      return <NumberInput {...common} validate={validate} />;
    case 'money':
      return (
        <NumberInput
          {...common}
          validate={[...validate, validMoney]}
          format={formatMoney}
          parse={parseMoney}
          step={0.01}
          InputProps={yuanAdornment}
        />
      );
    case 'datetime':
      return <DateTimeInput {...common} validate={validate} />;
    case 'date':
      return <DateInput {...common} validate={validate} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'nullableBoolean':
      return <NullableBooleanInput {...common} />;
    case 'enum':
      return <SelectInput {...common} validate={validate} choices={enumChoices(field)} />;
    case 'enumList':
      return <SelectArrayInput {...common} validate={validate} choices={enumChoices(field)} />;
    case 'reference':
      return (
        <ReferenceInput {...common} reference={field.reference!}>
          {isSearchable(ctx, field.reference!) ? (
            <AutocompleteInput validate={validate} filterToQuery={searchQuery} />
          ) : (
            <SelectInput validate={validate} />
          )}
        </ReferenceInput>
      );
    case 'referenceArray':
      return (
        <ReferenceArrayInput {...wide} reference={field.reference!}>
          <AutocompleteArrayInput
            validate={validate}
            filterToQuery={isSearchable(ctx, field.reference!) ? searchQuery : undefined}
          />
        </ReferenceArrayInput>
      );
    case 'textList':
      return <TextArrayInput {...wide} validate={validate} />;
    case 'json':
      return <TextInput {...wide} validate={validate} multiline minRows={3} />;
    case 'object':
      return (
        <Fieldset source={source}>
          {(field.fields ?? [])
            // An optional object (a member's first vehicle) may be left out entirely.
            .map((nested) =>
              renderInput(nested, ctx, mode, {
                prefix: source,
                optional: !field.required || options.optional,
              }),
            )
            .filter((input): input is ReactElement => !!input)}
        </Fieldset>
      );
    case 'objectList':
      return (
        <ArrayInput {...wide} validate={validate}>
          <SimpleFormIterator inline>
            {(field.fields ?? [])
              .map((nested) => renderInput(nested, ctx, mode))
              .filter((input): input is ReactElement => !!input)}
          </SimpleFormIterator>
        </ArrayInput>
      );
  }
}
