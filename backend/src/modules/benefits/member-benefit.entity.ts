import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Member } from '../members/member.entity';
import { Benefit } from './benefit.entity';
import { MemberBenefitStatus } from './benefit.enums';

@ObjectType({ description: "A member's entitlement to a benefit for one period: quota, used, and when it lapses." })
@Entity('member_benefit')
@Index(['memberId', 'benefitId', 'periodStart'], { unique: true })
@Index(['status', 'periodEnd'])
export class MemberBenefit extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field(() => ID)
  @Index()
  @IdColumn({ references: () => Benefit })
  benefitId: string;

  /** The tier that granted it; losing that tier revokes it unless the new tier grants it too. */
  @IdColumn()
  tierId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quota: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  used: number;

  @Field()
  @DateTimeColumn()
  periodStart: Date;

  @Field()
  @DateTimeColumn()
  periodEnd: Date;

  @Field(() => MemberBenefitStatus)
  @Column({ type: 'varchar', length: 12 })
  status: MemberBenefitStatus;
}
