import { Resource, type RaRecord } from 'react-admin';
import { canWrite, menuResourcesForRole, resourcesForRole } from '../auth/role-menus';
import type { Registry, ResourceDef } from '../data/registry';
import type { Role } from '../screens/registry';
import { titleField } from './columns';
import { GenericCreate, GenericEdit } from './generic/GenericForm';
import { GenericList } from './generic/GenericList';
import { GenericShow } from './generic/GenericShow';
import { iconOf } from './icons';
import { overrideOf } from './overrides';
import { renderContext } from './render-context';

/** The resource as this role may use it: no create/edit/delete where the API would refuse them. */
export function forRole(def: ResourceDef, role: Role | undefined): ResourceDef {
  if (canWrite(role, def.name)) return def;
  return { ...def, create: undefined, update: undefined, delete: undefined };
}

function representation(def: ResourceDef): string | ((record: RaRecord) => string) | undefined {
  return overrideOf(def.name)?.recordRepresentation ?? titleField(def);
}

/**
 * One <Resource> per list the role may read, generated from the registry: list, show (where a
 * record can be read), edit and create (where the mutations exist and the role may write). The
 * role's menu resources come first, so the first of them is its landing page.
 */
export function resourceElements(registry: Registry, role: Role | undefined) {
  const available = resourcesForRole(
    role,
    registry.resources.map((r) => r.name),
  );
  const menu = menuResourcesForRole(role, available);
  const ordered = [...menu, ...available.filter((name) => !menu.includes(name))];
  const ctx = renderContext(registry, available);
  return ordered.map((name) => {
    const def = forRole(registry.byName[name], role);
    const override = overrideOf(name);
    const props = { def, ctx, override };
    return (
      <Resource
        key={name}
        name={name}
        icon={iconOf(name)}
        recordRepresentation={representation(def)}
        list={<GenericList {...props} />}
        show={def.one || def.canGetMany ? <GenericShow {...props} /> : undefined}
        edit={def.update && def.updateInput ? <GenericEdit {...props} /> : undefined}
        create={def.create && def.createInput ? <GenericCreate {...props} /> : undefined}
      />
    );
  });
}
