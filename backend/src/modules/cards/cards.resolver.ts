import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { CardEntry } from './card-entry.entity';
import { Card } from './card.entity';
import {
  CardEntryPage,
  CardFilter,
  CardPage,
  CardSort,
  ConsumeCardInput,
  CreateCardInput,
  ExtendCardInput,
  RechargeCardInput,
  RefundCardInput,
  ReplaceCardInput,
  ReportCardLostInput,
  SetCardFrozenInput,
} from './cards.types';
import { CardsService } from './cards.service';

const READERS = [StaffRole.ADMIN, StaffRole.FINANCE, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];
const DESK = [StaffRole.ADMIN, StaffRole.STORE_STAFF];

@Resolver(() => Card)
export class CardsResolver {
  constructor(
    private readonly service: CardsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => CardPage, { description: 'Cards; store staff see those their dealership issued, or any by full number or member.' })
  @Access({ roles: READERS, scopes: ['cards:read'] })
  cards(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: CardFilter,
    @Args('sort', { type: () => [CardSort], nullable: true }) sort?: CardSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Query(() => Card, { nullable: true })
  @Access({ roles: READERS, scopes: ['cards:read'] })
  card(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Card, { description: 'Issues a card (开卡) with a new card number.' })
  @Access({ roles: DESK, scopes: ['cards:write'] })
  createCard(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateCardInput) {
    return this.service.create(principal, input);
  }

  @Mutation(() => CardEntry, { description: 'Tops up (充值): principal plus an optional bonus, or uses; idempotent on idempotencyKey.' })
  @Access({ roles: DESK, scopes: ['cards:write'] })
  rechargeCard(@CurrentPrincipal() principal: Principal, @Args('input') input: RechargeCardInput) {
    return this.service.recharge(principal, input);
  }

  @Mutation(() => CardEntry, { description: 'Spends (消费): principal and bonus drawn pro rata, or uses; idempotent on idempotencyKey.' })
  @Access({ roles: DESK, scopes: ['cards:write'] })
  consumeCard(@CurrentPrincipal() principal: Principal, @Args('input') input: ConsumeCardInput) {
    return this.service.consume(principal, input);
  }

  @Mutation(() => CardEntry, { description: 'Refunds (退卡) the remaining principal, forfeits the bonus and closes the card.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.FINANCE, StaffRole.STORE_STAFF] })
  refundCard(@CurrentPrincipal() principal: Principal, @Args('input') input: RefundCardInput) {
    return this.service.refund(principal, input);
  }

  @Mutation(() => Card, { description: 'Reports a card lost (挂失): blocked at once.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF], scopes: ['cards:write'] })
  reportCardLost(@CurrentPrincipal() principal: Principal, @Args('input') input: ReportCardLostInput) {
    return this.service.reportLost(principal, input);
  }

  @Mutation(() => Card, { description: 'Replaces a card (补卡): returns the new card holding the whole value.' })
  @Access({ roles: DESK })
  replaceCard(@CurrentPrincipal() principal: Principal, @Args('input') input: ReplaceCardInput) {
    return this.service.replace(principal, input);
  }

  @Mutation(() => Card, { description: 'Freezes (冻结) or unfreezes a card.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.FINANCE, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF] })
  setCardFrozen(@CurrentPrincipal() principal: Principal, @Args('input') input: SetCardFrozenInput) {
    return this.service.setFrozen(principal, input);
  }

  @Mutation(() => Card, { description: 'Sets a new expiry (延期); an expired card with value left works again.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.FINANCE] })
  extendCard(@CurrentPrincipal() principal: Principal, @Args('input') input: ExtendCardInput) {
    return this.service.extend(principal, input);
  }

  @ResolveField(() => Member)
  member(@Parent() card: Card) {
    return this.loaders.one(Member, card.memberId);
  }

  @ResolveField(() => Dealership)
  dealership(@Parent() card: Card) {
    return this.loaders.one(Dealership, card.dealershipId);
  }

  @ResolveField(() => CardEntryPage, { description: 'The card’s ledger, newest first.' })
  entries(@Parent() card: Card, @Args('page', { nullable: true }) page?: PageInput) {
    return this.service.listEntries(undefined, { filter: { cardId: card.id }, page });
  }
}
