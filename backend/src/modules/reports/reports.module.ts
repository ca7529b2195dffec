import { Module } from '@nestjs/common';
import { DealershipBalanceResolver, ReportsResolver, SettlementLineResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Finance reports and the ledger-integrity check, read from the ledgers. */
@Module({
  providers: [ReportsService, ReportsResolver, DealershipBalanceResolver, SettlementLineResolver],
  exports: [ReportsService],
})
export class ReportsModule {}
