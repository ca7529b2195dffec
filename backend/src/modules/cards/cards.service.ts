import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import { dialectOf, executeUpdate, serializeOn, TransactionService } from '../../common/database';
import { BadUserInputError, ConflictError, InsufficientBalanceError, InvalidStateError, NotFoundError } from '../../common/errors';
import { idempotentWrite, payloadHash } from '../../common/idempotency';
import { ListArgs, listQuery, Page } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { actingDealership, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { NotificationTemplate } from '../notifications/notification.enums';
import { NotificationsService } from '../notifications/notifications.service';
import { SalesTransaction } from '../transactions/sales-transaction.entity';
import { newCardNo, splitSpend } from './card-numbers';
import { CardEntry } from './card-entry.entity';
import { Card } from './card.entity';
import { CardEntryType, CardStatus, CardType, PaymentMethod } from './card.enums';
import {
  CardEntryFilter,
  CardEntrySort,
  CardFilter,
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

/** A change of a card's value: signed principal, bonus and uses, and the status it leaves. */
interface Movement {
  type: CardEntryType;
  principal: number;
  bonus: number;
  uses: number | null;
  status?: CardStatus;
}

interface Attribution {
  dealershipId: string | null;
  operatorId: string | null;
  paymentMethod?: PaymentMethod | null;
  transactionId?: string | null;
  note?: string | null;
  idempotencyKey?: string | null;
  payloadHash?: string | null;
}

/** Optimistic retries of a card movement under concurrent changes of the same card. */
const MAX_RETRIES = 50;
const LIVE_MEMBERSHIP = [CardStatus.ACTIVE, CardStatus.FROZEN, CardStatus.LOST];

/**
 * Cards and the stored-value ledger. A card's balances change only in `move`: one conditional
 * UPDATE that succeeds only if the card still holds the balances and status it was read with,
 * plus an append-only `CardEntry`, in one database transaction; a lost race is re-read and re-planned.
 */
@Injectable()
export class CardsService {
  constructor(
    @InjectRepository(Card) private readonly cards: Repository<Card>,
    @InjectRepository(CardEntry) private readonly entries: Repository<CardEntry>,
    private readonly tx: TransactionService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Store staff list the cards their dealership issued; another store's card by its full number or member. */
  list(principal: Principal | undefined, args: ListArgs<CardFilter, CardSort>): Promise<Page<Card>> {
    const store = storeOf(principal);
    const filter = args.filter ?? {};
    const exact = !!(filter.cardNo || filter.memberId || filter.ids?.length);
    const q = filter.q?.trim();
    return listQuery(this.cards, args, {
      search: ['cardNo', 'serviceName'],
      scope: (qb, alias) => {
        if (!store || exact) return;
        qb.andWhere(
          new Brackets((or) => {
            or.where(`${alias}.dealershipId = :store`, { store });
            if (q) or.orWhere(`${alias}.cardNo = :exactCardNo`, { exactCardNo: q });
          }),
        );
      },
    });
  }

  findOne(id: string): Promise<Card | null> {
    return this.cards.findOneBy({ id });
  }

  listEntries(principal: Principal | undefined, args: ListArgs<CardEntryFilter, CardEntrySort>): Promise<Page<CardEntry>> {
    const store = storeOf(principal);
    const forOneCard = !!(args.filter?.cardId || args.filter?.memberId);
    return listQuery(this.entries, args, {
      scope: (qb, alias) => {
        if (!store || forOneCard) return;
        qb.andWhere(
          new Brackets((or) => or.where(`${alias}.dealershipId = :store`).orWhere(`${alias}.issuingDealershipId = :store`)),
          { store },
        );
      },
    });
  }

  /** Issues a card; COUNT cards come with their uses, stored-value cards start empty. */
  create(principal: Principal, input: CreateCardInput): Promise<Card> {
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    if (input.type === CardType.COUNT && (!input.serviceName || !input.uses)) {
      throw new BadUserInputError({
        ...(input.serviceName ? {} : { 'input.serviceName': 'is required for a COUNT card' }),
        ...(input.uses ? {} : { 'input.uses': 'is required for a COUNT card' }),
      });
    }
    if (input.type !== CardType.COUNT && (input.serviceName || input.uses)) {
      throw new BadUserInputError({ [input.uses ? 'input.uses' : 'input.serviceName']: 'only COUNT cards have a service and uses' });
    }
    if (input.expiresAt && input.expiresAt <= new Date()) throw new BadUserInputError({ 'input.expiresAt': 'must be in the future' });
    const key = input.idempotencyKey ? `card:create:${input.idempotencyKey}` : null;
    const hash = payloadHash({ ...input, dealershipId, idempotencyKey: undefined });
    const write = () =>
      this.tx.run(async (manager) => {
        const member = await manager.findOneBy(Member, { id: input.memberId });
        if (!member) throw new BadUserInputError({ 'input.memberId': 'is not an existing member' });
        if (member.status !== MemberStatus.ACTIVE) throw new InvalidStateError(`A ${member.status} member cannot be issued a card`);
        if (!(await manager.existsBy(Dealership, { id: dealershipId }))) {
          throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
        }
        // Concurrent issues of a membership card to one member queue on the member's row (a plain
        // UPDATE, portable), so the check below sees a card a concurrent request has just issued.
        if (input.type === CardType.MEMBERSHIP) await serializeOn(manager, 'member', member.id);
        if (input.type === CardType.MEMBERSHIP && (await manager.existsBy(Card, { memberId: member.id, type: CardType.MEMBERSHIP, status: In(LIVE_MEMBERSHIP) }))) {
          throw new ConflictError('The member already has a membership card', 'input.type');
        }
        const card = await manager.save(
          manager.create(Card, {
            cardNo: await this.uniqueCardNo(manager, input.type),
            type: input.type,
            status: CardStatus.ACTIVE,
            memberId: member.id,
            dealershipId,
            balance: 0,
            principalBalance: 0,
            bonusBalance: 0,
            remainingUses: input.type === CardType.COUNT ? 0 : null,
            serviceName: input.serviceName ?? null,
            expiresAt: input.expiresAt ?? null,
            replacedById: null,
            replacesId: null,
            statusReason: null,
            idempotencyKey: key,
            payloadHash: key ? hash : null,
          }),
        );
        await this.move(
          manager,
          card.id,
          () => ({ type: CardEntryType.ISSUE, principal: 0, bonus: 0, uses: input.type === CardType.COUNT ? input.uses! : null }),
          { dealershipId, operatorId: actorOf(principal).id },
        );
        return manager.findOneByOrFail(Card, { id: card.id });
      });
    if (!key) return write();
    return idempotentWrite({ find: () => this.cards.findOneBy({ idempotencyKey: key }), hashOf: (c) => c.payloadHash, payloadHash: hash, field: 'input.idempotencyKey', write });
  }

  /** Tops up: principal plus an optional bonus on stored-value cards, uses on count cards. */
  recharge(principal: Principal, input: RechargeCardInput): Promise<CardEntry> {
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    return this.idempotent('recharge', input.idempotencyKey, { ...input, dealershipId }, (manager, key, hash) =>
      this.move(
        manager,
        input.cardId,
        (card) => {
          this.assertUsable(card);
          if (card.type === CardType.STORED_VALUE) {
            if (!input.amount) throw new BadUserInputError({ 'input.amount': 'is required to top up a stored-value card' });
            if (input.uses) throw new BadUserInputError({ 'input.uses': 'only COUNT cards have uses' });
            return { type: CardEntryType.RECHARGE, principal: input.amount, bonus: input.bonusAmount ?? 0, uses: null };
          }
          if (card.type === CardType.COUNT) {
            if (!input.uses) throw new BadUserInputError({ 'input.uses': 'is required to top up a count card' });
            if (input.amount || input.bonusAmount) throw new BadUserInputError({ 'input.amount': 'count cards hold uses, not money' });
            return { type: CardEntryType.RECHARGE, principal: 0, bonus: 0, uses: input.uses };
          }
          throw new InvalidStateError('A membership card holds no value');
        },
        { dealershipId, operatorId: actorOf(principal).id, paymentMethod: input.paymentMethod ?? null, note: input.note ?? null, idempotencyKey: key, payloadHash: hash },
      ).then(async (entry) => this.notify(manager, entry)),
    );
  }

  /** Spends: an amount drawn pro rata from principal and bonus, or uses of a count card. */
  consume(principal: Principal, input: ConsumeCardInput): Promise<CardEntry> {
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    return this.idempotent('consume', input.idempotencyKey, { ...input, dealershipId }, async (manager, key, hash) => {
      if (input.transactionId) {
        const transaction = await manager.findOneBy(SalesTransaction, { id: input.transactionId });
        const card = await manager.findOneBy(Card, { id: input.cardId });
        if (!transaction) throw new BadUserInputError({ 'input.transactionId': 'is not an existing transaction' });
        if (card && transaction.memberId !== card.memberId) {
          throw new BadUserInputError({ 'input.transactionId': "is not a transaction of the card's member" });
        }
      }
      const entry = await this.move(
        manager,
        input.cardId,
        (card) => {
          this.assertUsable(card);
          if (card.type === CardType.STORED_VALUE) {
            if (!input.amount) throw new BadUserInputError({ 'input.amount': 'is required to spend from a stored-value card' });
            if (input.uses) throw new BadUserInputError({ 'input.uses': 'only COUNT cards have uses' });
            if (input.amount > card.balance) throw new InsufficientBalanceError(`The card holds ${card.balance} fen, ${input.amount} asked`);
            const split = splitSpend(input.amount, card.principalBalance, card.bonusBalance);
            return { type: CardEntryType.CONSUME, principal: -split.principal, bonus: -split.bonus, uses: null };
          }
          if (card.type === CardType.COUNT) {
            if (!input.uses) throw new BadUserInputError({ 'input.uses': 'is required to use a count card' });
            if (input.amount) throw new BadUserInputError({ 'input.amount': 'count cards hold uses, not money' });
            if (input.uses > (card.remainingUses ?? 0)) throw new InsufficientBalanceError(`The card has ${card.remainingUses} uses left, ${input.uses} asked`);
            return { type: CardEntryType.CONSUME, principal: 0, bonus: 0, uses: -input.uses };
          }
          throw new InvalidStateError('A membership card holds no value');
        },
        { dealershipId, operatorId: actorOf(principal).id, transactionId: input.transactionId ?? null, note: input.note ?? null, idempotencyKey: key, payloadHash: hash },
      );
      return this.notify(manager, entry);
    });
  }

  /** Refunds the remaining principal, forfeits the bonus and closes the card (REFUNDED). */
  refund(principal: Principal, input: RefundCardInput): Promise<CardEntry> {
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    return this.idempotent('refund', input.idempotencyKey, { ...input, dealershipId }, async (manager, key, hash) => {
      const entry = await this.move(
        manager,
        input.cardId,
        (card) => {
          if (card.type !== CardType.STORED_VALUE) throw new InvalidStateError('Only stored-value cards are refunded');
          // The issuing dealership holds the money, so it pays the refund.
          if (card.dealershipId !== dealershipId) {
            throw new BadUserInputError({ 'input.dealershipId': 'a card is refunded by the dealership that issued it' });
          }
          if (![CardStatus.ACTIVE, CardStatus.FROZEN, CardStatus.LOST, CardStatus.EXPIRED].includes(card.status)) {
            throw new InvalidStateError(`A ${card.status} card cannot be refunded`);
          }
          return { type: CardEntryType.REFUND, principal: -card.principalBalance, bonus: -card.bonusBalance, uses: null, status: CardStatus.REFUNDED };
        },
        { dealershipId, operatorId: actorOf(principal).id, note: input.reason, idempotencyKey: key, payloadHash: hash },
      );
      await manager.update(Card, { id: input.cardId }, { statusReason: input.reason });
      return this.notify(manager, entry);
    });
  }

  /** Blocks a card at once (挂失); replacing it moves its value to a new number. */
  reportLost(principal: Principal, input: ReportCardLostInput): Promise<Card> {
    return this.changeStatus(input.cardId, input.reason ?? null, (card) => {
      if (card.status === CardStatus.LOST) return null;
      if (![CardStatus.ACTIVE, CardStatus.FROZEN].includes(card.status)) throw new InvalidStateError(`A ${card.status} card cannot be reported lost`);
      return CardStatus.LOST;
    });
  }

  setFrozen(principal: Principal, input: SetCardFrozenInput): Promise<Card> {
    return this.changeStatus(input.cardId, input.reason ?? null, (card) => {
      const target = input.frozen ? CardStatus.FROZEN : CardStatus.ACTIVE;
      if (card.status === target) return null;
      const from = input.frozen ? CardStatus.ACTIVE : CardStatus.FROZEN;
      if (card.status !== from) throw new InvalidStateError(`A ${card.status} card cannot be ${input.frozen ? 'frozen' : 'unfrozen'}`);
      return target;
    });
  }

  /** A new expiry; an EXPIRED card whose value was kept becomes ACTIVE again. */
  extend(principal: Principal, input: ExtendCardInput): Promise<Card> {
    if (input.expiresAt && input.expiresAt <= new Date()) throw new BadUserInputError({ 'input.expiresAt': 'must be in the future' });
    return this.tx.run(async (manager) => {
      const card = await manager.findOneBy(Card, { id: input.cardId });
      if (!card) throw new NotFoundError('Card', input.cardId);
      if (![CardStatus.ACTIVE, CardStatus.FROZEN, CardStatus.EXPIRED].includes(card.status)) {
        throw new InvalidStateError(`A ${card.status} card cannot be extended`);
      }
      card.expiresAt = input.expiresAt ?? null;
      card.statusReason = input.reason;
      if (card.status === CardStatus.EXPIRED) card.status = CardStatus.ACTIVE;
      return manager.save(card);
    });
  }

  /**
   * Replaces a card (lost or damaged): a new number, the whole value (principal, bonus or uses)
   * moved as TRANSFER_OUT and TRANSFER_IN in one transaction, the old card REPLACED pointing to the
   * new one. Asking again returns the replacement.
   */
  replace(principal: Principal, input: ReplaceCardInput): Promise<Card> {
    return this.tx.run(async (manager) => {
      const old = await manager.findOneBy(Card, { id: input.cardId });
      if (!old) throw new NotFoundError('Card', input.cardId);
      if (old.status === CardStatus.REPLACED && old.replacedById) return manager.findOneByOrFail(Card, { id: old.replacedById });
      const operatorId = actorOf(principal).id;
      const dealershipId = storeOf(principal) ?? old.dealershipId;
      const replacement = await manager.save(
        manager.create(Card, {
          cardNo: await this.uniqueCardNo(manager, old.type),
          type: old.type,
          status: CardStatus.ACTIVE,
          memberId: old.memberId,
          dealershipId: old.dealershipId,
          balance: 0,
          principalBalance: 0,
          bonusBalance: 0,
          remainingUses: old.type === CardType.COUNT ? 0 : null,
          serviceName: old.serviceName,
          expiresAt: old.expiresAt,
          replacedById: null,
          replacesId: old.id,
          statusReason: input.reason ?? null,
          idempotencyKey: null,
          payloadHash: null,
        }),
      );
      let moved: Movement | null = null;
      await this.move(
        manager,
        old.id,
        (card) => {
          if (![CardStatus.ACTIVE, CardStatus.FROZEN, CardStatus.LOST].includes(card.status)) {
            throw new InvalidStateError(`A ${card.status} card cannot be replaced`);
          }
          moved = {
            type: CardEntryType.TRANSFER_OUT,
            principal: -card.principalBalance,
            bonus: -card.bonusBalance,
            uses: card.remainingUses === null ? null : -card.remainingUses,
            status: CardStatus.REPLACED,
          };
          return moved;
        },
        { dealershipId, operatorId, note: input.reason ?? `Replaced by card ${replacement.cardNo}` },
      );
      const out = moved!;
      await this.move(
        manager,
        replacement.id,
        () => ({ type: CardEntryType.TRANSFER_IN, principal: -out.principal, bonus: -out.bonus, uses: out.uses === null ? null : -out.uses }),
        { dealershipId, operatorId, note: `Replaces card ${old.cardNo}` },
      );
      await manager.update(Card, { id: old.id }, { replacedById: replacement.id, statusReason: input.reason ?? null });
      return manager.findOneByOrFail(Card, { id: replacement.id });
    }).catch(async (error: unknown) => {
      // A concurrent request replaced the card first (this one's new card was rolled back): answer with its replacement.
      const old = error instanceof InvalidStateError ? await this.cards.findOneBy({ id: input.cardId }) : null;
      if (old?.status === CardStatus.REPLACED && old.replacedById) return this.cards.findOneByOrFail({ id: old.replacedById });
      throw error;
    });
  }

  /**
   * The one way a card's value changes. `plan` sees the card as read and returns the movement (or
   * throws); the UPDATE applies only if principal, bonus, uses and status are still what was read.
   */
  private async move(
    manager: EntityManager,
    cardId: string,
    plan: (card: Card) => Movement,
    attribution: Attribution,
  ): Promise<CardEntry> {
    const sql = dialectOf(manager);
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const card = await manager.findOneBy(Card, { id: cardId });
      if (!card) throw new NotFoundError('Card', cardId);
      const movement = plan(card);
      const uses = movement.uses ?? 0;
      const changed = await executeUpdate(
        manager,
        'UPDATE `card` SET `principalBalance` = `principalBalance` + ?, `bonusBalance` = `bonusBalance` + ?, `balance` = `balance` + ?, ' +
          '`remainingUses` = CASE WHEN `remainingUses` IS NULL THEN NULL ELSE `remainingUses` + ? END, `status` = ?, `updatedAt` = ' +
          sql.now() +
          ' WHERE `id` = ? AND `principalBalance` = ? AND `bonusBalance` = ? AND `status` = ? AND (`remainingUses` = ? OR `remainingUses` IS NULL)' +
          ' AND `principalBalance` + ? >= 0 AND `bonusBalance` + ? >= 0 AND (`remainingUses` IS NULL OR `remainingUses` + ? >= 0)',
        [
          movement.principal,
          movement.bonus,
          movement.principal + movement.bonus,
          uses,
          movement.status ?? card.status,
          card.id,
          card.principalBalance,
          card.bonusBalance,
          card.status,
          card.remainingUses ?? 0,
          movement.principal,
          movement.bonus,
          uses,
        ],
      );
      if (!changed) continue; // another change got there first: read again and re-plan
      const after = await manager.findOneByOrFail(Card, { id: cardId });
      return manager.save(
        manager.create(CardEntry, {
          cardId,
          memberId: card.memberId,
          cardType: card.type,
          issuingDealershipId: card.dealershipId,
          type: movement.type,
          amount: movement.principal + movement.bonus,
          principalAmount: movement.principal,
          bonusAmount: movement.bonus,
          uses: movement.uses,
          balanceAfter: after.balance,
          principalBalanceAfter: after.principalBalance,
          bonusBalanceAfter: after.bonusBalance,
          remainingUsesAfter: after.remainingUses,
          dealershipId: attribution.dealershipId,
          operatorId: attribution.operatorId,
          paymentMethod: attribution.paymentMethod ?? null,
          transactionId: attribution.transactionId ?? null,
          note: attribution.note ?? null,
          idempotencyKey: attribution.idempotencyKey ?? null,
          payloadHash: attribution.payloadHash ?? null,
        }),
      );
    }
    throw new ConflictError('The card kept changing under this request; try again');
  }

  /** A value operation under an idempotency key, in one transaction, checking the dealership exists. */
  private idempotent(
    operation: string,
    idempotencyKey: string,
    payload: object & { dealershipId: string },
    work: (manager: EntityManager, key: string, hash: string) => Promise<CardEntry>,
  ): Promise<CardEntry> {
    const key = `card:${operation}:${idempotencyKey}`;
    const hash = payloadHash({ ...payload, idempotencyKey: undefined });
    return idempotentWrite({
      find: () => this.entries.findOneBy({ idempotencyKey: key }),
      hashOf: (entry) => entry.payloadHash,
      payloadHash: hash,
      field: 'input.idempotencyKey',
      write: () =>
        this.tx.run(async (manager) => {
          if (!(await manager.existsBy(Dealership, { id: payload.dealershipId }))) {
            throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
          }
          return work(manager, key, hash);
        }),
    });
  }

  /**
   * A change of status without a change of value: concurrent changes of the card take turns on its
   * row, then the change is saved through the entity so the audit trail records before and after.
   */
  private async changeStatus(cardId: string, reason: string | null, next: (card: Card) => CardStatus | null): Promise<Card> {
    return this.tx.run(async (manager) => {
      await serializeOn(manager, 'card', cardId);
      const card = await manager.findOneBy(Card, { id: cardId });
      if (!card) throw new NotFoundError('Card', cardId);
      const status = next(card);
      if (!status) return card;
      return manager.save(Object.assign(card, { status, statusReason: reason }));
    });
  }

  private assertUsable(card: Card) {
    if (card.status !== CardStatus.ACTIVE) throw new InvalidStateError(`The card is ${card.status}`);
    if (card.expiresAt && card.expiresAt <= new Date()) throw new InvalidStateError(`The card expired on ${card.expiresAt.toISOString()}`);
  }

  /** Tells the member of a top-up, spend or refund (CARD_BALANCE_CHANGED). */
  private async notify(manager: EntityManager, entry: CardEntry): Promise<CardEntry> {
    const member = await manager.findOneBy(Member, { id: entry.memberId });
    const card = await manager.findOneByOrFail(Card, { id: entry.cardId });
    if (member && member.status !== MemberStatus.ERASED && member.phone) {
      const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
      const counted = card.type === CardType.COUNT;
      await this.notifications.enqueue(manager, {
        template: NotificationTemplate.CARD_BALANCE_CHANGED,
        memberId: member.id,
        recipient: member.phone,
        data: {
          cardNo: `尾号${card.cardNo.slice(-4)}`,
          change: counted ? `${entry.uses! > 0 ? '+' : ''}${entry.uses}次` : `${entry.amount > 0 ? '+' : '-'}${yuan(Math.abs(entry.amount))}`,
          balance: counted ? `${entry.remainingUsesAfter}次` : yuan(entry.balanceAfter),
        },
        dedupeKey: `card-entry:${entry.id}`,
      });
    }
    return entry;
  }

  private async uniqueCardNo(manager: EntityManager, type: CardType): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const cardNo = newCardNo(type);
      if (!(await manager.existsBy(Card, { cardNo }))) return cardNo;
    }
    throw new Error('Could not generate a unique card number');
  }
}
