import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, JsonColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';
import { BenefitPeriod, BenefitType } from './benefit.enums';

@ObjectType({ description: 'A benefit (权益) marketing grants to tiers, e.g. 3 free maintenance services a year.' })
@Entity('benefit')
export class Benefit extends BaseRecord {
  @Field({ description: 'Stable code, e.g. FREE_MAINTENANCE.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => BenefitType)
  @Column({ type: 'varchar', length: 20 })
  type: BenefitType;

  @Field(() => BenefitPeriod)
  @Column({ type: 'varchar', length: 8 })
  period: BenefitPeriod;

  @Field(() => Int, { description: 'Uses per period (default; a tier may be granted more by a per-tier quota).' })
  @Column({ type: 'int' })
  quota: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value of one use, fen (for cost reporting).' })
  @MoneyColumn({ nullable: true, default: null })
  value: number | null;

  @Field(() => [ID], { description: 'Tiers granted this benefit.' })
  @JsonColumn()
  tierIds: string[];

  /** Quota by tier id where it differs from `quota` (e.g. free maintenance 1/2/3/4 a year). */
  @JsonColumn({ nullable: true })
  quotaByTier: Record<string, number> | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
