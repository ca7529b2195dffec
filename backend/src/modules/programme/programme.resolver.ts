import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, StaffRole } from '../../common/auth';
import { TransactionType } from '../transactions/transaction.enums';
import { ProgrammeRules } from './programme-rules';
import { ProgrammeService } from './programme.service';
import { ProgrammeSettings, UpdateProgrammeSettingsInput } from './programme.types';

function toSettings(rules: ProgrammeRules): ProgrammeSettings {
  return {
    earningRates: Object.values(TransactionType).map((type) => ({ type, rate: Number(rules.earningRates[type] ?? 0) })),
    pointsExpiryMonths: rules.pointsExpiryMonths,
    pointsPerYuan: rules.pointsPerYuan,
    birthdayPoints: rules.birthdayPoints,
    referralRewardPoints: rules.referralRewardPoints,
    referralYearlyCap: rules.referralYearlyCap,
    qualifyingWindowMonths: rules.qualifyingWindowMonths,
    tierReviewMonths: rules.tierReviewMonths,
    serviceVisitTypes: rules.serviceVisitTypes,
    codeTtlMinutes: rules.codeTtlMinutes,
    codeMaxAttempts: rules.codeMaxAttempts,
    activationLapseDays: rules.activationLapseDays,
    maintenanceIntervalKm: rules.maintenanceInterval.km,
    maintenanceIntervalMonths: rules.maintenanceInterval.months,
  };
}

@Resolver(() => ProgrammeSettings)
export class ProgrammeResolver {
  constructor(private readonly programme: ProgrammeService) {}

  @Query(() => ProgrammeSettings, { description: 'The programme rules in force: earning rates, expiry, tier windows, codes.' })
  @Access({ roles: ALL_STAFF_ROLES })
  async programmeSettings() {
    return toSettings(await this.programme.rules());
  }

  @Mutation(() => ProgrammeSettings, { description: 'Changes programme numbers; applies to what happens from now on.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  async updateProgrammeSettings(@Args('input') input: UpdateProgrammeSettingsInput) {
    const { earningRates, maintenanceIntervalKm, maintenanceIntervalMonths, ...plain } = input;
    const current = await this.programme.rules();
    const changes: Partial<ProgrammeRules> = { ...plain };
    if (earningRates) changes.earningRates = Object.fromEntries(earningRates.map((r) => [r.type, String(r.rate)])) as never;
    if (maintenanceIntervalKm !== undefined || maintenanceIntervalMonths !== undefined) {
      changes.maintenanceInterval = {
        km: maintenanceIntervalKm ?? current.maintenanceInterval.km,
        months: maintenanceIntervalMonths ?? current.maintenanceInterval.months,
      };
    }
    return toSettings(await this.programme.update(changes));
  }
}
