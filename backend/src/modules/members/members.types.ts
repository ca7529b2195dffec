import { Field, ID, InputType, Int, ObjectType, OmitType, PartialType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { IsMainlandIdCard, IsMainlandMobile, normalizeIdCard } from '../../common/validation';
import { VehicleDetailsInput } from '../vehicles/vehicles.types';
import { Member } from './member.entity';
import { Gender, MemberSegment, MemberStatus, RegistrationChannel } from './member.enums';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const asIdCard = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeIdCard(value) : value);
const REFERRAL_CODE = /^[A-Z0-9]{4,12}$/;

@ObjectType()
export class MemberPage extends PageOf(Member) {}

@InputType()
export class MemberFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Part of the name, phone, member number or a plate; store staff find other stores’ members only by the exact phone, member number or plate.' })
  q?: string;

  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  @Field(() => ID, { nullable: true })
  tierId?: string;

  @Field(() => ID, { nullable: true })
  homeDealershipId?: string;

  @Field(() => MemberSegment, { nullable: true })
  segment?: MemberSegment;

  @Field(() => Int, { nullable: true, description: 'Birthday month, 1–12.' })
  @IsOptional()
  @Min(1)
  @Max(12)
  birthdayMonth?: number;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum MemberSortField {
  CREATED_AT = 'CREATED_AT',
  MEMBER_NO = 'MEMBER_NO',
  NAME = 'NAME',
  POINTS_BALANCE = 'POINTS_BALANCE',
  TOTAL_SPEND = 'TOTAL_SPEND',
  LAST_TRANSACTION_AT = 'LAST_TRANSACTION_AT',
}
registerEnumType(MemberSortField, { name: 'MemberSortField' });

@InputType()
export class MemberSort {
  @Field(() => MemberSortField)
  field: MemberSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

/** Profile fields shared by both ways of registering. */
@InputType({ isAbstract: true })
abstract class MemberProfileInput {
  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 50)
  name: string;

  @Field({ description: 'Mainland mobile, 11 digits (1[3-9]xxxxxxxxx); unique among members.' })
  @Transform(trimmed)
  @IsMainlandMobile()
  phone: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Gender))
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  birthday?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @Length(3, 100)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  city?: string;

  @Field(() => ID, { nullable: true, description: 'Home store; store staff always register at their own.' })
  @IsOptional()
  @IsString()
  homeDealershipId?: string;

  @Field({ nullable: true, description: "The referrer's referral code (推荐码)." })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(REFERRAL_CODE, { message: 'must be a referral code (4–12 letters or digits)' })
  referralCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean;
}

@InputType()
export class CreateMemberInput extends MemberProfileInput {
  @Field({ nullable: true, description: 'ID-card number (身份证号), 18 characters with a valid checksum; stored encrypted.' })
  @IsOptional()
  @Transform(asIdCard)
  @IsMainlandIdCard()
  idNumber?: string;

  @Field(() => VehicleDetailsInput, { nullable: true, description: 'The first vehicle, added in the same transaction.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VehicleDetailsInput)
  vehicle?: VehicleDetailsInput;
}

@InputType()
export class RegisterMemberInput extends MemberProfileInput {
  @Field(() => RegistrationChannel)
  @IsIn(Object.values(RegistrationChannel).filter((c) => c !== RegistrationChannel.STORE), {
    message: 'must be an online channel (APP, WECHAT, WEBSITE, PARTNER); stores use createMember',
  })
  channel: RegistrationChannel;
}

@InputType()
export class ActivateMemberInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field({ description: 'The 6-digit code sent by SMS.' })
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code: string;
}

/** Every field optional; the same rules as registering. */
@InputType()
export class UpdateMemberInput extends PartialType(OmitType(CreateMemberInput, ['referralCode', 'vehicle'] as const)) {}

@InputType()
export class SetMemberStatusInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => MemberStatus, { description: 'ACTIVE (unfreeze), FROZEN or CANCELLED.' })
  @IsIn([MemberStatus.ACTIVE, MemberStatus.FROZEN, MemberStatus.CANCELLED], {
    message: 'must be ACTIVE, FROZEN or CANCELLED (use eraseMember to erase)',
  })
  status: MemberStatus;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}

@InputType()
export class EraseMemberInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field({ description: 'Why (e.g. the member’s PIPL deletion request and its reference).' })
  @Transform(trimmed)
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}

@InputType()
export class RequestMemberLoginCodeInput {
  @Field()
  @Transform(trimmed)
  @IsMainlandMobile()
  phone: string;
}

@InputType()
export class MemberLoginInput {
  @Field()
  @Transform(trimmed)
  @IsMainlandMobile()
  phone: string;

  @Field()
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code: string;
}

@ObjectType()
export class MemberAuthPayload {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Member)
  member: Member;
}
