import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, IdColumn } from '../../common/entity';
import { Tier } from './tier.entity';

export enum TierChangeReason {
  UPGRADE = 'UPGRADE',
  DOWNGRADE = 'DOWNGRADE',
  MANUAL = 'MANUAL',
}
registerEnumType(TierChangeReason, {
  name: 'TierChangeReason',
  description: 'UPGRADE when a member qualifies, DOWNGRADE at a failed yearly review, MANUAL when set by staff.',
});

@ObjectType({ description: "A change of a member's tier (等级变更记录)." })
@Entity('tier_change')
@Index(['memberId', 'createdAt'])
export class TierChange extends BaseRecord {
  @Field(() => ID)
  @IdColumn()
  memberId: string;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true, references: () => Tier })
  fromTierId: string | null;

  @Field(() => ID)
  @IdColumn({ references: () => Tier })
  toTierId: string;

  @Field(() => TierChangeReason)
  @Column({ type: 'varchar', length: 16 })
  reason: TierChangeReason;

  @Field(() => String, { nullable: true, description: 'Why: the rule that applied, or the reason staff gave.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff user who set the tier by hand.' })
  @IdColumn({ nullable: true })
  operatorId: string | null;
}
