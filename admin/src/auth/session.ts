/** The logged-in staff user's session, kept in localStorage so a reload stays logged in. */
import type { Role } from '../screens/registry';

export interface StaffProfile {
  id: string;
  username: string;
  name: string;
  role: Role;
  dealershipId: string | null;
}

export interface Session {
  token: string;
  expiresAt: string;
  staff: StaffProfile;
}

const KEY = 'dealer-loyalty.session';

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    if (!session?.token || !session.staff) return null;
    return new Date(session.expiresAt).getTime() > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
