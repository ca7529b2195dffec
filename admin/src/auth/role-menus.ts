/**
 * Which generated resources each role works with. RESOURCE_ROLES mirrors the `@Access` roles of
 * each list query in backend/src/modules (a role is never offered a list the API refuses it);
 * ROLE_MENUS is the part of that a role sees in its menu. ADMIN sees everything, including any new
 * resource the API gains before it is listed here.
 */
import { screensForRole, type Role } from '../screens/registry';

const ALL: Role[] = ['ADMIN', 'MARKETING', 'FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF'];

export const RESOURCE_ROLES: Record<string, Role[]> = {
  members: ALL,
  vehicles: ['ADMIN', 'MARKETING', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  tiers: ALL,
  tierChanges: ['ADMIN', 'MARKETING', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  referrals: ['ADMIN', 'MARKETING', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  transactions: ALL,
  pointsEntries: ALL,
  cards: ['ADMIN', 'FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  cardEntries: ['ADMIN', 'FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  benefits: ALL,
  memberBenefits: ALL,
  benefitRedemptions: ALL,
  activities: ALL,
  participations: ALL,
  complaints: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  followUps: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  notifications: ['ADMIN', 'CUSTOMER_SERVICE', 'MARKETING'],
  dealerships: ALL,
  staffUsers: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  apiClients: ['ADMIN'],
  jobRuns: ['ADMIN'],
  auditLogs: ['ADMIN'],
};

/**
 * Who may create, update and delete each resource (the `@Access` roles of its createX/updateX/
 * deleteX); other roles get read-only views. A resource not listed is written by ADMIN only.
 */
export const RESOURCE_WRITERS: Record<string, Role[]> = {
  members: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  vehicles: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  cards: ['ADMIN', 'STORE_STAFF'],
  complaints: ['ADMIN', 'CUSTOMER_SERVICE', 'STORE_STAFF'],
  tiers: ['ADMIN', 'MARKETING'],
  benefits: ['ADMIN', 'MARKETING'],
  activities: ['ADMIN', 'MARKETING'],
  dealerships: ['ADMIN'],
  staffUsers: ['ADMIN'],
};

export function canWrite(role: Role | undefined, resource: string): boolean {
  if (!role) return false;
  return (RESOURCE_WRITERS[resource] ?? ['ADMIN']).includes(role);
}

/** Menu sections in display order; task screens name the same keys in their `group`. */
export const MENU_GROUPS = [
  'menu.groups.store',
  'menu.groups.members',
  'menu.groups.marketing',
  'menu.groups.finance',
  'menu.groups.service',
  'menu.groups.system',
  'menu.groups.other',
] as const;

export const RESOURCE_GROUPS: Record<string, (typeof MENU_GROUPS)[number]> = {
  members: 'menu.groups.members',
  vehicles: 'menu.groups.members',
  tierChanges: 'menu.groups.members',
  referrals: 'menu.groups.members',
  transactions: 'menu.groups.store',
  pointsEntries: 'menu.groups.store',
  cards: 'menu.groups.store',
  cardEntries: 'menu.groups.finance',
  benefitRedemptions: 'menu.groups.store',
  memberBenefits: 'menu.groups.members',
  tiers: 'menu.groups.marketing',
  benefits: 'menu.groups.marketing',
  activities: 'menu.groups.marketing',
  participations: 'menu.groups.marketing',
  complaints: 'menu.groups.service',
  followUps: 'menu.groups.service',
  notifications: 'menu.groups.service',
  dealerships: 'menu.groups.system',
  staffUsers: 'menu.groups.system',
  apiClients: 'menu.groups.system',
  jobRuns: 'menu.groups.system',
  auditLogs: 'menu.groups.system',
};

/**
 * Each role's daily lists, in menu order (ADMIN: every resource it may list). A list a task screen
 * replaces (ScreenDef.replaces) is left out for the roles that have the screen.
 */
export const ROLE_MENUS: Record<Exclude<Role, 'ADMIN'>, string[]> = {
  STORE_STAFF: [
    'members',
    'vehicles',
    'transactions',
    'cards',
    'cardEntries',
    'pointsEntries',
    'memberBenefits',
    'benefitRedemptions',
    'participations',
    'complaints',
    'activities',
    'benefits',
    'tiers',
  ],
  MARKETING: [
    'tiers',
    'benefits',
    'activities',
    'participations',
    'referrals',
    'members',
    'vehicles',
    'memberBenefits',
    'tierChanges',
    'pointsEntries',
    'transactions',
    'notifications',
  ],
  FINANCE: ['cards', 'cardEntries', 'transactions', 'pointsEntries', 'members', 'dealerships'],
  CUSTOMER_SERVICE: [
    'complaints',
    'notifications',
    'members',
    'vehicles',
    'transactions',
    'cards',
    'cardEntries',
    'pointsEntries',
    'memberBenefits',
    'benefitRedemptions',
    'tierChanges',
    'referrals',
    'participations',
  ],
};

/** Resources the role may list: registered with react-admin (references need them), menu or not. */
export function resourcesForRole(role: Role | undefined, available: string[]): string[] {
  if (!role) return [];
  return available.filter((name) => {
    const roles = RESOURCE_ROLES[name];
    return roles ? roles.includes(role) : role === 'ADMIN';
  });
}

/** The resources in the role's menu, in order: less those a task screen of the role replaces. */
export function menuResourcesForRole(role: Role | undefined, available: string[]): string[] {
  const replaced = new Set(screensForRole(role).map((s) => s.replaces));
  const allowed = resourcesForRole(role, available).filter((name) => !replaced.has(name));
  if (!role) return [];
  if (role === 'ADMIN') {
    const order = (name: string) => MENU_GROUPS.indexOf(groupOf(name));
    return [...allowed].sort((a, b) => order(a) - order(b));
  }
  return ROLE_MENUS[role].filter((name) => allowed.includes(name));
}

export function groupOf(resource: string): (typeof MENU_GROUPS)[number] {
  return RESOURCE_GROUPS[resource] ?? 'menu.groups.other';
}
