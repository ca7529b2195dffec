import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { requestContext } from '../../common/context/request-context';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobName } from './job-name';
import { JobRegistry } from './job-registry';
import { JobsService } from './jobs.service';

/** Puts every registered job on its schedule (in the programme time zone) unless JOBS_ENABLED=false. */
@Injectable()
export class JobsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobsScheduler.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobsService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.jobsEnabled) return;
    for (const handler of this.registry.all()) {
      const cron = CronJob.from({
        cronTime: handler.schedule,
        timeZone: this.config.programmeTimeZone,
        onTick: () => this.tick(handler.name),
        start: true,
      });
      this.scheduler.addCronJob(handler.name, cron);
    }
  }

  /** When the job fires next, or null when schedules are off. */
  nextRunAt(job: JobName): Date | null {
    if (!this.config.jobsEnabled || !this.scheduler.doesExist('cron', job)) return null;
    return this.scheduler.getCronJob(job).nextDate().toJSDate();
  }

  private async tick(job: JobName) {
    const firedAt = new Date();
    firedAt.setUTCSeconds(0, 0);
    // Every replica fires on the same tick; the window (the minute of the tick) makes it run once.
    await requestContext.run({ requestId: `job:${job}:${firedAt.toISOString()}` }, async () => {
      try {
        await this.jobs.run(job, { asOf: new Date(), window: firedAt.toISOString() });
      } catch (error) {
        this.logger.error({ err: error, job }, `Scheduled run of ${job} could not start`);
      }
    });
  }
}
