import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../common/entity';

/**
 * The lease that lets one replica run a job at a time. Taken and released with conditional
 * UPDATEs against the database clock, so it needs no database-specific locking.
 */
@Entity('job_lock')
export class JobLock {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  holder: string | null;

  @DateTimeColumn({ nullable: true })
  leaseUntil: Date | null;

  /** The last schedule window completed, so replicas firing on the same tick run it once. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  lastWindow: string | null;

  /** The job run holding the lease. */
  @Column({ type: 'varchar', length: 26, nullable: true })
  runId: string | null;
}
