import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { Dealership } from './dealership.entity';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
const PHONE = /^[0-9+\-() ]{5,30}$/;

@ObjectType()
export class DealershipPage extends PageOf(Dealership) {}

@InputType()
export class DealershipFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Matches code, name, city or brand.' })
  q?: string;

  @Field({ nullable: true })
  city?: string;

  @Field({ nullable: true })
  brand?: string;

  @Field({ nullable: true })
  active?: boolean;
}

export enum DealershipSortField {
  CREATED_AT = 'CREATED_AT',
  CODE = 'CODE',
  NAME = 'NAME',
  CITY = 'CITY',
}
registerEnumType(DealershipSortField, { name: 'DealershipSortField' });

@InputType()
export class DealershipSort {
  @Field(() => DealershipSortField)
  field: DealershipSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CreateDealershipInput {
  @Field({ description: '2–32 letters, digits, `-` or `_`; unique.' })
  @Matches(CODE, { message: 'must be 2–32 letters, digits, - or _' })
  code: string;

  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  brand?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string;
}

@InputType()
export class UpdateDealershipInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'must be 2–32 letters, digits, - or _' })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  brand?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
