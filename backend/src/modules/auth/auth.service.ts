import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth';
import { StaffService } from '../staff/staff.service';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffService,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string) {
    const user = await this.staff.verifyCredentials(username, password);
    return { ...this.tokens.issue('staff', user.id), staff: user };
  }

  me(principal: Principal) {
    return principal.staff ? this.staff.findOne(principal, principal.staff.id) : null;
  }
}
