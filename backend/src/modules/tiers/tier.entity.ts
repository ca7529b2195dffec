import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';

@ObjectType({ description: 'A membership tier (会员等级), e.g. 普通会员, 银卡, 金卡, 白金.' })
@Entity('tier')
export class Tier extends BaseRecord {
  @Field({ description: 'Stable code, e.g. GOLD.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field({ description: 'Display name, e.g. 金卡.' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => Int, { description: 'Order of the tiers: higher is better; the lowest rank is the entry tier.' })
  @Index({ unique: true })
  @Column({ type: 'int' })
  rank: number;

  @Field(() => Int, { description: 'Qualifying points in the rolling 12 months that reach this tier.' })
  @Column({ type: 'int', default: 0 })
  qualifyingPoints: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Or this spend in the rolling 12 months (fen); null: no spend path.' })
  @MoneyColumn({ nullable: true, default: null })
  minSpend: number | null;

  @Field(() => Float, { description: 'Points multiplier (积分倍率), e.g. 1.5.' })
  @DecimalColumn({ default: 1 })
  pointsMultiplier: number;

  @Field(() => Float, { description: 'Price factor on labour and parts, e.g. 0.85 (8.5折).' })
  @DecimalColumn({ default: 1 })
  discountRate: number;

  @Field(() => Int, { description: 'Free maintenance services a year.' })
  @Column({ type: 'int', default: 0 })
  freeMaintenancePerYear: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'A single repair order of at least this amount (fen) also reaches the tier (e.g. ¥5,000 for Silver).',
  })
  @MoneyColumn({ nullable: true, default: null })
  upgradeRepairAmount: number | null;

  @Field(() => Int, { nullable: true, description: 'This many service visits in the rolling 12 months also reach the tier.' })
  @Column({ type: 'int', nullable: true })
  upgradeServiceVisits: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}
