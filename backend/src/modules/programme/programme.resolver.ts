import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, StaffRole } from '../../common/auth';
import { ProgrammeService } from './programme.service';
import { ProgrammeSettings, UpdateProgrammeSettingsInput } from './programme.types';

@Resolver(() => ProgrammeSettings)
export class ProgrammeResolver {
  constructor(private readonly programme: ProgrammeService) {}

  @Query(() => ProgrammeSettings, {
    description: 'The programme rules in force: earning rates, expiry, tier windows, codes.',
  })
  @Access({ roles: ALL_STAFF_ROLES })
  programmeSettings() {
    return this.programme.settings();
  }

  @Mutation(() => ProgrammeSettings, {
    description: 'Changes programme numbers; applies to what happens from now on.',
  })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  updateProgrammeSettings(@Args('input') input: UpdateProgrammeSettingsInput) {
    return this.programme.updateSettings(input);
  }
}
