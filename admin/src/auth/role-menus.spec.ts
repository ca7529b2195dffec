import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appEn } from '../i18n/app.en';
import { appZhCN } from '../i18n/app.zh-CN';
import { screensEn } from '../i18n/screens.en';
import { screensZhCN } from '../i18n/screens.zh-CN';
import { registry } from '../test-support/schema';
import { screensForRole, type Role } from '../screens/registry';
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

  it('show ADMIN every resource, including one the admin has never heard of, less the replaced lists', () => {
    const replaced = ['auditLogs', 'followUps', 'jobRuns', 'notifications'];
    expect(menuResourcesForRole('ADMIN', [...all, 'brandNewThings']).sort()).toEqual(
      [...all, 'brandNewThings'].filter((name) => !replaced.includes(name)).sort(),
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

  it('leave out a list where a task screen of the role replaces it, and keep it where none does', () => {
    for (const role of ROLES) {
      const menu = menuResourcesForRole(role, all);
      for (const screen of screensForRole(role).filter((s) => s.replaces))
        expect({ role, listed: menu.includes(screen.replaces!) }).toEqual({ role, listed: false });
      // Still registered, so references to its records open.
      for (const screen of screensForRole(role).filter((s) => s.replaces))
        expect(resourcesForRole(role, all)).toContain(screen.replaces);
    }
    // The outbox is ADMIN's: customer service and marketing keep the generated notifications list.
    expect(menuResourcesForRole('CUSTOMER_SERVICE', all)).toContain('notifications');
    expect(menuResourcesForRole('MARKETING', all)).toContain('notifications');
    expect(menuResourcesForRole('CUSTOMER_SERVICE', all)).not.toContain('followUps');
  });

  it('give no two menu entries of a role the same label', () => {
    const labels = (role: Role, messages: typeof appZhCN | typeof appEn, screenMessages: Record<string, unknown>) => [
      ...screensForRole(role).map((s) => lookup(screenMessages, s.menuKey)),
      ...menuResourcesForRole(role, all).map((name) => {
        const resource = (messages.resources as Record<string, { name: string }>)[name];
        return resource.name.split(' |||| ').pop();
      }),
    ];
    for (const role of ROLES) {
      for (const [messages, screenMessages] of [
        [appZhCN, screensZhCN],
        [appEn, screensEn],
      ] as const) {
        const seen = labels(role, messages, screenMessages);
        expect({ role, duplicates: seen.filter((label, i) => seen.indexOf(label) !== i) }).toEqual({
          role,
          duplicates: [],
        });
      }
    }
  });
});

function lookup(tree: Record<string, unknown>, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}
