import { SetMetadata } from '@nestjs/common';
import { StaffRole } from './principal';

/**
 * Who may call an operation. Every query and mutation declares one; the access guard refuses
 * operations that do not (deny by default), and the role × operation matrix test checks them all.
 */
export interface AccessRule {
  /** Anyone, even unauthenticated (login, code requests). */
  public?: boolean;
  /** Staff roles allowed. */
  roles?: StaffRole[];
  /** API-key scopes, any one of which lets a third-party application call it. */
  scopes?: string[];
  /** A logged-in member (member token plus the app's API key). */
  member?: boolean;
}

export const ACCESS_METADATA = 'dealer-loyalty:access';

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_METADATA, rule);
