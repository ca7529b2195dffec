import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, IdColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';
import { Card } from './card.entity';
import { CardEntryType, CardType, PaymentMethod } from './card.enums';

@ObjectType({ description: 'One line of the append-only card ledger: signed amounts, principal and bonus parts, balances after.' })
@Entity('card_entry')
@Index(['cardId', 'createdAt'])
@Index(['cardType', 'createdAt'])
@Index(['dealershipId', 'createdAt'])
export class CardEntry extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => Card })
  cardId: string;

  /** The card's member, kept on the entry so ledgers filter by member without a join. */
  @Index()
  @IdColumn()
  memberId: string;

  /** The card's type and issuing dealership, kept on the entry for the finance reports. */
  @Column({ type: 'varchar', length: 16 })
  cardType: CardType;

  @IdColumn()
  issuingDealershipId: string;

  @Field(() => CardEntryType)
  @Column({ type: 'varchar', length: 16 })
  type: CardEntryType;

  @Field(() => MoneyScalar, { description: 'Signed change of the balance, fen.' })
  @MoneyColumn()
  amount: number;

  @Field(() => MoneyScalar, { description: 'Signed change of the principal, fen.' })
  @MoneyColumn()
  principalAmount: number;

  @Field(() => MoneyScalar, { description: 'Signed change of the bonus, fen.' })
  @MoneyColumn()
  bonusAmount: number;

  @Field(() => Int, { nullable: true, description: 'COUNT cards: signed change of the uses.' })
  @Column({ type: 'int', nullable: true })
  uses: number | null;

  @Field(() => MoneyScalar)
  @MoneyColumn()
  balanceAfter: number;

  @Field(() => MoneyScalar)
  @MoneyColumn()
  principalBalanceAfter: number;

  @Field(() => MoneyScalar)
  @MoneyColumn()
  bonusBalanceAfter: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  remainingUsesAfter: number | null;

  @Field(() => ID, { nullable: true, description: 'Where it happened: the recharging, spending or refunding store.' })
  @IdColumn({ nullable: true })
  dealershipId: string | null;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  operatorId: string | null;

  @Field(() => PaymentMethod, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  paymentMethod: PaymentMethod | null;

  @Field(() => ID, { nullable: true, description: 'The sale or service paid with the card.' })
  @IdColumn({ nullable: true })
  transactionId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  payloadHash: string | null;
}
