import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../../common/entity';

@ObjectType({ description: 'A dealership (4S店) or service outlet of the group; each is its own profit centre.' })
@Entity('dealership')
export class Dealership extends BaseRecord {
  @Field({ description: 'Short unique code, e.g. `SH-PD-01`.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field({ description: 'Display name, e.g. 上海浦东宝马4S店.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Car brand sold or serviced (品牌).' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  brand: string | null;

  @Field(() => String, { nullable: true, description: 'City (城市).' })
  @Index()
  @Column({ type: 'varchar', length: 50, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Front-desk phone number.' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Field({ description: 'Inactive dealerships stay on record but take no new business.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
