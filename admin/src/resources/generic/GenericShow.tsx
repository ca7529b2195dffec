import { Box } from '@mui/material';
import {
  DeleteButton,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TopToolbar,
  Datagrid,
  useTranslate,
} from 'react-admin';
import type { Registry, ResourceDef } from '../../data/registry';
import { defaultSort, listColumns, showFields } from '../columns';
import { overrideOf } from '../overrides';
import type { ResourceOverride } from '../overrides/types';
import type { RenderContext } from '../render-context';
import { renderField } from './fields';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  override?: ResourceOverride;
}

/** Lists that point at this resource by a key filter (a member's vehicles, cards, complaints, …). */
export function relatedLists(registry: Registry, def: ResourceDef, hasResource: (name: string) => boolean) {
  return registry.resources.flatMap((other) =>
    (other.filter?.fields ?? [])
      .filter((f) => f.kind === 'reference' && !f.list && f.reference === def.name && hasResource(other.name))
      .map((f) => ({ resource: other, target: f.name })),
  );
}

function ShowActions({ def }: { def: ResourceDef }) {
  return (
    <TopToolbar>
      {def.update && <EditButton />}
      {def.delete && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

/** A generated record page: every field by type, then one tab per related list. */
export function GenericShow({ def, ctx, override }: Props) {
  const translate = useTranslate();
  const related = relatedLists(ctx.registry, def, ctx.hasResource);
  const targetsPerResource = new Map<string, number>();
  related.forEach((r) =>
    targetsPerResource.set(r.resource.name, (targetsPerResource.get(r.resource.name) ?? 0) + 1),
  );
  return (
    <Show actions={<ShowActions def={def} />}>
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
        <TabbedShowLayout.Tab label="app.details">
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
              columnGap: 3,
              rowGap: 1.5,
            }}
          >
            {showFields(def, override).map((field) => (
              <Labeled
                key={field.name}
                source={field.name}
                sx={field.kind === 'object' || field.kind === 'json' ? { gridColumn: '1 / -1' } : undefined}
              >
                {renderField(field, ctx)}
              </Labeled>
            ))}
          </Box>
        </TabbedShowLayout.Tab>
        {related.map(({ resource, target }) => {
          const name = translate(`resources.${resource.name}.name`, { smart_count: 2, _: resource.name });
          const label =
            (targetsPerResource.get(resource.name) ?? 0) > 1
              ? `${name}（${translate(`resources.${resource.name}.fields.${target}`)}）`
              : name;
          const otherOverride = overrideOf(resource.name);
          return (
            <TabbedShowLayout.Tab
              key={`${resource.name}-${target}`}
              label={label}
              path={`${resource.name}-${target}`}
            >
              <ReferenceManyField
                reference={resource.name}
                target={target}
                sort={defaultSort(resource, otherOverride)}
                perPage={10}
                pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
              >
                <Datagrid
                  rowClick={resource.one || resource.canGetMany ? 'show' : false}
                  bulkActionButtons={false}
                  size="small"
                  empty={<Box sx={{ p: 2, color: 'text.secondary' }}>{translate('app.relatedEmpty')}</Box>}
                >
                  {listColumns(resource, otherOverride)
                    .filter((field) => field.name !== target)
                    .map((field) =>
                      renderField(field, ctx, {
                        sortable: !!resource.sort?.fieldEnum[field.name],
                        inList: true,
                      }),
                    )}
                </Datagrid>
              </ReferenceManyField>
            </TabbedShowLayout.Tab>
          );
        })}
      </TabbedShowLayout>
    </Show>
  );
}
