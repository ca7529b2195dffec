import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal } from '../../common/auth';
import { LoginAttempt } from '../../common/rate-limit';
import { MemberAuthService } from './member-auth.service';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import { MemberAuthPayload, MemberLoginInput, RequestMemberLoginCodeInput } from './members.types';

const APP_SCOPES = ['members:login', 'members:read', 'members:write'];

@Resolver()
export class MemberAuthResolver {
  constructor(
    private readonly auth: MemberAuthService,
    private readonly members: MembersService,
  ) {}

  @Mutation(() => Boolean, { description: 'Sends a login code by SMS (LOGIN_CODE) to an active member; rate-limited per phone.' })
  @Access({ scopes: APP_SCOPES })
  @LoginAttempt('input.phone')
  requestMemberLoginCode(@Args('input') input: RequestMemberLoginCodeInput) {
    return this.auth.requestLoginCode(input.phone);
  }

  @Mutation(() => MemberAuthPayload, { description: 'Member login with the SMS code: a member token, sent with the app’s API key.' })
  @Access({ scopes: APP_SCOPES })
  @LoginAttempt('input.phone')
  memberLogin(@Args('input') input: MemberLoginInput) {
    return this.auth.login(input.phone, input.code);
  }

  @Query(() => Member, { nullable: true, description: 'The logged-in member (member token plus the app’s API key).' })
  @Access({ member: true })
  viewer(@CurrentPrincipal() principal: Principal) {
    return this.members.findOne(principal.member!.id);
  }
}
