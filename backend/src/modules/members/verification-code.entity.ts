import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';

export enum CodePurpose {
  ACTIVATION = 'ACTIVATION',
  LOGIN = 'LOGIN',
}

/** A one-time SMS code (activation or login), kept only as a keyed hash. */
@Entity('verification_code')
@Index(['phone', 'purpose', 'createdAt'])
export class VerificationCode extends BaseRecord {
  @Column({ type: 'varchar', length: 16 })
  purpose: CodePurpose;

  @IdColumn({ nullable: true })
  memberId: string | null;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @DateTimeColumn()
  expiresAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateTimeColumn({ nullable: true })
  consumedAt: Date | null;
}
