import { Field, ID, InputType, Int, ObjectType, OmitType, PartialType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { DateScalar, MoneyScalar } from '../../common/scalars';
import { IsMainlandPlate, IsVin, normalizePlate, normalizeVin } from '../../common/validation';
import { Member } from '../members/member.entity';
import { Vehicle } from './vehicle.entity';

const asVin = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeVin(value) : value);
const asPlate = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePlate(value) : value);

@ObjectType()
export class VehiclePage extends PageOf(Vehicle) {}

@InputType()
export class VehicleFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Part of the plate, VIN, brand or model.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  dealershipId?: string;

  @Field({ nullable: true, description: 'The full plate number.' })
  plate?: string;

  @Field({ nullable: true, description: 'The full VIN.' })
  vin?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Maintenance due on or before this date.' })
  serviceDueBefore?: string;
}

export enum VehicleSortField {
  CREATED_AT = 'CREATED_AT',
  PLATE_NUMBER = 'PLATE_NUMBER',
  NEXT_SERVICE_DUE_DATE = 'NEXT_SERVICE_DUE_DATE',
}
registerEnumType(VehicleSortField, { name: 'VehicleSortField' });

@InputType()
export class VehicleSort {
  @Field(() => VehicleSortField)
  field: VehicleSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

/** Fields shared by a member's first vehicle at registration and by createVehicle. */
@InputType()
export class VehicleDetailsInput {
  @Field({ description: '17 characters without I, O, Q; unique.' })
  @Transform(asVin)
  @IsVin()
  vin: string;

  @Field({ nullable: true, description: 'Mainland plate, e.g. 沪A12345 or 沪AD12345 (new energy).' })
  @IsOptional()
  @Transform(asPlate)
  @IsMainlandPlate()
  plateNumber?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  brand?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  model?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  series?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  color?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  purchaseDate?: string;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  purchasePrice?: number;

  @Field(() => Int, { nullable: true, description: 'Odometer, km.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileage?: number;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  inspectionDueDate?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  insuranceExpiryDate?: string;
}

@InputType()
export class CreateVehicleInput extends VehicleDetailsInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => ID, { nullable: true, description: 'Selling or servicing dealership; default the staff user’s own.' })
  @IsOptional()
  @IsString()
  dealershipId?: string;
}

/** Every field optional; the VIN and the owner do not change. */
@InputType()
export class UpdateVehicleInput extends PartialType(OmitType(CreateVehicleInput, ['vin', 'memberId'] as const)) {}

@ObjectType({ description: 'A plate found by plateLookup: a member’s vehicle or a walk-in (散客) seen in transactions.' })
export class PlateLookupResult {
  @Field()
  plateNumber: string;

  @Field(() => ID, { nullable: true })
  vehicleId: string | null;

  @Field(() => ID, { nullable: true })
  memberId: string | null;

  @Field(() => Member, { nullable: true })
  member?: Member | null;

  @Field(() => Int, { description: 'Posted transactions with this plate.' })
  visitCount: number;

  @Field(() => Date, { nullable: true })
  lastVisitAt: Date | null;
}
