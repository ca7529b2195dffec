import { JobName } from './job-name';

export interface JobContext {
  /** The clock the run reads: now for scheduled runs, the operator's `asOf` for `runJob`. */
  asOf: Date;
  runId: string;
  /** Extends the lease; long jobs call it between chunks so a live run is not taken over. */
  heartbeat(): Promise<void>;
}

export interface JobResult {
  /** Records examined. */
  processed: number;
  /** Records changed or messages queued. */
  affected: number;
}

/**
 * A scheduled job. Runs must be idempotent for their window (a re-run changes nothing and sends
 * nothing twice) and resumable (a crashed run is simply run again), doing set-based SQL in chunks.
 */
export interface JobHandler {
  name: JobName;
  /** Cron expression in the programme time zone. */
  schedule: string;
  description: string;
  run(context: JobContext): Promise<JobResult>;
}
