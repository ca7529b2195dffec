import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, IdColumn } from '../../common/entity';
import { Dealership } from '../dealerships/dealership.entity';
import { MemberBenefit } from './member-benefit.entity';

@ObjectType({ description: 'One use of a benefit (核销), at a store, by an operator.' })
@Entity('benefit_redemption')
@Index(['memberId', 'createdAt'])
@Index(['dealershipId', 'createdAt'])
export class BenefitRedemption extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => MemberBenefit })
  memberBenefitId: string;

  @Field(() => ID)
  @IdColumn()
  memberId: string;

  /** Kept for filtering redemptions by benefit without a join. */
  @Index()
  @IdColumn()
  benefitId: string;

  @Field(() => ID)
  @IdColumn({ references: () => Dealership })
  dealershipId: string;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  operatorId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 64 })
  payloadHash: string;
}
