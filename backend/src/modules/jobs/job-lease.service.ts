import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate } from '../../common/database';
import { JobLock } from './job-lock.entity';

/**
 * Leases in the `job_lock` table, taken with a conditional UPDATE against the database clock: of
 * N replicas asking at once exactly one gets it, on SQLite, MySQL, MariaDB or TiDB alike. A lease
 * that is not renewed expires, so a crashed run never blocks the job for long.
 */
@Injectable()
export class JobLeaseService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the lease of a job for `ttlSeconds`. With a `window`, also refuses when that schedule
   * window has already been completed (replicas firing on the same tick run it once).
   */
  async acquire(job: string, holder: string, runId: string, ttlSeconds: number, window?: string): Promise<boolean> {
    const sql = dialectOf(this.dataSource);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(JobLock)
      .values({ job, holder: null, leaseUntil: null, lastWindow: null, runId: null })
      .orIgnore()
      .execute();
    const changed = await executeUpdate(
      this.dataSource,
      `UPDATE job_lock SET holder = ?, runId = ?, leaseUntil = ${sql.nowPlusSeconds(ttlSeconds)}
       WHERE job = ? AND (leaseUntil IS NULL OR leaseUntil < ${sql.now()})${window ? ' AND (lastWindow IS NULL OR lastWindow <> ?)' : ''}`,
      window ? [holder, runId, job, window] : [holder, runId, job],
    );
    return changed === 1;
  }

  /** Extends a lease this holder still has; false when it was lost. */
  async renew(job: string, runId: string, ttlSeconds: number): Promise<boolean> {
    const sql = dialectOf(this.dataSource);
    const changed = await executeUpdate(
      this.dataSource,
      `UPDATE job_lock SET leaseUntil = ${sql.nowPlusSeconds(ttlSeconds)} WHERE job = ? AND runId = ?`,
      [job, runId],
    );
    return changed === 1;
  }

  /** Gives the lease back, recording the window as done when one is given. */
  async release(job: string, runId: string, completedWindow?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_lock SET leaseUntil = NULL, holder = NULL, runId = NULL${completedWindow ? ', lastWindow = ?' : ''}
       WHERE job = ? AND runId = ?`,
      completedWindow ? [completedWindow, job, runId] : [job, runId],
    );
  }
}
