/** Staff roles (员工角色); each operation declares which of them may call it. */
export enum StaffRole {
  ADMIN = 'ADMIN',
  MARKETING = 'MARKETING',
  FINANCE = 'FINANCE',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
  STORE_STAFF = 'STORE_STAFF',
}

export const ALL_STAFF_ROLES = Object.values(StaffRole);

export enum ActorType {
  STAFF = 'STAFF',
  API_CLIENT = 'API_CLIENT',
  MEMBER = 'MEMBER',
  SYSTEM = 'SYSTEM',
}

export interface StaffPrincipal {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  /** Set for store staff: they browse only this dealership's records. */
  dealershipId: string | null;
}

export interface ApiClientPrincipal {
  id: string;
  name: string;
  scopes: string[];
  /** The key's own request limit per rate-limit window; null: the configured default. */
  rateLimitPerWindow: number | null;
}

export interface MemberPrincipal {
  id: string;
}

/** Who is calling: a staff user, or a third-party app (optionally acting for a logged-in member). */
export interface Principal {
  staff?: StaffPrincipal;
  apiClient?: ApiClientPrincipal;
  member?: MemberPrincipal;
}

/** The actor a record is attributed to (audit trail, ledgers). */
export function actorOf(principal: Principal | undefined): { type: ActorType; id: string | null; name: string | null } {
  if (principal?.staff) return { type: ActorType.STAFF, id: principal.staff.id, name: principal.staff.name };
  if (principal?.member) return { type: ActorType.MEMBER, id: principal.member.id, name: null };
  if (principal?.apiClient) return { type: ActorType.API_CLIENT, id: principal.apiClient.id, name: principal.apiClient.name };
  return { type: ActorType.SYSTEM, id: null, name: null };
}
