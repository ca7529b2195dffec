import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth';
import { UnauthenticatedError } from '../../common/errors';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { ApiClientsService } from '../api-clients/api-clients.service';
import { StaffService } from '../staff/staff.service';
import { TokenService } from './token.service';

/**
 * Works out who is calling from the request headers: `Authorization: Bearer <token>` for staff
 * and members, `X-Api-Key` for third-party applications (and both for a member in an app).
 * Staff users and members are re-read on every request so a deactivation or a freeze takes effect at once.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly tokens: TokenService,
    private readonly staff: StaffService,
    private readonly apiClients: ApiClientsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async authenticate(req: Pick<Request, 'headers'>): Promise<Principal | undefined> {
    const authorization = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    const principal: Principal = {};

    if (typeof apiKey === 'string' && apiKey) {
      const client = await this.apiClients.verifyKey(apiKey);
      if (!client) throw new UnauthenticatedError('Unknown or revoked API key');
      principal.apiClient = client;
    }

    if (authorization) {
      const match = /^Bearer\s+(.+)$/i.exec(authorization);
      const claims = match ? this.tokens.verify(match[1]) : null;
      if (!claims) throw new UnauthenticatedError('Invalid or expired token');
      if (claims.kind === 'staff') {
        const staff = await this.staff.findActivePrincipal(claims.sub);
        if (!staff) throw new UnauthenticatedError('This staff account is deactivated or no longer exists');
        principal.staff = staff;
      } else {
        if (!principal.apiClient)
          throw new UnauthenticatedError('A member token must be sent with the app API key');
        const member = await this.dataSource.manager.findOne(Member, {
          where: { id: claims.sub },
          select: { id: true, status: true },
        });
        if (!member || member.status !== MemberStatus.ACTIVE) {
          throw new UnauthenticatedError(
            member?.status === MemberStatus.FROZEN
              ? 'This membership is frozen'
              : 'This membership is no longer active',
          );
        }
        principal.member = { id: member.id };
      }
    }

    return principal.staff || principal.apiClient || principal.member ? principal : undefined;
  }
}
