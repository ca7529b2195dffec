import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { TransactionService } from '../../common/database';
import { BadUserInputError, ConflictError, NotFoundError, uniqueOrConflict } from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { Tier } from '../tiers/tier.entity';
import { grantsTier, tierIdsPattern } from './benefit-rules';
import { Benefit } from './benefit.entity';
import {
  BenefitFilter,
  BenefitSort,
  BenefitTierQuota,
  BenefitTierQuotaInput,
  CreateBenefitInput,
  UpdateBenefitInput,
} from './benefits.types';

const NULLABLE = ['description', 'value'];

/**
 * Benefit definitions (权益) marketing configures per tier. A change applies to grants and
 * renewals from then on; entitlements already granted keep their quota and period.
 */
@Injectable()
export class BenefitsService {
  constructor(
    @InjectRepository(Benefit) private readonly benefits: Repository<Benefit>,
    private readonly tx: TransactionService,
  ) {}

  list(args: ListArgs<BenefitFilter, BenefitSort>): Promise<Page<Benefit>> {
    return listQuery(this.benefits, args, {
      search: ['code', 'name'],
      filters: {
        // tierIds is a JSON array kept as text: match the quoted id inside it (portable LIKE).
        tierId: (qb, alias, tierId: string) =>
          qb.andWhere(`${alias}.tierIds LIKE :tierIdPattern ESCAPE '!'`, {
            tierIdPattern: tierIdsPattern(tierId),
          }),
      },
      defaultSort: { field: 'CODE', order: 'ASC' },
    });
  }

  findOne(id: string): Promise<Benefit | null> {
    return this.benefits.findOneBy({ id });
  }

  create(input: CreateBenefitInput): Promise<Benefit> {
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          await this.assertCodeFree(manager, input.code);
          await this.assertTiers(manager, input.tierIds);
          const { quotaByTier, ...fields } = input;
          return manager.save(
            manager.create(Benefit, {
              ...fields,
              description: input.description ?? null,
              value: input.value ?? null,
              quotaByTier: this.quotaMap(quotaByTier ?? [], input.tierIds, 'input.quotaByTier'),
              active: input.active ?? true,
            }),
          );
        }),
      'Benefit code is already taken',
      'input.code',
    );
  }

  update(id: string, input: UpdateBenefitInput): Promise<Benefit> {
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          const benefit = await manager.findOneBy(Benefit, { id });
          if (!benefit) throw new NotFoundError('Benefit', id);
          if (input.code != null && input.code !== benefit.code)
            await this.assertCodeFree(manager, input.code);
          if (input.tierIds) await this.assertTiers(manager, input.tierIds);
          const { quotaByTier, ...fields } = input;
          // An explicit null clears only what may be empty (description, value).
          const changes = Object.fromEntries(
            Object.entries(fields).filter(
              ([key, v]) => v !== undefined && (v !== null || NULLABLE.includes(key)),
            ),
          );
          Object.assign(benefit, changes);
          if (quotaByTier) {
            benefit.quotaByTier = this.quotaMap(quotaByTier, benefit.tierIds, 'input.quotaByTier');
          } else if (benefit.quotaByTier) {
            // Quotas of tiers the benefit no longer names mean nothing: drop them.
            const kept = Object.entries(benefit.quotaByTier).filter(([tierId]) =>
              grantsTier(benefit, tierId),
            );
            benefit.quotaByTier = kept.length ? Object.fromEntries(kept) : null;
          }
          return manager.save(benefit);
        }),
      'Benefit code is already taken',
      'input.code',
    );
  }

  /** A benefit's per-tier quotas as a list, in the order of its tiers. */
  tierQuotas(benefit: Benefit): BenefitTierQuota[] {
    const quotas = benefit.quotaByTier ?? {};
    return (benefit.tierIds ?? [])
      .filter((tierId) => quotas[tierId] !== undefined)
      .map((tierId) => ({ tierId, quota: quotas[tierId] }));
  }

  /** The active benefits of many tiers, by code, in key order: for batching `Tier.benefits`. */
  async activeForTiers(tierIds: readonly string[]): Promise<Benefit[][]> {
    const qb = this.benefits.createQueryBuilder('b').where('b.active = :active', { active: true });
    qb.andWhere(
      new Brackets((or) =>
        tierIds.forEach((tierId, i) =>
          or.orWhere(`b.tierIds LIKE :tier${i} ESCAPE '!'`, { [`tier${i}`]: tierIdsPattern(tierId) }),
        ),
      ),
    );
    const rows = await qb.orderBy('b.code', 'ASC').getMany();
    return tierIds.map((tierId) => rows.filter((b) => grantsTier(b, tierId)));
  }

  private async assertCodeFree(manager: EntityManager, code: string) {
    if (await manager.existsBy(Benefit, { code }))
      throw new ConflictError(`Benefit code ${code} is already taken`, 'input.code');
  }

  private async assertTiers(manager: EntityManager, tierIds: string[]) {
    if (!tierIds.length) return;
    const found = new Set((await manager.findBy(Tier, { id: In(tierIds) })).map((t) => t.id));
    const missing = tierIds.filter((id) => !found.has(id));
    if (missing.length)
      throw new BadUserInputError({
        'input.tierIds': `names tiers that do not exist: ${missing.join(', ')}`,
      });
  }

  private quotaMap(
    entries: BenefitTierQuotaInput[],
    tierIds: string[],
    field: string,
  ): Record<string, number> | null {
    const map: Record<string, number> = {};
    for (const [i, entry] of entries.entries()) {
      if (!tierIds.includes(entry.tierId))
        throw new BadUserInputError({ [`${field}[${i}].tierId`]: 'is not one of the benefit’s tierIds' });
      if (map[entry.tierId] !== undefined)
        throw new BadUserInputError({ [`${field}[${i}].tierId`]: 'appears twice' });
      map[entry.tierId] = entry.quota;
    }
    return Object.keys(map).length ? map : null;
  }
}
