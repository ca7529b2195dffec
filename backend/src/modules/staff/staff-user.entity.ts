import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { StaffRole } from '../../common/auth';
import { BaseRecord, IdColumn } from '../../common/entity';
import { Dealership } from '../dealerships/dealership.entity';

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'What a staff user does: ADMIN, MARKETING (市场), FINANCE (财务), CUSTOMER_SERVICE (客服), STORE_STAFF (门店).',
});

@ObjectType({ description: 'A staff user (员工) of the group or of one dealership. Never deleted: deactivated.' })
@Entity('staff_user')
export class StaffUser extends BaseRecord {
  @Field({ description: 'Login name.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Field({ description: 'Display name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** bcrypt hash; never exposed. */
  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Field(() => StaffRole)
  @Column({ type: 'varchar', length: 20 })
  role: StaffRole;

  @Field(() => ID, { nullable: true, description: 'The dealership whose records this user works with; null for group-wide staff.' })
  @Index()
  @IdColumn({ nullable: true, references: () => Dealership })
  dealershipId: string | null;

  @Field({ description: 'Deactivated users cannot log in, and their tokens stop working at once.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
