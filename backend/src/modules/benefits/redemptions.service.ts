import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import { keyedHash } from '../../common/crypto';
import { dialectOf, executeUpdate, TransactionService } from '../../common/database';
import {
  AppError,
  BadUserInputError,
  ConflictError,
  InvalidStateError,
  NotFoundError,
  QuotaExhaustedError,
} from '../../common/errors';
import { idempotentWrite, payloadHash } from '../../common/idempotency';
import { ListArgs, listQuery, Page } from '../../common/list';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Dealership } from '../dealerships/dealership.entity';
import { actingDealership, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { BenefitCode } from './benefit-code.entity';
import { BenefitRedemption } from './benefit-redemption.entity';
import { MemberBenefitStatus } from './benefit.enums';
import {
  BenefitCodePayload,
  BenefitRedemptionFilter,
  BenefitRedemptionSort,
  RedeemBenefitInput,
} from './benefits.types';
import { MemberBenefit } from './member-benefit.entity';

/** Digits and capital letters that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const BENEFIT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BENEFIT_CODE_LENGTH = 8;
export const BENEFIT_CODE_TTL_MINUTES = 10;

/**
 * Redemption (核销) of entitlements at a store, by entitlement id or by the one-time code the
 * member shows. A use is one conditional UPDATE (`used < quota`, ACTIVE, period running), so
 * concurrent redemptions never exceed the quota on any database; each is recorded with the store
 * and the operator, under an idempotency key.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    @InjectRepository(BenefitRedemption) private readonly redemptions: Repository<BenefitRedemption>,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Store staff see the redemptions made at their dealership. */
  list(
    principal: Principal | undefined,
    args: ListArgs<BenefitRedemptionFilter, BenefitRedemptionSort>,
  ): Promise<Page<BenefitRedemption>> {
    const store = storeOf(principal);
    return listQuery(this.redemptions, args, {
      scope: (qb, alias) => {
        if (store) qb.andWhere(`${alias}.dealershipId = :store`, { store });
      },
    });
  }

  redeem(principal: Principal, input: RedeemBenefitInput): Promise<BenefitRedemption> {
    if (!input.memberBenefitId === !input.code) {
      const problem = input.code
        ? 'give either memberBenefitId or code, not both'
        : 'give memberBenefitId or code';
      throw new BadUserInputError({ 'input.memberBenefitId': problem, 'input.code': problem });
    }
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    const key = `benefit:redeem:${input.idempotencyKey}`;
    const hash = payloadHash({ ...input, dealershipId, idempotencyKey: undefined });
    return idempotentWrite({
      find: () => this.redemptions.findOneBy({ idempotencyKey: key }),
      hashOf: (redemption) => redemption.payloadHash,
      payloadHash: hash,
      field: 'input.idempotencyKey',
      write: () =>
        this.tx.run(async (manager) => {
          if (!(await manager.existsBy(Dealership, { id: dealershipId }))) {
            throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
          }
          const now = new Date();
          const entitlementId = input.code
            ? await this.consumeCode(manager, input.code, now)
            : input.memberBenefitId!;
          const entitlement = await manager.findOneBy(MemberBenefit, { id: entitlementId });
          if (!entitlement) throw new NotFoundError('MemberBenefit', entitlementId);
          const member = await manager.findOneBy(Member, { id: entitlement.memberId });
          if (member?.status !== MemberStatus.ACTIVE) {
            throw new InvalidStateError(
              `The benefits of a ${member?.status ?? 'missing'} member cannot be redeemed`,
            );
          }
          const sql = dialectOf(manager);
          // `status` is assigned before `used`: MySQL evaluates assignments left to right, SQLite on the old row.
          const used = await executeUpdate(
            manager,
            'UPDATE `member_benefit` SET `status` = CASE WHEN `used` + 1 >= `quota` THEN ? ELSE `status` END, `used` = `used` + 1, `updatedAt` = ' +
              sql.now() +
              ' WHERE `id` = ? AND `used` < `quota` AND `status` = ? AND `periodEnd` > ?',
            [MemberBenefitStatus.EXHAUSTED, entitlement.id, MemberBenefitStatus.ACTIVE, sql.dateTime(now)],
          );
          if (!used) {
            const fresh = await manager.findOneByOrFail(MemberBenefit, { id: entitlement.id });
            throw (
              this.refusal(fresh, now) ?? new ConflictError('The entitlement changed meanwhile; try again')
            );
          }
          return manager.save(
            manager.create(BenefitRedemption, {
              memberBenefitId: entitlement.id,
              memberId: entitlement.memberId,
              benefitId: entitlement.benefitId,
              dealershipId,
              operatorId: actorOf(principal).id,
              note: input.note ?? null,
              idempotencyKey: key,
              payloadHash: hash,
            }),
          );
        }),
    });
  }

  /**
   * A one-time code for the logged-in member's own ACTIVE entitlement with quota left: valid for
   * 10 minutes, single use, kept only as a keyed hash. An earlier live code of the same
   * entitlement stops working, so at most one is ever valid.
   */
  createCode(principal: Principal, memberBenefitId: string): Promise<BenefitCodePayload> {
    const memberId = principal.member?.id;
    return this.tx.run(async (manager) => {
      const entitlement = await manager.findOneBy(MemberBenefit, { id: memberBenefitId });
      // Another member's entitlement is reported as missing: its existence is not the viewer's business.
      if (!entitlement || !memberId || entitlement.memberId !== memberId)
        throw new NotFoundError('MemberBenefit', memberBenefitId);
      const member = await manager.findOneBy(Member, { id: memberId });
      if (member?.status !== MemberStatus.ACTIVE)
        throw new InvalidStateError(`A ${member?.status ?? 'missing'} member cannot redeem benefits`);
      const now = new Date();
      const refusal = this.refusal(entitlement, now);
      if (refusal) throw refusal;
      const sql = dialectOf(manager);
      await executeUpdate(
        manager,
        'UPDATE `benefit_code` SET `expiresAt` = ?, `updatedAt` = ' +
          sql.now() +
          ' WHERE `memberBenefitId` = ? AND `usedAt` IS NULL AND `expiresAt` > ?',
        [sql.dateTime(now), entitlement.id, sql.dateTime(now)],
      );
      const expiresAt = new Date(now.getTime() + BENEFIT_CODE_TTL_MINUTES * 60_000);
      for (let attempt = 0; attempt < 10; attempt++) {
        const code = newBenefitCode();
        const codeHash = this.hash(code);
        // Hashes of used codes stay (unique): a repeat of an old code is drawn again.
        if (await manager.existsBy(BenefitCode, { codeHash })) continue;
        await manager.save(
          manager.create(BenefitCode, {
            codeHash,
            memberBenefitId: entitlement.id,
            memberId,
            expiresAt,
            usedAt: null,
          }),
        );
        return { code, expiresAt };
      }
      throw new ConflictError('Could not draw a unique code; try again');
    });
  }

  /** Marks a code used (once, also under concurrent redemptions) and returns its entitlement. */
  private async consumeCode(manager: EntityManager, code: string, now: Date): Promise<string> {
    const row = await manager.findOneBy(BenefitCode, { codeHash: this.hash(code) });
    if (!row) throw new BadUserInputError({ 'input.code': 'is not a valid code' });
    const sql = dialectOf(manager);
    const consumed = await executeUpdate(
      manager,
      'UPDATE `benefit_code` SET `usedAt` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `id` = ? AND `usedAt` IS NULL AND `expiresAt` > ?',
      [sql.dateTime(now), row.id, sql.dateTime(now)],
    );
    if (!consumed)
      throw new BadUserInputError({
        'input.code': row.usedAt ? 'has already been used' : 'has expired or was already used',
      });
    return row.memberBenefitId;
  }

  /**
   * Why an entitlement cannot be used now: INVALID_STATE once revoked or ended, QUOTA_EXHAUSTED
   * when every use is taken; null when it is usable.
   */
  private refusal(entitlement: MemberBenefit, now: Date): AppError | null {
    if (entitlement.status === MemberBenefitStatus.REVOKED)
      return new InvalidStateError('The entitlement was revoked');
    if (entitlement.status === MemberBenefitStatus.EXPIRED || entitlement.periodEnd <= now) {
      return new InvalidStateError(`The entitlement ended at ${entitlement.periodEnd.toISOString()}`);
    }
    if (entitlement.status === MemberBenefitStatus.EXHAUSTED || entitlement.used >= entitlement.quota) {
      return new QuotaExhaustedError(`All ${entitlement.quota} uses of this entitlement are taken`);
    }
    return null;
  }

  private hash(code: string): string {
    return keyedHash(`benefit-code:${code.trim().toUpperCase()}`, this.config.jwtSecret);
  }
}

/** A random code of BENEFIT_CODE_LENGTH characters from BENEFIT_CODE_ALPHABET. */
export function newBenefitCode(): string {
  let code = '';
  for (let i = 0; i < BENEFIT_CODE_LENGTH; i++)
    code += BENEFIT_CODE_ALPHABET[randomInt(BENEFIT_CODE_ALPHABET.length)];
  return code;
}
