import { Injectable } from '@nestjs/common';
import { HookRegistry } from '../../common/hooks';
import { SalesTransaction } from './sales-transaction.entity';

export interface TransactionEvent {
  transaction: SalesTransaction;
}

/** Listeners to a posted sale or service (referral rewards), in its transaction. */
@Injectable()
export class TransactionPostedHooks extends HookRegistry<TransactionEvent> {}

/** Listeners to a reversal, in its transaction. */
@Injectable()
export class TransactionReversedHooks extends HookRegistry<TransactionEvent> {}
