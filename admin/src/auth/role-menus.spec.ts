import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { registry } from '../test-support/schema';
import type { Role } from '../screens/registry';
import {
  RESOURCE_ROLES,
  RESOURCE_WRITERS,
  ROLE_MENUS,
  canWrite,
  menuResourcesForRole,
  resourcesForRole,
} from './role-menus';

const ROLES: Role[] = ['ADMIN', 'MARKETING', 'FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF'];
const all = registry.resources.map((r) => r.name);

/**
 * The roles of each operation's `@Access({ roles })` in backend/src/modules, read from the resolvers
 * (role lists may be named constants of the same file).
 */
function backendAccess(): Record<string, Role[]> {
  const modules = join(__dirname, '../../../backend/src/modules');
  const access: Record<string, Role[]> = {};
  for (const dir of readdirSync(modules)) {
    for (const file of readdirSync(join(modules, dir)).filter((f) => f.endsWith('.resolver.ts'))) {
      const src = readFileSync(join(modules, dir, file), 'utf8');
      const constants: Record<string, Role[]> = {};
      for (const [, name, list] of src.matchAll(/const ([A-Z_]+) = \[([^\]]*)\]/g)) {
        constants[name] = [...list.matchAll(/StaffRole\.([A-Z_]+)/g)].map((m) => m[1] as Role);
      }
      constants.ALL_STAFF_ROLES = ROLES;
      const operation =
        /@(?:Query|Mutation)\([\s\S]*?@Access\(\{([\s\S]*?)\}\)\s*\n\s*(?:async\s+)?([a-zA-Z]+)\(/g;
      for (const [, body, name] of src.matchAll(operation)) {
        const roles = /roles:\s*(\[[^\]]*\]|[A-Z_]+)/.exec(body)?.[1];
        if (!roles) continue;
        access[name] = roles.startsWith('[')
          ? [...roles.matchAll(/StaffRole\.([A-Z_]+)|\.\.\.([A-Z_]+)/g)].flatMap((m) =>
              m[1] ? [m[1] as Role] : constants[m[2]],
            )
          : constants[roles];
      }
    }
  }
  return access;
}

describe('role menus', () => {
  const access = backendAccess();

  it('offer each role exactly the lists the API lets it read', () => {
    for (const resource of all) {
      expect({ resource, roles: [...(RESOURCE_ROLES[resource] ?? [])].sort() }).toEqual({
        resource,
        roles: [...access[resource]].sort(),
      });
    }
  });

  it('offer writing exactly where the API allows the create/update/delete mutations', () => {
    for (const resource of registry.resources) {
      const mutations = [resource.create, resource.update, resource.delete].filter((m): m is string => !!m);
      for (const mutation of mutations) {
        for (const role of ROLES) {
          expect({ mutation, role, allowed: canWrite(role, resource.name) }).toEqual({
            mutation,
            role,
            allowed: access[mutation].includes(role),
          });
        }
      }
    }
    expect(Object.keys(RESOURCE_WRITERS).every((name) => all.includes(name))).toBe(true);
  });

  it('put in each menu only lists the role may read', () => {
    for (const [role, menu] of Object.entries(ROLE_MENUS)) {
      for (const resource of menu)
        expect({ role, resource, ok: RESOURCE_ROLES[resource].includes(role as Role) }).toEqual({
          role,
          resource,
          ok: true,
        });
    }
  });

  it('show ADMIN every resource, including one the admin has never heard of', () => {
    expect(menuResourcesForRole('ADMIN', [...all, 'brandNewThings']).sort()).toEqual(
      [...all, 'brandNewThings'].sort(),
    );
    expect(resourcesForRole('STORE_STAFF', ['brandNewThings'])).toEqual([]);
    expect(menuResourcesForRole('FINANCE', all)).toEqual([
      'cards',
      'cardEntries',
      'transactions',
      'pointsEntries',
      'members',
      'dealerships',
    ]);
    expect(menuResourcesForRole(undefined, all)).toEqual([]);
  });
});
