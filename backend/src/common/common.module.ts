import { Global, Module } from '@nestjs/common';
import { TransactionService } from './database/transaction.service';
import { Loaders } from './dataloader/loaders.service';

/** Platform services every module uses. */
@Global()
@Module({ providers: [TransactionService, Loaders], exports: [TransactionService, Loaders] })
export class CommonModule {}
