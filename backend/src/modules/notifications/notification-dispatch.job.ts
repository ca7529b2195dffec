import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobHandler } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { NotificationsService } from './notifications.service';

/** Every minute: delivers the messages that are due, retrying failed ones on their backoff. */
@Injectable()
export class NotificationDispatchJob implements JobHandler, OnModuleInit {
  readonly name = JobName.NOTIFICATION_DISPATCH;
  readonly schedule = '* * * * *';
  readonly description = 'Delivers due notifications from the outbox through the configured sender, with retries.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  run(context: JobContext) {
    return this.notifications.dispatchDue(context.asOf, context.heartbeat);
  }
}
