import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { CardEntry } from './card-entry.entity';
import { Card } from './card.entity';
import { CardEntryFilter, CardEntryPage, CardEntrySort } from './cards.types';
import { CardsService } from './cards.service';

@Resolver(() => CardEntry)
export class CardEntriesResolver {
  constructor(
    private readonly service: CardsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => CardEntryPage, { description: 'The card ledger (卡流水), read-only; store staff see entries at or issued by their dealership.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.FINANCE, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF], scopes: ['cards:read'] })
  cardEntries(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: CardEntryFilter,
    @Args('sort', { type: () => [CardEntrySort], nullable: true }) sort?: CardEntrySort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.listEntries(principal, { filter, sort, page });
  }

  @ResolveField(() => Card)
  card(@Parent() entry: CardEntry) {
    return this.loaders.one(Card, entry.cardId);
  }

  @ResolveField(() => Dealership, { nullable: true })
  dealership(@Parent() entry: CardEntry) {
    return this.loaders.one(Dealership, entry.dealershipId);
  }
}
