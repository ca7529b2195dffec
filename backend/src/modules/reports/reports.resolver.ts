import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { Dealership } from '../dealerships/dealership.entity';
import { CsvExport, DealershipBalance, FinanceExportInput, LedgerIntegrityReport, SettlementLine, StoredValueLiability, StoredValueMovements } from './reports.types';
import { ReportsService } from './reports.service';

const FINANCE_READERS = [StaffRole.ADMIN, StaffRole.FINANCE, StaffRole.STORE_STAFF];

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => StoredValueLiability, { description: 'Outstanding stored value by issuing dealership at an instant (default now), from the ledger.' })
  @Access({ roles: FINANCE_READERS })
  storedValueLiability(
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { nullable: true }) asOf?: Date,
    @Args('dealershipId', { type: () => ID, nullable: true }) dealershipId?: string,
  ) {
    return this.reports.liability(principal, asOf ?? new Date(), dealershipId);
  }

  @Query(() => StoredValueMovements, { description: 'Recharges, bonus, spending, refunds and forfeited bonus in [from, to), in total and per day.' })
  @Access({ roles: FINANCE_READERS })
  storedValueMovements(
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('dealershipId', { type: () => ID, nullable: true }) dealershipId?: string,
  ) {
    return this.reports.movements(principal, from, to, dealershipId);
  }

  @Query(() => [SettlementLine], { description: 'Stored value issued by one dealership and spent at another in [from, to) (跨店结算).' })
  @Access({ roles: FINANCE_READERS })
  interStoreSettlement(
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('dealershipId', { type: () => ID, nullable: true, description: 'Only lines where it issued or spent.' }) dealershipId?: string,
  ) {
    return this.reports.settlement(principal, from, to, dealershipId);
  }

  @Query(() => LedgerIntegrityReport, { description: 'Recomputes every points and card balance from its ledger; zero mismatches is normal.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.FINANCE] })
  ledgerIntegrity() {
    return this.reports.integrity();
  }

  @Query(() => CsvExport, { description: 'A finance report or the card entries of a period as a CSV file.' })
  @Access({ roles: FINANCE_READERS })
  financeExport(@CurrentPrincipal() principal: Principal, @Args('input') input: FinanceExportInput) {
    return this.reports.exportCsv(principal, input);
  }
}

@Resolver(() => DealershipBalance)
export class DealershipBalanceResolver {
  constructor(private readonly loaders: Loaders) {}

  @ResolveField(() => Dealership)
  dealership(@Parent() line: DealershipBalance) {
    return this.loaders.one(Dealership, line.dealershipId);
  }
}

@Resolver(() => SettlementLine)
export class SettlementLineResolver {
  constructor(private readonly loaders: Loaders) {}

  @ResolveField(() => Dealership)
  issuingDealership(@Parent() line: SettlementLine) {
    return this.loaders.one(Dealership, line.issuingDealershipId);
  }

  @ResolveField(() => Dealership)
  consumingDealership(@Parent() line: SettlementLine) {
    return this.loaders.one(Dealership, line.consumingDealershipId);
  }
}
