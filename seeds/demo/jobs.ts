import { JobName, JobRunStatus } from '../../backend/src/modules/jobs/job-name';
import { JobsService } from '../../backend/src/modules/jobs/jobs.service';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';

/**
 * Nightly jobs whose results the demo's screens show on day one. Only cheap, idempotent ones that
 * send nothing: SEGMENTATION fills the dashboard's segments chart (and queues DORMANT_RECALL calls,
 * as it would overnight). Tiers, points and benefits were already applied by the seeded history.
 */
export const DAY_ONE_JOBS: JobName[] = [JobName.SEGMENTATION];

/** Runs the day-one jobs through the real job service, as of the seed's now, each recorded as a run. */
export const demoDayOneJobsStep: SeedStep = {
  name: 'demo:day-one-jobs',
  // Jobs take a lease and commit per chunk, so they cannot run inside the step's transaction.
  ownTransactions: true,
  async run({ moduleRef }) {
    const jobs = moduleRef.get(JobsService, { strict: false });
    const asOf = new Date();
    const notes: string[] = [];
    for (const job of DAY_ONE_JOBS) {
      const run = await jobs.run(job, { asOf });
      if (run.status !== JobRunStatus.SUCCEEDED) throw new Error(`Demo ${job} run ${run.status}: ${run.error ?? 'lease held'}`);
      notes.push(`${job} ${run.processed} processed, ${run.affected} changed`);
    }
    return notes.join('; ');
  },
};
