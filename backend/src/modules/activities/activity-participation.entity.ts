import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Member } from '../members/member.entity';
import { Activity } from './activity.entity';

export enum ParticipationStatus {
  REGISTERED = 'REGISTERED',
  CHECKED_IN = 'CHECKED_IN',
  REWARDED = 'REWARDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ParticipationStatus, { name: 'ParticipationStatus', description: 'Sign-up (报名), check-in (签到), rewarded, or cancelled.' });

@ObjectType({ description: "A member's sign-up for an EVENT activity." })
@Entity('activity_participation')
@Index(['activityId', 'memberId'], { unique: true })
export class ActivityParticipation extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => Activity })
  activityId: string;

  @Field(() => ID)
  @Index()
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field(() => ParticipationStatus)
  @Column({ type: 'varchar', length: 12 })
  status: ParticipationStatus;

  @Field()
  @DateTimeColumn()
  registeredAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  checkedInAt: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  rewardedPoints: number | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  rewardedAt: Date | null;
}
