import { Injectable } from '@nestjs/common';
import { TransactionService } from '../../common/database';
import { UnauthenticatedError } from '../../common/errors';
import { TokenService } from '../auth/token.service';
import { Member } from './member.entity';
import { MemberStatus } from './member.enums';
import { MembersService } from './members.service';
import { CodePurpose } from './verification-code.entity';
import { VerificationCodesService } from './verification-codes.service';

/** Member login in an app by SMS code, giving a member token used with the app's API key. */
@Injectable()
export class MemberAuthService {
  constructor(
    private readonly members: MembersService,
    private readonly codes: VerificationCodesService,
    private readonly tokens: TokenService,
    private readonly tx: TransactionService,
  ) {}

  /**
   * Sends a LOGIN_CODE to an active member's phone. The answer is the same whether or not the
   * phone belongs to a member, so the call cannot be used to find out who is one; the rate limit
   * per phone applies either way.
   */
  async requestLoginCode(phone: string): Promise<boolean> {
    const member = await this.members.findByPhone(phone);
    const active = member?.status === MemberStatus.ACTIVE ? member : null;
    const { notificationId } = await this.tx.run((manager) =>
      this.codes.issue(manager, { purpose: CodePurpose.LOGIN, phone, memberId: active?.id ?? null, name: active?.name, deliver: !!active }),
    );
    if (notificationId) await this.codes.send(notificationId);
    return true;
  }

  async login(phone: string, code: string): Promise<{ token: string; expiresAt: Date; member: Member }> {
    const check = await this.codes.check({ purpose: CodePurpose.LOGIN, phone, code });
    if (check === 'LOCKED') throw new UnauthenticatedError('Too many wrong codes: request a new one');
    if (check !== 'OK') throw new UnauthenticatedError('The code is wrong or has expired');
    const member = await this.members.findByPhone(phone);
    if (!member || member.status !== MemberStatus.ACTIVE) throw new UnauthenticatedError('No active member has this phone number');
    return { ...this.tokens.issue('member', member.id), member };
  }
}
