import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export type TokenKind = 'staff' | 'member';

export interface TokenClaims {
  sub: string;
  kind: TokenKind;
}

const LIFETIME_SECONDS: Record<TokenKind, number> = { staff: 12 * 3600, member: 30 * 24 * 3600 };

/** Signs and verifies the bearer tokens of staff users and members. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM public key
    // (and throws) on every verify, which was the largest single cost of an authenticated request.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) });
  }

  issue(kind: TokenKind, subject: string): { token: string; expiresAt: Date } {
    const lifetime = LIFETIME_SECONDS[kind];
    const token = this.jwt.sign({ sub: subject, kind } satisfies TokenClaims, { expiresIn: lifetime });
    return { token, expiresAt: new Date(Date.now() + lifetime * 1000) };
  }

  /** The claims of a valid token, or null when it is malformed, forged or expired. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      return claims.kind === 'staff' || claims.kind === 'member' ? claims : null;
    } catch {
      return null;
    }
  }
}
