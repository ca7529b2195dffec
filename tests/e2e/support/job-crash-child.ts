/**
 * A second API process for the fault test: it boots the app on the test's database, runs the
 * REMINDERS job slowly (a chunk of two rows, then a pause at each lease heartbeat) and prints
 * `chunk` after every chunk it has committed, so the test can kill it with SIGKILL mid-run.
 * Run with `node -r @swc-node/register`; reads DATABASE_URL, JOB_LEASE_SECONDS and AS_OF.
 */
import 'reflect-metadata';
import { createApp } from '../../../backend/src/bootstrap';
import { loadConfig } from '../../../backend/src/config/app-config';
import { JobLeaseService } from '../../../backend/src/modules/jobs/job-lease.service';
import { JobName } from '../../../backend/src/modules/jobs/job-name';
import { JobsService } from '../../../backend/src/modules/jobs/jobs.service';
import { RemindersJob } from '../../../backend/src/modules/reminders/reminders.job';

async function main() {
  const app = await createApp(
    loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      INSTANCE_ID: 'crashing-instance',
    }),
  );
  app.get(RemindersJob).chunkSize = 2;
  const leases = app.get(JobLeaseService);
  const renew = leases.renew.bind(leases);
  // The heartbeat follows each committed chunk: report it, then dawdle so the kill lands mid-run.
  leases.renew = async (...args: Parameters<JobLeaseService['renew']>) => {
    const renewed = await renew(...args);
    process.stdout.write('chunk\n');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return renewed;
  };
  process.stdout.write('ready\n');
  await app.get(JobsService).run(JobName.REMINDERS, { asOf: new Date(process.env.AS_OF!) });
  process.stdout.write('finished\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
