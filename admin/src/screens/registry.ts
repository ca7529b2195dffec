/**
 * Task screens: the pages built for a role's daily work rather than generated from a resource
 * (plate lookup, the complaint workbench, the finance reports, the dashboard, job runs, …).
 * The app adds a route and a menu entry for each screen, shown to the roles listed.
 */
import type { ComponentType, LazyExoticComponent } from 'react';

export type Role = 'ADMIN' | 'MARKETING' | 'FINANCE' | 'CUSTOMER_SERVICE' | 'STORE_STAFF';

export interface ScreenDef {
  /** Route path under the admin, without a leading slash, e.g. "plate-lookup". */
  path: string;
  /** i18n key of the menu label, e.g. "screens.plateLookup.menu". */
  menuKey: string;
  icon: ComponentType;
  roles: Role[];
  /** Lazily loaded so each screen is its own chunk. */
  component: LazyExoticComponent<ComponentType>;
  /** Menu group i18n key, e.g. "menu.groups.store"; screens of one group are listed together. */
  group?: string;
}

export const screens: ScreenDef[] = [];
