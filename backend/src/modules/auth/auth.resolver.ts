import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal } from '../../common/auth';
import { LoginAttempt } from '../../common/rate-limit';
import { StaffUser } from '../staff/staff-user.entity';
import { AuthPayload, LoginInput } from '../staff/staff.types';
import { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Staff login with username and password.' })
  @Access({ public: true })
  @LoginAttempt('input.username')
  login(@Args('input') input: LoginInput) {
    return this.auth.login(input.username, input.password);
  }

  @Query(() => StaffUser, { nullable: true, description: 'The logged-in staff user.' })
  @Access({ roles: ALL_STAFF_ROLES })
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }
}
