import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidStateError } from '../../common/errors';
import { newId } from '../../common/entity';
import { ListArgs, listQuery, Page } from '../../common/list';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobLeaseService } from './job-lease.service';
import { JobName, JobRunStatus } from './job-name';
import { JobRegistry } from './job-registry';
import { JobRun } from './job-run.entity';

/** How long a lease lasts without a heartbeat; a crashed run blocks its job at most this long. */
export const LEASE_SECONDS = Number(process.env.JOB_LEASE_SECONDS || 300);

export interface RunOptions {
  asOf?: Date;
  /** Set for scheduled runs: the schedule tick, run once across replicas. */
  window?: string;
}

/** Runs jobs under a lease and records every run. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    private readonly registry: JobRegistry,
    private readonly leases: JobLeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  listRuns(args: ListArgs): Promise<Page<JobRun>> {
    return listQuery(this.runs, args, { defaultSort: { field: 'STARTED_AT', order: 'DESC' } });
  }

  lastRun(job: JobName): Promise<JobRun | null> {
    return this.runs.findOne({ where: { job }, order: { startedAt: 'DESC', id: 'DESC' } });
  }

  /**
   * Runs a job now, as of `asOf`. Returns the run: SKIPPED when another run holds the lease (or,
   * for a scheduled window, when the window has already been run).
   */
  async run(job: JobName, options: RunOptions = {}): Promise<JobRun> {
    const handler = this.registry.get(job);
    if (!handler) throw new InvalidStateError(`Job ${job} is not available in this version`);
    const asOf = options.asOf ?? new Date();
    const runId = newId();
    const base = { id: runId, job, asOf, instance: this.config.instanceId, trigger: options.window ? 'SCHEDULE' : 'MANUAL' } as const;

    if (!(await this.leases.acquire(job, this.config.instanceId, runId, LEASE_SECONDS, options.window))) {
      const now = new Date();
      return this.runs.save(this.runs.create({ ...base, status: JobRunStatus.SKIPPED, startedAt: now, finishedAt: now }));
    }

    // Runs left RUNNING by a crashed instance lost their lease: say so.
    await this.runs.update(
      { job, status: JobRunStatus.RUNNING },
      { status: JobRunStatus.FAILED, finishedAt: new Date(), error: 'Interrupted: the instance running it stopped and its lease expired' },
    );
    const run = await this.runs.save(this.runs.create({ ...base, status: JobRunStatus.RUNNING, startedAt: new Date() }));
    let completedWindow: string | undefined;
    try {
      const result = await handler.run({
        asOf,
        runId,
        heartbeat: async () => {
          if (!(await this.leases.renew(job, runId, LEASE_SECONDS))) throw new Error('The job lease was lost');
        },
      });
      Object.assign(run, { status: JobRunStatus.SUCCEEDED, processed: result.processed, affected: result.affected });
      completedWindow = options.window;
    } catch (error) {
      this.logger.error({ err: error, job, runId }, `Job ${job} failed`);
      Object.assign(run, { status: JobRunStatus.FAILED, error: error instanceof Error ? error.message : String(error) });
    } finally {
      run.finishedAt = new Date();
      await this.runs.save(run);
      await this.leases.release(job, runId, completedWindow);
    }
    return run;
  }
}
