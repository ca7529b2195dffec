import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { CardStatus, CardType } from './card.enums';

@ObjectType({ description: 'A membership card (会员卡), stored-value card (储值卡) or count card (次卡/套餐卡).' })
@Entity('card')
@Index(['dealershipId', 'createdAt'])
export class Card extends BaseRecord {
  @Field({ description: 'Card number: 16 digits, the last a Luhn check digit.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  cardNo: string;

  @Field(() => CardType)
  @Column({ type: 'varchar', length: 16 })
  type: CardType;

  @Field(() => CardStatus)
  @Index()
  @Column({ type: 'varchar', length: 12 })
  status: CardStatus;

  @Field(() => ID)
  @Index()
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field(() => ID, { description: 'The issuing dealership: its books carry the stored value.' })
  @IdColumn({ references: () => Dealership })
  dealershipId: string;

  @Field(() => MoneyScalar, { description: 'Value left, fen: principal plus bonus.' })
  @MoneyColumn()
  balance: number;

  @Field(() => MoneyScalar, { description: 'Paid-in value left (本金), fen.' })
  @MoneyColumn()
  principalBalance: number;

  @Field(() => MoneyScalar, { description: 'Bonus value left (赠送金额), fen.' })
  @MoneyColumn()
  bonusBalance: number;

  @Field(() => Int, { nullable: true, description: 'COUNT cards: uses left.' })
  @Column({ type: 'int', nullable: true })
  remainingUses: number | null;

  @Field(() => String, { nullable: true, description: 'COUNT cards: the service, e.g. 精致洗车.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  serviceName: string | null;

  @Field(() => Date, { nullable: true })
  @Index()
  @DateTimeColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The card that replaced this one.' })
  @IdColumn({ nullable: true })
  replacedById: string | null;

  @Field(() => ID, { nullable: true, description: 'The card this one replaced.' })
  @IdColumn({ nullable: true })
  replacesId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  payloadHash: string | null;
}
