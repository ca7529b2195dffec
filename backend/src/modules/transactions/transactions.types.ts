import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { MoneyScalar } from '../../common/scalars';
import { IsMainlandPlate, normalizePlate } from '../../common/validation';
import { SalesTransaction } from './sales-transaction.entity';
import { TransactionStatus, TransactionType } from './transaction.enums';

@ObjectType()
export class TransactionPage extends PageOf(SalesTransaction) {}

@InputType()
export class TransactionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  dealershipId?: string;

  @Field(() => ID, { nullable: true })
  vehicleId?: string;

  @Field(() => TransactionType, { nullable: true })
  type?: TransactionType;

  @Field(() => TransactionStatus, { nullable: true })
  status?: TransactionStatus;

  @Field({ nullable: true })
  externalRef?: string;

  @Field({ nullable: true })
  occurredFrom?: Date;

  @Field({ nullable: true })
  occurredTo?: Date;
}

export enum TransactionSortField {
  OCCURRED_AT = 'OCCURRED_AT',
  AMOUNT = 'AMOUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TransactionSortField, { name: 'TransactionSortField' });

@InputType()
export class TransactionSort {
  @Field(() => TransactionSortField)
  field: TransactionSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class RecordTransactionInput {
  @Field({ description: 'The DMS/POS document number, unique per dealership: the idempotency key of the push.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9:_\-./]{0,63}$/, { message: 'must be 1–64 letters, digits or :_-./' })
  externalRef: string;

  @Field(() => ID)
  @IsString()
  dealershipId: string;

  @Field(() => ID, { nullable: true, description: 'Omit for a walk-in customer (散客).' })
  @IsOptional()
  @IsString()
  memberId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  vehicleId?: string;

  @Field({ nullable: true, description: 'Plate of the car served; taken from the vehicle when omitted.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizePlate(value) : value))
  @IsMainlandPlate()
  plateNumber?: string;

  @Field(() => TransactionType)
  @IsIn(Object.values(TransactionType))
  type: TransactionType;

  @Field(() => MoneyScalar, { description: 'Amount paid, fen.' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amount: number;

  @Field({ description: 'When it happened; may be in the past (backdated), not in the future.' })
  @IsDate()
  occurredAt: Date;

  @Field(() => Int, { nullable: true, description: 'Odometer reading, km.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileage?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}

@InputType()
export class ReverseTransactionInput {
  @Field(() => ID)
  @IsString()
  transactionId: string;

  @Field()
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}
