import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Activity } from '../activities/activity.entity';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { SalesTransaction } from './sales-transaction.entity';
import { TransactionActivity } from './transaction-activity.entity';
import { RecordTransactionInput, ReverseTransactionInput, TransactionFilter, TransactionPage, TransactionSort } from './transactions.types';
import { TransactionsService } from './transactions.service';

const READERS = [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.FINANCE, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];

@Resolver(() => SalesTransaction)
export class TransactionsResolver {
  constructor(
    private readonly service: TransactionsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => TransactionPage, { description: 'Sales and services; store staff see their own dealership’s.' })
  @Access({ roles: READERS, scopes: ['transactions:read'] })
  transactions(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: TransactionFilter,
    @Args('sort', { type: () => [TransactionSort], nullable: true }) sort?: TransactionSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Query(() => SalesTransaction, { nullable: true })
  @Access({ roles: READERS, scopes: ['transactions:read'] })
  transaction(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(principal, id);
  }

  @Mutation(() => SalesTransaction, {
    description: 'Records a sale or service from the DMS/POS or the front desk; idempotent on (dealershipId, externalRef).',
  })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.STORE_STAFF], scopes: ['transactions:write'] })
  recordTransaction(@CurrentPrincipal() principal: Principal, @Args('input') input: RecordTransactionInput) {
    return this.service.record(principal, input);
  }

  @Mutation(() => SalesTransaction, { description: 'Reverses (冲销) a transaction once, clawing back its points.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.STORE_STAFF], scopes: ['transactions:write'] })
  reverseTransaction(@CurrentPrincipal() principal: Principal, @Args('input') input: ReverseTransactionInput) {
    return this.service.reverse(principal, input);
  }

  @ResolveField(() => Dealership)
  dealership(@Parent() transaction: SalesTransaction) {
    return this.loaders.one(Dealership, transaction.dealershipId);
  }

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() transaction: SalesTransaction) {
    return this.loaders.one(Member, transaction.memberId);
  }

  @ResolveField(() => [Activity], { description: 'Activities that added points to this transaction.' })
  async appliedActivities(@Parent() transaction: SalesTransaction) {
    const links = await this.loaders.many(TransactionActivity, 'transactionId', transaction.id);
    if (!links.length) return [];
    const activities = await Promise.all(links.map((l) => this.loaders.one(Activity, l.activityId)));
    return activities.filter((a): a is Activity => !!a);
  }
}
