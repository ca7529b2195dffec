import { Principal } from '../../common/auth';
import { ForbiddenError } from '../../common/errors';

/** The dealership a store-bound staff user is limited to, or null for group-wide callers. */
export function storeOf(principal: Principal | undefined): string | null {
  return principal?.staff?.dealershipId ?? null;
}

/**
 * Store staff edit only the profiles of their own dealership's members (any store may still
 * transact for any member); group-wide staff and API clients edit any.
 */
export function assertCanEditMember(principal: Principal | undefined, member: { homeDealershipId: string | null }): void {
  const store = storeOf(principal);
  if (store && member.homeDealershipId !== store) {
    throw new ForbiddenError("Store staff may edit only their own dealership's members");
  }
}

/**
 * The dealership a store-side write happens at: store staff always act at their own one and may
 * not name another; others must name one.
 */
export function actingDealership(principal: Principal | undefined, requested: string | null | undefined): string | null {
  const store = storeOf(principal);
  if (store && requested && requested !== store) throw new ForbiddenError('Store staff act only at their own dealership');
  return store ?? requested ?? null;
}
