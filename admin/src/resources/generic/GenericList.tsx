import type { ReactElement } from 'react';
import { BulkDeleteButton, Datagrid, EditButton, List } from 'react-admin';
import type { ResourceDef } from '../../data/registry';
import { defaultSort, listColumns } from '../columns';
import type { ResourceOverride } from '../overrides/types';
import type { RenderContext } from '../render-context';
import { renderField } from './fields';
import { renderInput } from './inputs';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  override?: ResourceOverride;
}

/** Filters from `XFilter` (q and status up front, the rest under "add filter"). */
export function filterInputs(
  def: ResourceDef,
  ctx: RenderContext,
  override?: ResourceOverride,
): ReactElement[] {
  const alwaysOn = override?.alwaysOnFilters ?? ['q', 'status'];
  const position = (name: string) => (alwaysOn.includes(name) ? alwaysOn.indexOf(name) : alwaysOn.length);
  return [...(def.filter?.fields ?? [])]
    .sort((a, b) => position(a.name) - position(b.name))
    .map((field) => renderInput(field, ctx, 'filter', { alwaysOn: alwaysOn.includes(field.name) }))
    .filter((input): input is ReactElement => !!input);
}

/** A generated list: columns by type, sortable where `XSortField` allows, filters from `XFilter`. */
export function GenericList({ def, ctx, override }: Props) {
  const canShow = !!def.one || def.canGetMany;
  return (
    <List filters={filterInputs(def, ctx, override)} sort={defaultSort(def, override)} perPage={25}>
      <Datagrid
        rowClick={canShow ? 'show' : false}
        bulkActionButtons={def.delete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
        size="small"
      >
        {listColumns(def, override).map((field) =>
          renderField(field, ctx, { sortable: !!def.sort?.fieldEnum[field.name], inList: true }),
        )}
        {def.update && <EditButton />}
      </Datagrid>
    </List>
  );
}
