import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { Vehicle } from '../vehicles/vehicle.entity';
import { TransactionStatus, TransactionType } from './transaction.enums';

@ObjectType('Transaction', { description: 'A sale or service (消费记录) pushed by the DMS/POS or entered by store staff.' })
@Entity('sales_transaction')
@Index(['dealershipId', 'externalRef'], { unique: true })
// A member's transactions by time, covering what the nightly tier and segment figures read, so
// those jobs never visit the rows themselves.
@Index(['memberId', 'occurredAt', 'status', 'type', 'amount', 'qualifyingPoints'])
@Index(['dealershipId', 'occurredAt'])
export class SalesTransaction extends BaseRecord {
  @Field({ description: 'The DMS/POS document number; unique per dealership, the idempotency key of the push.' })
  @Column({ type: 'varchar', length: 64 })
  externalRef: string;

  @Field(() => ID)
  @IdColumn({ references: () => Dealership })
  dealershipId: string;

  @Field(() => ID, { nullable: true, description: 'Null for a walk-in customer (散客).' })
  @IdColumn({ nullable: true, references: () => Member })
  memberId: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true, references: () => Vehicle })
  vehicleId: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  plateNumber: string | null;

  @Field(() => TransactionType)
  @Column({ type: 'varchar', length: 20 })
  type: TransactionType;

  @Field(() => MoneyScalar, { description: 'Amount paid, fen.' })
  @MoneyColumn()
  amount: number;

  @Field({ description: 'When the sale or service happened (may be earlier than it was recorded).' })
  @DateTimeColumn()
  occurredAt: Date;

  @Field(() => Int, { nullable: true, description: 'Odometer reading at the visit, km.' })
  @Column({ type: 'int', nullable: true })
  mileage: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Field(() => Int, { description: 'Points the transaction earned (0 for walk-ins and members who cannot earn).' })
  @Column({ type: 'int', default: 0 })
  pointsEarned: number;

  @Field(() => Int, { description: 'The part of the points that counts towards tiers: activity bonuses do not.' })
  @Column({ type: 'int', default: 0 })
  qualifyingPoints: number;

  @Field(() => TransactionStatus)
  @Column({ type: 'varchar', length: 12 })
  status: TransactionStatus;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  reversedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reversalReason: string | null;

  /** SHA-256 of the pushed payload: a replay must carry the same one. */
  @Column({ type: 'varchar', length: 64 })
  payloadHash: string;

  @Field(() => ID, { nullable: true, description: 'Staff user or API client that recorded it.' })
  @IdColumn({ nullable: true })
  recordedById: string | null;
}
