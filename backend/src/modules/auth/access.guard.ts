import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { ACCESS_METADATA, AccessRule, Principal } from '../../common/auth';
import { requestContext } from '../../common/context/request-context';
import { AppError, ForbiddenError, UnauthenticatedError } from '../../common/errors';
import { RateLimitService } from '../../common/rate-limit';
import { AuthenticationService } from './authentication.service';

const ROOT_TYPES = new Set(['Query', 'Mutation']);

/**
 * Authenticates the caller once per request and lets an operation run only when its declared
 * access rule admits the caller. An operation without a rule is refused for everybody.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (!ROOT_TYPES.has(info.parentType.name)) return true;

    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler());
    if (!rule) throw new ForbiddenError(`${info.fieldName} declares no access rule`);

    const store = requestContext.current();
    if (!store) throw new Error('No request context: the request-context middleware is not installed');
    store.operation = info.fieldName;

    const req = gql.getContext<{ req: Request }>().req;
    let principal: Principal | undefined;
    try {
      principal = await this.principalOf(store, req, rule);
    } catch (error) {
      await this.rateLimits.chargeRequest(req, undefined); // bad credentials count against the client IP
      throw error;
    }
    await this.rateLimits.chargeRequest(req, principal);
    if (rule.public) return true;
    if (!principal) throw new UnauthenticatedError();
    if (principal.member) {
      if (rule.member) return true;
      throw new ForbiddenError('Not available to members');
    }
    if (principal.staff) {
      if (rule.roles?.includes(principal.staff.role)) return true;
      throw new ForbiddenError(`Role ${principal.staff.role} may not call ${info.fieldName}`);
    }
    if (principal.apiClient && rule.scopes?.some((scope) => principal.apiClient!.scopes.includes(scope))) return true;
    throw new ForbiddenError(
      rule.scopes?.length ? `The API key needs one of the scopes ${rule.scopes.join(', ')}` : 'Not available to API keys',
    );
  }

  /** Authenticates once per request; a public operation still runs when the credentials are bad. */
  private async principalOf(
    store: { principal?: Principal; authenticated?: boolean },
    req: Request,
    rule: AccessRule,
  ): Promise<Principal | undefined> {
    if (store.authenticated) return store.principal;
    try {
      store.principal = await this.authentication.authenticate(req);
      store.authenticated = true;
      return store.principal;
    } catch (error) {
      if (rule.public && error instanceof AppError) return undefined;
      throw error;
    }
  }
}
