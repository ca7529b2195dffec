import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { MoneyScalar } from '../../common/scalars';
import { CardEntry } from './card-entry.entity';
import { Card } from './card.entity';
import { CardEntryType, CardStatus, CardType, PaymentMethod } from './card.enums';

const KEY = /^[A-Za-z0-9:_\-.]{8,100}$/;
const KEY_MESSAGE = 'must be 8–100 letters, digits or :_-.';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** ¥10,000,000 in fen: no single card movement is larger. */
const MAX_AMOUNT = 10_000_000_00;

@ObjectType()
export class CardPage extends PageOf(Card) {}

@ObjectType()
export class CardEntryPage extends PageOf(CardEntry) {}

@InputType()
export class CardFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Part of the card number or service name; store staff see other stores’ cards by the full number.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true, description: 'Issuing dealership.' })
  dealershipId?: string;

  @Field(() => CardType, { nullable: true })
  type?: CardType;

  @Field(() => CardStatus, { nullable: true })
  status?: CardStatus;

  @Field({ nullable: true, description: 'The full card number.' })
  cardNo?: string;
}

export enum CardSortField {
  CREATED_AT = 'CREATED_AT',
  CARD_NO = 'CARD_NO',
  BALANCE = 'BALANCE',
}
registerEnumType(CardSortField, { name: 'CardSortField' });

@InputType()
export class CardSort {
  @Field(() => CardSortField)
  field: CardSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CardEntryFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  cardId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true, description: 'Where the entry happened.' })
  dealershipId?: string;

  @Field(() => CardEntryType, { nullable: true })
  type?: CardEntryType;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum CardEntrySortField {
  CREATED_AT = 'CREATED_AT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(CardEntrySortField, { name: 'CardEntrySortField' });

@InputType()
export class CardEntrySort {
  @Field(() => CardEntrySortField)
  field: CardEntrySortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CreateCardInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => CardType)
  @IsIn(Object.values(CardType))
  type: CardType;

  @Field(() => ID, { description: 'The issuing dealership; store staff issue at their own.' })
  @IsString()
  dealershipId: string;

  @Field({ nullable: true, description: 'COUNT cards: the service, e.g. 精致洗车.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  serviceName?: string;

  @Field(() => Int, { nullable: true, description: 'COUNT cards: the uses bought.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  uses?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field({ nullable: true, description: 'A retry with the same key returns the card issued first.' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey?: string;
}

@InputType()
export class RechargeCardInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Stored-value cards: principal paid in, fen.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount?: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Stored-value cards: bonus granted with it (充1000送100), fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  bonusAmount?: number;

  @Field(() => Int, { nullable: true, description: 'COUNT cards: uses added.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  uses?: number;

  @Field(() => ID)
  @IsString()
  dealershipId: string;

  @Field(() => PaymentMethod, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PaymentMethod))
  paymentMethod?: PaymentMethod;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;

  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}

@InputType()
export class ConsumeCardInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Stored-value cards: amount spent, fen.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount?: number;

  @Field(() => Int, { nullable: true, description: 'COUNT cards: uses spent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  uses?: number;

  @Field(() => ID, { description: 'Where it is spent; store staff at their own.' })
  @IsString()
  dealershipId: string;

  @Field(() => ID, { nullable: true, description: 'The sale or service paid with the card.' })
  @IsOptional()
  @IsString()
  transactionId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;

  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}

@InputType()
export class RefundCardInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;

  @Field(() => ID)
  @IsString()
  dealershipId: string;

  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}

@InputType()
export class ReportCardLostInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}

@InputType()
export class ReplaceCardInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}

@InputType()
export class SetCardFrozenInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field()
  @IsBoolean()
  frozen: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}

@InputType()
export class ExtendCardInput {
  @Field(() => ID)
  @IsString()
  cardId: string;

  @Field({ nullable: true, description: 'The new expiry; null: no expiry.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}
