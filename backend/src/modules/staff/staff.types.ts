import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { StaffRole } from '../../common/auth';
import { PageOf, SortOrder } from '../../common/list';
import { IsStrongPassword } from '../../common/validation';
import { StaffUser } from './staff-user.entity';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

@ObjectType()
export class StaffUserPage extends PageOf(StaffUser) {}

@InputType()
export class StaffUserFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Matches username or name.' })
  q?: string;

  @Field(() => StaffRole, { nullable: true })
  role?: StaffRole;

  @Field(() => ID, { nullable: true })
  dealershipId?: string;

  @Field({ nullable: true })
  active?: boolean;
}

export enum StaffUserSortField {
  CREATED_AT = 'CREATED_AT',
  USERNAME = 'USERNAME',
  NAME = 'NAME',
  ROLE = 'ROLE',
}
registerEnumType(StaffUserSortField, { name: 'StaffUserSortField' });

@InputType()
export class StaffUserSort {
  @Field(() => StaffUserSortField)
  field: StaffUserSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CreateStaffUserInput {
  @Field({ description: '3–64 letters, digits, `.`, `-` or `_`; unique.' })
  @Matches(USERNAME, { message: 'must be 3–64 letters, digits, ., - or _' })
  username: string;

  @Field({ description: 'At least 8 characters with letters and digits.' })
  @IsStrongPassword()
  password: string;

  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role: StaffRole;

  @Field(() => ID, { nullable: true, description: 'Binds the user to one dealership; omit for group-wide staff.' })
  @IsOptional()
  @IsString()
  dealershipId?: string;
}

@InputType()
export class UpdateStaffUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsStrongPassword()
  password?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @Field(() => StaffRole, { nullable: true })
  @IsOptional()
  @IsEnum(StaffRole)
  role?: StaffRole;

  @Field(() => ID, { nullable: true, description: 'A dealership id; null makes the user group-wide.' })
  @IsOptional()
  @IsString()
  dealershipId?: string | null;

  @Field({ nullable: true, description: 'False deactivates the user at once (their tokens stop working).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @Length(1, 64)
  username: string;

  @Field()
  @IsString()
  @Length(1, 200)
  password: string;
}

@ObjectType({ description: 'A staff login: the bearer token to send as `Authorization: Bearer <token>`.' })
export class AuthPayload {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUser)
  staff: StaffUser;
}
