/**
 * Task screens: the pages built for a role's daily work rather than generated from a resource
 * (plate lookup, the complaint workbench, the finance reports, the dashboard, job runs, …).
 * The app adds a route and a menu entry for each screen, shown to the roles listed.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import RedeemIcon from '@mui/icons-material/Redeem';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import ContactPageIcon from '@mui/icons-material/ContactPage';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import CampaignIcon from '@mui/icons-material/Campaign';
import InsightsIcon from '@mui/icons-material/Insights';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import OutboxIcon from '@mui/icons-material/Outbox';
import HistoryIcon from '@mui/icons-material/History';

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
  /**
   * The generated resource list this screen does the job of (the same list query, with its own
   * filters and actions): for the roles that have the screen, that list leaves the menu. Its routes
   * stay, so references to its records still open.
   */
  replaces?: string;
}

const STORE = 'menu.groups.store';
const SERVICE = 'menu.groups.service';
const FINANCE = 'menu.groups.finance';
const MARKETING = 'menu.groups.marketing';
const SYSTEM = 'menu.groups.system';

/** Roles are those the screen's operations admit (the @Access of their resolvers), narrowed to who does the work. */
export const screens: ScreenDef[] = [
  // Managers (ADMIN): the KPI dashboard, first in the menu (no group). The API also admits the other
  // roles (store staff see their own store), but it is the managers' screen.
  {
    path: 'kpi-dashboard',
    menuKey: 'screens.dashboard.menu',
    icon: DashboardIcon,
    roles: ['ADMIN'],
    component: lazy(() => import('./manager/Dashboard')),
  },
  // Store staff: the desk. Writes are ADMIN/STORE_STAFF (createMember also customer service).
  {
    path: 'register-member',
    menuKey: 'screens.registerMember.menu',
    icon: PersonAddIcon,
    roles: ['STORE_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'],
    component: lazy(() => import('./store/RegisterMember')),
    group: STORE,
  },
  {
    path: 'plate-lookup',
    menuKey: 'screens.plateLookup.menu',
    icon: DirectionsCarIcon,
    roles: ['STORE_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'],
    component: lazy(() => import('./store/PlateLookup')),
    group: STORE,
  },
  {
    path: 'record-transaction',
    menuKey: 'screens.recordTransaction.menu',
    icon: PointOfSaleIcon,
    roles: ['STORE_STAFF', 'ADMIN'],
    component: lazy(() => import('./store/RecordTransaction')),
    group: STORE,
  },
  {
    path: 'redeem-benefit',
    menuKey: 'screens.redeemBenefit.menu',
    icon: RedeemIcon,
    roles: ['STORE_STAFF', 'ADMIN'],
    component: lazy(() => import('./store/RedeemBenefit')),
    group: STORE,
  },
  {
    path: 'card-desk',
    menuKey: 'screens.cardDesk.menu',
    icon: CreditCardIcon,
    roles: ['STORE_STAFF', 'ADMIN'],
    component: lazy(() => import('./store/CardDesk')),
    group: STORE,
  },
  // Customer service. Complaints and calls: ADMIN, CUSTOMER_SERVICE, STORE_STAFF (their store's);
  // Member 360 also reads follow-ups, which MARKETING and FINANCE may not.
  {
    path: 'complaint-workbench',
    menuKey: 'screens.complaints.menu',
    icon: SupportAgentIcon,
    roles: ['CUSTOMER_SERVICE', 'ADMIN'],
    component: lazy(() => import('./service/ComplaintWorkbench')),
    group: SERVICE,
  },
  {
    path: 'follow-up-queue',
    menuKey: 'screens.followUps.menu',
    icon: PhoneCallbackIcon,
    roles: ['CUSTOMER_SERVICE', 'STORE_STAFF', 'ADMIN'],
    component: lazy(() => import('./service/FollowUpQueue')),
    group: SERVICE,
    replaces: 'followUps',
  },
  {
    path: 'member-360',
    menuKey: 'screens.member360.menu',
    icon: ContactPageIcon,
    roles: ['CUSTOMER_SERVICE', 'STORE_STAFF', 'ADMIN'],
    component: lazy(() => import('./service/Member360')),
    group: SERVICE,
  },
  // Finance. The reports admit ADMIN, FINANCE and STORE_STAFF (their own store); the integrity check ADMIN and FINANCE.
  {
    path: 'stored-value-liability',
    menuKey: 'screens.liability.menu',
    icon: AccountBalanceWalletIcon,
    roles: ['FINANCE', 'ADMIN'],
    component: lazy(() => import('./finance/Liability')),
    group: FINANCE,
  },
  {
    path: 'stored-value-movements',
    menuKey: 'screens.movements.menu',
    icon: ShowChartIcon,
    roles: ['FINANCE', 'ADMIN'],
    component: lazy(() => import('./finance/Movements')),
    group: FINANCE,
  },
  {
    path: 'inter-store-settlement',
    menuKey: 'screens.settlement.menu',
    icon: CompareArrowsIcon,
    roles: ['FINANCE', 'ADMIN'],
    component: lazy(() => import('./finance/Settlement')),
    group: FINANCE,
  },
  {
    path: 'ledger-integrity',
    menuKey: 'screens.ledgerIntegrity.menu',
    icon: VerifiedUserIcon,
    roles: ['FINANCE', 'ADMIN'],
    component: lazy(() => import('./finance/LedgerIntegrity')),
    group: FINANCE,
  },
  {
    path: 'finance-exports',
    menuKey: 'screens.exports.menu',
    icon: FileDownloadIcon,
    roles: ['FINANCE', 'ADMIN'],
    component: lazy(() => import('./finance/Exports')),
    group: FINANCE,
  },
  // Marketing. Creating, previewing and publishing activities: ADMIN and MARKETING.
  {
    path: 'activity-editor',
    menuKey: 'screens.activityEditor.menu',
    icon: CampaignIcon,
    roles: ['MARKETING', 'ADMIN'],
    component: lazy(() => import('./marketing/ActivityEditor')),
    group: MARKETING,
  },
  {
    path: 'activity-stats',
    menuKey: 'screens.activityStats.menu',
    icon: InsightsIcon,
    roles: ['MARKETING', 'ADMIN'],
    component: lazy(() => import('./marketing/ActivityStats')),
    group: MARKETING,
  },
  // Operators (ADMIN): jobs and the audit trail are ADMIN-only; the outbox also admits customer service and marketing.
  {
    path: 'job-runs',
    menuKey: 'screens.jobs.menu',
    icon: PlayCircleIcon,
    roles: ['ADMIN'],
    component: lazy(() => import('./ops/JobRuns')),
    group: SYSTEM,
    replaces: 'jobRuns',
  },
  {
    path: 'notification-outbox',
    menuKey: 'screens.outbox.menu',
    icon: OutboxIcon,
    roles: ['ADMIN'],
    component: lazy(() => import('./ops/NotificationOutbox')),
    group: SYSTEM,
    replaces: 'notifications',
  },
  {
    path: 'audit-log',
    menuKey: 'screens.audit.menu',
    icon: HistoryIcon,
    roles: ['ADMIN'],
    component: lazy(() => import('./ops/AuditLog')),
    group: SYSTEM,
    replaces: 'auditLogs',
  },
];

/** The task screens a role sees, in menu order. */
export function screensForRole(role: Role | undefined): ScreenDef[] {
  return role ? screens.filter((s) => s.roles.includes(role)) : [];
}
