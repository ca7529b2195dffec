import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Member } from '../members/member.entity';

export enum ReferralStatus {
  REGISTERED = 'REGISTERED',
  QUALIFIED = 'QUALIFIED',
  REWARDED = 'REWARDED',
  CAPPED = 'CAPPED',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'REGISTERED with a code; QUALIFIED by the first vehicle purchase; REWARDED; CAPPED past the yearly limit.',
});

@ObjectType({ description: 'A referral (推荐有礼): a member who joined with another member’s code.' })
@Entity('referral')
@Index(['referrerId', 'rewardedAt'])
export class Referral extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => Member })
  referrerId: string;

  @Field(() => ID)
  @Index({ unique: true })
  @IdColumn({ references: () => Member })
  refereeId: string;

  @Field(() => ReferralStatus)
  @Column({ type: 'varchar', length: 12 })
  status: ReferralStatus;

  @Field(() => Int, { nullable: true, description: 'Points credited to the referrer; set when REWARDED.' })
  @Column({ type: 'int', nullable: true })
  rewardPoints: number | null;

  /** The purchase that qualified it. */
  @Field(() => ID, {
    nullable: true,
    description: 'The referee’s vehicle purchase (transaction) that qualified it.',
  })
  @IdColumn({ nullable: true })
  transactionId: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the referee’s first vehicle purchase qualified it (recording time, UTC).',
  })
  @DateTimeColumn({ nullable: true })
  qualifiedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the referrer was credited (UTC); the yearly cap counts by its year in the programme time zone.',
  })
  @DateTimeColumn({ nullable: true })
  rewardedAt: Date | null;
}
