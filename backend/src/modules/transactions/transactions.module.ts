import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TiersModule } from '../tiers/tiers.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { SalesTransaction } from './sales-transaction.entity';
import { TransactionActivity } from './transaction-activity.entity';
import { TransactionPostedHooks, TransactionReversedHooks } from './transaction.hooks';
import { TransactionsResolver } from './transactions.resolver';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [TypeOrmModule.forFeature([SalesTransaction, TransactionActivity]), TiersModule, VehiclesModule],
  providers: [TransactionsService, TransactionsResolver, TransactionPostedHooks, TransactionReversedHooks],
  exports: [TransactionsService, TransactionPostedHooks, TransactionReversedHooks],
})
export class TransactionsModule {}
