import type { ApolloClient } from '@apollo/client';
import { parse } from 'graphql';
import type { AuthProvider, I18nProvider } from 'ra-core';
import { readApiError } from '../data/api-error';
import { resetRegistry } from '../data/introspection';
import { clearSession, readSession, writeSession, type Session, type StaffProfile } from './session';

const LOGIN = parse(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { token expiresAt staff { id username name role dealershipId } }
  }
`);

/** What getPermissions() returns; the task screens read it too (screens/shared/staff.ts). */
export interface StaffPermissions {
  role: StaffProfile['role'];
  dealershipId: string | null;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error && 'status' in error
    ? Number((error as { status: unknown }).status)
    : undefined;
}

/**
 * Why a login failed, in the user's language (the API's own text is English): wrong credentials,
 * too many attempts with the seconds to wait, else the translated error code.
 */
export function loginErrorText(error: unknown, i18n: Pick<I18nProvider, 'translate'>): string {
  const { code, retryAfter } = readApiError(error);
  if (code === 'UNAUTHENTICATED') return i18n.translate('errors.login.UNAUTHENTICATED');
  if (code === 'RATE_LIMITED' && retryAfter) return i18n.translate('errors.login.RATE_LIMITED', { seconds: retryAfter });
  return i18n.translate(`errors.${code}`, { _: i18n.translate('ra.auth.sign_in_error') });
}

/** Staff log in with `login(username, password)`; the JWT and profile live in localStorage. */
export function buildAuthProvider(client: ApolloClient<unknown>, i18n: Pick<I18nProvider, 'translate'>): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      clearSession();
      try {
        const { data } = await client.mutate<{ login: Session }>({
          mutation: LOGIN,
          variables: { input: { username, password } },
        });
        if (!data) throw new Error('ra.auth.sign_in_error');
        const { token, expiresAt, staff } = data.login;
        writeSession({ token, expiresAt, staff: { ...staff, dealershipId: staff.dealershipId ?? null } });
        // Each role starts on its own first page, not on wherever the previous user left off.
        return { redirectTo: '/' };
      } catch (error) {
        // The login form shows this message as it is (already translated).
        throw new Error(loginErrorText(error, i18n));
      }
    },
    async logout() {
      clearSession();
      resetRegistry();
      await client.clearStore();
    },
    async checkAuth() {
      if (!readSession()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: unknown) {
      const status = statusOf(error);
      if (status === 401) {
        clearSession();
        throw new Error('ra.notification.logged_out');
      }
      if (status === 403) {
        // Refused, but still logged in: say so and stay on the page.
        throw { logoutUser: false, redirectTo: false, message: 'ra.notification.not_authorized' };
      }
    },
    async getPermissions(): Promise<StaffPermissions | undefined> {
      const session = readSession();
      return session ? { role: session.staff.role, dealershipId: session.staff.dealershipId } : undefined;
    },
    async getIdentity() {
      const session = readSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      return { id: session.staff.id, fullName: session.staff.name, role: session.staff.role };
    },
  };
}
