import { usePermissions } from 'react-admin';
import type { Role } from '../registry';

/** What the core's auth provider returns from getPermissions(): the logged-in staff user's role and store. */
export interface StaffPermissions {
  role: Role;
  dealershipId: string | null;
}

/** The logged-in staff user; `dealershipId` null means group-wide (no store of their own). */
export function useStaff(): { role?: Role; dealershipId: string | null; isPending: boolean } {
  const { permissions, isPending } = usePermissions<StaffPermissions>();
  return { role: permissions?.role, dealershipId: permissions?.dealershipId ?? null, isPending };
}
