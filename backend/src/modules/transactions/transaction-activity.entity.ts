import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, IdColumn } from '../../common/entity';

/** An activity that added points to a transaction, and how many. */
@Entity('transaction_activity')
@Index(['transactionId', 'activityId'], { unique: true })
export class TransactionActivity extends BaseRecord {
  @IdColumn()
  transactionId: string;

  @Index()
  @IdColumn()
  activityId: string;

  @Column({ type: 'int', default: 0 })
  points: number;
}
