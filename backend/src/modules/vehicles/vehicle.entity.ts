import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, CalendarDateColumn, DateTimeColumn, DecimalColumn, IdColumn, MoneyColumn } from '../../common/entity';
import { DateScalar, MoneyScalar } from '../../common/scalars';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';

@ObjectType({ description: "A member's vehicle (车辆), with its service history summary and due dates." })
@Entity('vehicle')
export class Vehicle extends BaseRecord {
  @Field(() => ID)
  @Index()
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field({ description: 'Vehicle identification number (车架号), 17 characters.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 17 })
  vin: string;

  @Field(() => String, { nullable: true, description: 'Plate number (车牌号), e.g. 沪A12345.' })
  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  plateNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  model: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  series: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  color: string | null;

  @Field(() => DateScalar, { nullable: true })
  @CalendarDateColumn()
  purchaseDate: string | null;

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyColumn({ nullable: true, default: null })
  purchasePrice: number | null;

  @Field(() => Int, { nullable: true, description: 'Odometer reading, km, as last recorded.' })
  @Column({ type: 'int', nullable: true })
  mileage: number | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  lastServiceAt: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  lastServiceMileage: number | null;

  /** The service before the last one: the average daily distance is measured between the two. */
  @DateTimeColumn({ nullable: true })
  previousServiceAt: Date | null;

  @Column({ type: 'int', nullable: true })
  previousServiceMileage: number | null;

  @Field(() => Float, { nullable: true, description: 'Average km a day between the last two service visits.' })
  @DecimalColumn({ nullable: true, precision: 10, scale: 2 })
  avgDailyKm: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Next maintenance (保养) due by date, or earlier by predicted mileage.' })
  @Index()
  @CalendarDateColumn()
  nextServiceDueDate: string | null;

  @Field(() => Int, { nullable: true, description: 'Next maintenance due at this odometer reading, km.' })
  @Column({ type: 'int', nullable: true })
  nextServiceDueMileage: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Annual inspection (年审) due.' })
  @Index()
  @CalendarDateColumn()
  inspectionDueDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Insurance (车险) expiry.' })
  @Index()
  @CalendarDateColumn()
  insuranceExpiryDate: string | null;

  @Field(() => ID, { nullable: true, description: 'Selling or servicing dealership.' })
  @Index()
  @IdColumn({ nullable: true, references: () => Dealership })
  dealershipId: string | null;
}
