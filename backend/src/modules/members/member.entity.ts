import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, CalendarDateColumn, DateTimeColumn, IdColumn, MoneyColumn } from '../../common/entity';
import { DateScalar, MoneyScalar } from '../../common/scalars';
import { Dealership } from '../dealerships/dealership.entity';
import { Tier } from '../tiers/tier.entity';
import { Gender, MemberSegment, MemberStatus, RegistrationChannel } from './member.enums';

@ObjectType({ description: 'A member (会员) of the programme: a customer of any store of the group.' })
@Entity('member')
@Index(['homeDealershipId', 'createdAt'])
export class Member extends BaseRecord {
  @Field({ description: 'Member number (会员号) printed on the membership card, e.g. M2611000123.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  memberNo: string;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field({ description: 'Mainland mobile number; masked (138****5678) for roles that do not need it.' })
  @Index()
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** The phone while the member holds it (not ERASED or LAPSED), else null: uniqueness by index. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phoneKey: string | null;

  @Field(() => Gender, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: Gender | null;

  @Field(() => DateScalar, { nullable: true })
  // REMINDERS finds today's birthdays as one date per birth year in this index.
  @Index()
  @CalendarDateColumn()
  birthday: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  city: string | null;

  /** AES-256-GCM ciphertext of the ID-card number; never leaves the server. */
  @Column({ type: 'text', nullable: true })
  idNumberEncrypted: string | null;

  @Field(() => String, { nullable: true, description: 'ID-card number (身份证号), masked: 110101********1234.' })
  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumberMasked: string | null;

  @Field(() => MemberStatus)
  @Index()
  @Column({ type: 'varchar', length: 24 })
  status: MemberStatus;

  @Field(() => String, { nullable: true, description: 'Why the status was last set by staff.' })
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => RegistrationChannel)
  @Column({ type: 'varchar', length: 16 })
  channel: RegistrationChannel;

  @Field(() => ID, { nullable: true, description: 'The store the member belongs to (归属门店).' })
  @IdColumn({ nullable: true, references: () => Dealership })
  homeDealershipId: string | null;

  @Field(() => ID)
  @Index()
  @IdColumn({ references: () => Tier })
  tierId: string;

  @Field(() => Date, { nullable: true, description: 'When the current tier was reached (or set).' })
  @DateTimeColumn({ nullable: true })
  tierAchievedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Yearly review of the tier, 12 months after reaching it; null for the entry tier.' })
  @Index()
  @DateTimeColumn({ nullable: true })
  tierReviewAt: Date | null;

  @Field(() => Int, { description: 'Points available now (可用积分).' })
  @Column({ type: 'int', default: 0 })
  pointsBalance: number;

  @Field(() => Int, { description: 'Reversed points that could not be clawed back; netted against future earnings.' })
  @Column({ type: 'int', default: 0 })
  pointsDebt: number;

  @Field(() => Int, { description: 'All points ever credited.' })
  @Column({ type: 'int', default: 0 })
  lifetimePoints: number;

  @Field(() => Int, { description: 'Points earned on transactions in the rolling 12 months, less reversals (定级积分).' })
  @Column({ type: 'int', default: 0 })
  qualifyingPoints: number;

  @Field(() => MoneyScalar, { description: 'All posted spend, fen (累计消费).' })
  @MoneyColumn()
  totalSpend: number;

  @Field({ description: 'Code a friend enters to be referred by this member (推荐码).' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 12 })
  referralCode: string;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  referredById: string | null;

  @Field({ description: 'Consent to marketing messages (营销授权).' })
  @Column({ type: 'boolean', default: false })
  marketingConsent: boolean;

  @Field(() => MemberSegment, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  segment: MemberSegment | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  activatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  lastTransactionAt: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  erasedAt: Date | null;
}
