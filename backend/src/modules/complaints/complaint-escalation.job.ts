import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { ComplaintsService } from './complaints.service';

/**
 * Every 5 minutes: escalates complaints whose SLA was missed as of `asOf` (level 1: not
 * acknowledged in time, to the store; level 2: not resolved in time, to group customer service),
 * each level once, with a timeline event and notifications. Re-running changes nothing.
 */
@Injectable()
export class ComplaintEscalationJob implements JobHandler, OnModuleInit {
  readonly name = JobName.COMPLAINT_ESCALATION;
  readonly schedule = '*/5 * * * *';
  readonly description =
    'Escalates complaints that missed their acknowledgement (level 1) or resolution (level 2) time, and notifies.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly complaints: ComplaintsService,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    return this.complaints.escalateDue(asOf, heartbeat);
  }
}
