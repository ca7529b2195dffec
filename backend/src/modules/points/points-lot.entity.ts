import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';

/**
 * Points credited together, with what is left of them and when they expire. Redemptions and
 * expiry draw the oldest lots first (FIFO); the remaining amounts always sum to the balance.
 */
@Entity('points_lot')
@Index(['memberId', 'expiresAt'])
@Index(['expiresAt', 'remaining'])
// The open lots by expiry, then member: POINTS_EXPIRY and the expiring-points reminders read ranges of it.
@Index(['expiredAt', 'expiresAt', 'memberId'])
export class PointsLot extends BaseRecord {
  @IdColumn()
  memberId: string;

  /** The ledger entry that credited the lot. */
  @IdColumn()
  entryId: string;

  /** The transaction whose earning opened the lot, so a reversal draws it first. */
  @Index()
  @IdColumn({ nullable: true })
  transactionId: string | null;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'int' })
  remaining: number;

  @DateTimeColumn()
  earnedAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  expiredAt: Date | null;
}
