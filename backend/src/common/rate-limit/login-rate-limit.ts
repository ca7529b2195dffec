import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { RateLimitService } from './rate-limit.service';

const LOGIN_SUBJECT = 'dealer-loyalty:login-subject';

/** Reads a dotted path (`input.username`) out of the operation's arguments. */
function argumentAt(args: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], args);
}

@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const path = this.reflector.get<string>(LOGIN_SUBJECT, context.getHandler());
    const gql = GqlExecutionContext.create(context);
    const subject = argumentAt(gql.getArgs(), path);
    await this.rateLimits.chargeLoginAttempt(gql.getContext<{ req: Request }>().req, typeof subject === 'string' ? subject : '');
    return true;
  }
}

/**
 * Marks a login or code request: it is limited per `subjectPath` (the username or phone argument)
 * and per client IP to `RATE_LIMIT_LOGIN` a window, on top of the caller's own limit.
 */
export const LoginAttempt = (subjectPath: string) => applyDecorators(SetMetadata(LOGIN_SUBJECT, subjectPath), UseGuards(LoginRateLimitGuard));
