import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';

/** A one-time code a member shows at the store to redeem an entitlement; kept as a keyed hash. */
@Entity('benefit_code')
export class BenefitCode extends BaseRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Index()
  @IdColumn()
  memberBenefitId: string;

  @IdColumn()
  memberId: string;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;
}
